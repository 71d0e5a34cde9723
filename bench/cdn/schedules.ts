/**
 * The wait schedules compared, all run against the same {@link SimApi} on the same simulated clock.
 *
 * The peers are re-implemented from their published behaviour (their documentation and source); each polls
 * DescribePurgeTasks by TaskId, one loop per task, and treats an error (a throttled call) as "not known yet" and
 * keeps to its schedule:
 * - Terraform `tencentcloud_cdn_url_purge`: first check at once, then waits of 0.5 s doubling to a 10 s cap, no
 *   jitter; gives up 6 minutes after it started.
 * - tccli `--waiter`: first check at once, then every 5 s (interval 5), until the deadline.
 * - AWS SDK waiter: first check at once; the delay after check k is drawn between minDelay and
 *   min(maxDelay, minDelay * 2^(k-1)); a check that would fall past the deadline is not made (TIMEOUT).
 *   CloudFront's invalidation waiter publishes minDelay 20 s, maxDelay 120 s; 2 s / 120 s is the generic default.
 *
 * Ours is the provider host's path: one {@link CoalescingPoller} per process (here: per trial) shared by every
 * wait, each wait run by `waitOnPollerForTask` with the host's settings.
 */
import { CoalescingPoller, CoalescingPollerOptions } from "../../provider/wait/coalescingPoller";
import { VirtualClock } from "../../provider/base/virtualClock";
import { waitOnPollerForTask } from "../../provider/wait/pollerWaits";
import { SimApi } from "./simApi";
import { SimTask } from "./workloads";
import { cdnPolling } from "../../provider/cdn/poller";
import { PurgeTask } from "../../provider/cdn/types";
import { WaitOutcome } from "../sim/driver";
import { awsTiming, PeerTiming, pollEach, TCCLI_TIMING, terraformTiming, USER_DEADLINE_MS } from "../sim/peerDelays";

/** A schedule runs every task of a trial and reports how each wait ended. */
export interface Schedule {
    readonly key: string;
    readonly label: string;
    /** One line on the algorithm and its parameters, for the report. */
    readonly description: string;
    run(api: SimApi, clock: VirtualClock, tasks: readonly SimTask[], random: () => number): Promise<WaitOutcome[]>;
}

const isDone = async (api: SimApi, taskId: string): Promise<boolean> => {
    const page = await api.describePurgeTasks({ taskId, offset: 0, limit: 100 });
    return page.purgeLogs.length > 0 && page.purgeLogs.every((r) => r.status === "done");
};

/**
 * A peer's loop per task (`pollEach`), reading the task by id.
 *
 * @example
 * perTask("tccli", "tccli --waiter", "fixed 5 s", TCCLI_TIMING);
 */
export function perTask(key: string, label: string, description: string, timing: PeerTiming): Schedule {
    return {
        key, label, description,
        run: (api, clock, tasks, random) => pollEach(clock, timing, random, tasks.map((task) =>
            ({ id: task.taskId, startAt: task.waitAt ?? task.submitAt, ended: () => isDone(api, task.taskId) }))),
    };
}

/** The peers, re-implemented from their published algorithms. */
export const PEERS: readonly Schedule[] = [
    perTask("terraform", "Terraform", "per task; at once, then 0.5 s doubling to 10 s, no jitter; gives up at 6 min",
        terraformTiming(6 * 60_000)),
    perTask("tccli", "tccli --waiter", "per task; at once, then every 5 s; timeout 1200 s", TCCLI_TIMING),
    perTask("aws20", "AWS waiter 20/120", "per task; at once, then U[20 s, min(120 s, 20 s*2^(k-1))] (CloudFront invalidation defaults)",
        awsTiming(20_000, 120_000)),
    perTask("aws2", "AWS waiter 2/120", "per task; at once, then U[2 s, min(120 s, 2 s*2^(k-1))] (generic waiter defaults)",
        awsTiming(2000, 120_000)),
];

/**
 * Ours: every wait of the trial shares one coalescing poller, as in the provider host (`hostWaitForCdnTasks`).
 *
 * @example
 * coalesced("ours", "ours (defaults)", {});
 */
export function coalesced(key: string, label: string, pollerOptions: Partial<CoalescingPollerOptions<PurgeTask>>): Schedule {
    const knobs = Object.entries(pollerOptions).map(([k, v]) => `${k}=${v}`).join(", ") || "defaults";
    return {
        key, label, description: `one shared CoalescingPoller for all waits (${knobs}); waitForTask per task`,
        run: async (api, clock, tasks, random) => {
            const poller = new CoalescingPoller({ ...cdnPolling(api), clock, sleep: clock.sleep, random, ...pollerOptions });
            return Promise.all(tasks.map(async (task): Promise<WaitOutcome> => {
                await clock.sleep(task.waitAt ?? task.submitAt);
                // A task submitted elsewhere comes as a bare id, as a PurgeTaskWaiter gets it.
                const since = task.elsewhere ? undefined : SimApi.apiTime(task.submitAt);
                const result = await waitOnPollerForTask(poller, {
                    taskId: task.taskId, since, clock, sleep: clock.sleep,
                    timeoutMs: USER_DEADLINE_MS, notVisibleGraceMs: 60_000,
                    expectedRecords: 1,
                });
                return { taskId: task.taskId, releasedAt: result.state === "done" ? clock.now() : undefined };
            }));
        },
    };
}
