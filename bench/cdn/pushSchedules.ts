/**
 * The prefetch (push) wait schedules compared, on the same {@link SimPushApi} and simulated clock.
 *
 * Peers, re-implemented from their published behaviour, one loop per push reading it by TaskId (`pollEach`, with
 * the timings the CDN and EdgeOne benches share):
 * - Terraform `tencentcloud_cdn_url_push`: waits in Read, polling DescribePushTasks with its retry schedule (at once,
 *   then 0.5 s doubling to 10 s); gives up after 6 minutes; passes `done` and `invalid` alike.
 * - tccli `--waiter`: every 5 s until every URL is `done`, within 20 minutes (a push with an `invalid` URL never is).
 * - an AWS-style waiter (2 s / 120 s): success when every URL is `done`, failure when one ends `fail` or `invalid`.
 *
 * Ours is the provider host's path (`hostWaitForPushTasks`): the account's push poller, a wait per push through
 * `waitOnPoller`, paced by the account's recent pushes (`pushPace`), within UrlPush's default deadline.
 */
import { PUSH_TIMEOUT_SECONDS } from "../../provider/cdn/pushDescription";
import { newPushPoller, pushPace } from "../../provider/cdn/pushPoller";
import { PUSH_RECORDS } from "../../provider/cdn/pushRecords";
import { PushStatus } from "../../provider/cdn/pushTypes";
import { formatApiTime } from "../../provider/base/time";
import { VirtualClock } from "../../provider/base/virtualClock";
import { waitOnPoller } from "../../provider/wait/pollerWaits";
import { SIM_EPOCH, WaitOutcome } from "../sim/driver";
import { awsTiming, PeerTiming, pollEach, TCCLI_TIMING, terraformTiming } from "../sim/peerDelays";
import { SimPush, SimPushApi } from "./simPushApi";

/** A push schedule runs every push of a trial and reports how each wait ended. */
export interface PushSchedule {
    readonly key: string;
    readonly label: string;
    readonly description: string;
    run(api: SimPushApi, clock: VirtualClock, pushes: readonly SimPush[], random: () => number): Promise<WaitOutcome[]>;
}

/** How a peer reads a push's statuses: `pass` when it stops waiting and goes on, `fail` when it stops with an error. */
type Verdict = "pass" | "fail" | "wait";

/**
 * A peer's loop per push: its timing, and its verdict on the push's statuses (an empty answer: wait).
 *
 * @example
 * perPush("tccli-push", "tccli --waiter", "every 5 s", TCCLI_TIMING, (s) => (s.every((x) => x === "done") ? "pass" : "wait"));
 */
function perPush(key: string, label: string, description: string, timing: PeerTiming,
    verdict: (statuses: readonly (PushStatus | null)[]) => Verdict): PushSchedule {
    return {
        key, label, description,
        run: async (api, clock, pushes, random) => {
            const failed = new Set<string>();
            const outcomes = await pollEach(clock, timing, random, pushes.map((p) => ({
                id: p.taskId, startAt: p.submitAt,
                ended: async () => {
                    const { pushLogs } = await api.describePushTasks({ taskId: p.taskId, offset: 0, limit: 100 });
                    const v = pushLogs.length === 0 ? "wait" : verdict(pushLogs.map((r) => r.status));
                    if (v === "fail") {
                        failed.add(p.taskId);
                    }
                    return v !== "wait";
                },
            })), SIM_EPOCH);
            return outcomes.map((o) => (failed.has(o.taskId) ? { taskId: o.taskId, calls: o.calls, failed: true, failedAt: o.releasedAt } : o));
        },
    };
}

const allDone = (s: readonly (PushStatus | null)[]) => s.every((x) => x === "done");

/** The push peers. */
export const PUSH_PEERS: readonly PushSchedule[] = [
    perPush("terraform-push", "Terraform cdn_url_push", "per push, in Read; at once, then 0.5 s doubling to 10 s; gives up at 6 min; passes done and invalid alike",
        terraformTiming(6 * 60_000), (s) => (s.every((x) => x === "done" || x === "invalid") ? "pass" : "wait")),
    perPush("tccli-push", "tccli --waiter", "per push; at once, then every 5 s until every URL is done; timeout 1200 s", TCCLI_TIMING,
        (s) => (allDone(s) ? "pass" : "wait")),
    perPush("aws2-push", "AWS-style waiter 2/120", "per push; at once, then U[2 s, min(120 s, 2 s*2^(k-1))]; fails on fail or invalid",
        awsTiming(2000, 120_000), (s) => (allDone(s) ? "pass" : s.some((x) => x === "fail" || x === "invalid") ? "fail" : "wait")),
];

/** Ours: the account's push poller, every wait through it, paced by the account's recent pushes. */
export const PUSH_OURS: PushSchedule = {
    key: "ours", label: "ours (push poller, learned pace)",
    description: "the account's push poller; waitOnPoller per push, paced by the account's recent push durations; UrlPush's 1800 s deadline",
    run: async (api, clock, pushes, random) => {
        const poller = newPushPoller(api, clock, clock.sleep, random);
        return Promise.all(pushes.map(async (p): Promise<WaitOutcome> => {
            await clock.sleep(p.submitAt);
            const submittedAt = SIM_EPOCH + p.submitAt;
            const pace = await pushPace(api, submittedAt, clock.now());
            const result = await waitOnPoller(poller, {
                taskIds: [p.taskId], records: PUSH_RECORDS, clock, sleep: clock.sleep, timeoutMs: PUSH_TIMEOUT_SECONDS * 1000,
                notVisibleGraceMs: 60_000, expectedRecords: p.urls, since: formatApiTime(new Date(submittedAt - 5 * 60_000)), pace,
            });
            const endedAt = clock.now() - SIM_EPOCH;
            return { taskId: p.taskId, releasedAt: result.state === "done" ? endedAt : undefined, failed: result.state === "failed",
                failedAt: result.state === "failed" ? endedAt : undefined };
        }));
    },
};
