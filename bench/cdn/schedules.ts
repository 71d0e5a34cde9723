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
import { awsDelay, USER_DEADLINE_MS } from "../sim/peerDelays";

/** A schedule runs every task of a trial and reports how each wait ended. */
export interface Schedule {
    readonly key: string;
    readonly label: string;
    /** One line on the algorithm and its parameters, for the report. */
    readonly description: string;
    run(api: SimApi, clock: VirtualClock, tasks: readonly SimTask[], random: () => number): Promise<WaitOutcome[]>;
}

const isDone = async (api: SimApi, taskId: string): Promise<boolean> => {
    try {
        const page = await api.describePurgeTasks({ taskId, offset: 0, limit: 100 });
        return page.purgeLogs.length > 0 && page.purgeLogs.every((r) => r.status === "done");
    } catch {
        return false; // throttled: no news, keep to the schedule
    }
};

/**
 * A per-task polling loop: check at once, then sleep `delayAfter(k)` after check k, until done or the deadline.
 *
 * @example
 * perTask("tccli", "tccli --waiter", "fixed 5 s", () => 5000, 20 * 60_000);
 */
export function perTask(key: string, label: string, description: string,
    delayAfter: (check: number, random: () => number) => number, deadlineMs: number): Schedule {
    return {
        key, label, description,
        run: (api, clock, tasks, random) => Promise.all(tasks.map(async (task): Promise<WaitOutcome> => {
            await clock.sleep(task.waitAt ?? task.submitAt);
            const deadline = clock.now() + deadlineMs;
            for (let check = 1; ; check++) {
                if (await isDone(api, task.taskId)) {
                    return { taskId: task.taskId, releasedAt: clock.now(), calls: check };
                }
                const delay = delayAfter(check, random);
                if (clock.now() + delay > deadline) {
                    return { taskId: task.taskId, calls: check };
                }
                await clock.sleep(delay);
            }
        })),
    };
}

/** The peers, re-implemented from their published algorithms. */
export const PEERS: readonly Schedule[] = [
    perTask("terraform", "Terraform", "per task; at once, then 0.5 s doubling to 10 s, no jitter; gives up at 6 min",
        (k) => Math.min(10_000, 500 * 2 ** (k - 1)), 6 * 60_000),
    perTask("tccli", "tccli --waiter", "per task; at once, then every 5 s; timeout 1200 s",
        () => 5000, USER_DEADLINE_MS),
    perTask("aws20", "AWS waiter 20/120", "per task; at once, then U[20 s, min(120 s, 20 s*2^(k-1))] (CloudFront invalidation defaults)",
        (k, r) => awsDelay(k, 20_000, 120_000, r), USER_DEADLINE_MS),
    perTask("aws2", "AWS waiter 2/120", "per task; at once, then U[2 s, min(120 s, 2 s*2^(k-1))] (generic waiter defaults)",
        (k, r) => awsDelay(k, 2000, 120_000, r), USER_DEADLINE_MS),
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
