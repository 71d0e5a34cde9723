/**
 * The shared poller of push tasks: one per client (account), so every prefetch wait of a process on that account
 * shares its rounds (fifty pushes gated in one deployment cost one round of reads, within the API's 20 calls a
 * second), apart from the purges' poller; and the pace of a push watched alone, learned from the account's recent
 * prefetches by the core (`learnedPace`), from its finished pushes and the CDN's Beijing times.
 */
import { Clock, realClock, realSleep, Sleep } from "../base/clock";
import { formatApiTime, parseApiTime } from "../base/time";
import { CheckPace, CoalescingPoller, learnedPace, recentDurationsMs, RecentJobs } from "../wait";
import { pushJobReader } from "./pushJobReader";
import { PUSH_RECORDS } from "./pushRecords";
import { PushApi, PushTask } from "./pushTypes";

/**
 * The quiet-interval cap while one push is watched: the pace learned from the account's prefetches decides when a
 * lone push is checked, and this only bounds the pauses where it has nothing to say (no recent prefetch, or one
 * running longer than all of them). As EdgeOne's prefetch poller; chosen with `npm run bench` (CDN: one push of minutes).
 */
export const PUSH_SINGLE_TASK_MAX_DELAY_MS = 15_000;

/** How far back the account's finished pushes are read (prefetches are rarer than purges), and how many. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000;
const SAMPLE = 100;

/** The CDN's time of a record, epoch ms. */
const ms = (text: string | null): number | undefined => (text ? parseApiTime(text)?.getTime() : undefined);

/**
 * A new poller of push tasks, with the push reader, records and timing; the bench builds its own with it.
 *
 * @example
 * const poller = newPushPoller(client, realClock, realSleep, Math.random);
 */
export function newPushPoller(api: PushApi, clock: Clock, sleep: Sleep, random: () => number): CoalescingPoller<PushTask> {
    return new CoalescingPoller({ reader: pushJobReader(api), records: PUSH_RECORDS, clock, sleep, random,
        singleTaskMaxDelayMs: PUSH_SINGLE_TASK_MAX_DELAY_MS });
}

// Keyed by the API client, so waits under different credentials (accounts) never share reads.
const pollers = new WeakMap<PushApi, CoalescingPoller<PushTask>>();

/**
 * The push poller of a client, created on first use with the real clock.
 *
 * @example
 * await hostWaitOnPoller(pushPoller(client), { taskIds, since, pace }, settings, sink, urls.length, PUSH_RECORDS);
 */
export function pushPoller(api: PushApi): CoalescingPoller<PushTask> {
    let poller = pollers.get(api);
    if (!poller) {
        poller = newPushPoller(api, realClock, realSleep, Math.random);
        pollers.set(api, poller);
    }
    return poller;
}

/**
 * The account's recent finished pushes: one DescribePushTasks call for the newest `done` records of the last week.
 *
 * @example
 * const durations = await recentDurationsMs(recentPushes(client), Date.now());
 */
export function recentPushes(api: PushApi): RecentJobs<PushTask> {
    return {
        owner: api, scope: "",
        readFinished: async (now, signal) => (await api.describePushTasks({ startTime: formatApiTime(new Date(now - LOOKBACK_MS)),
            status: "done", offset: 0, limit: SAMPLE }, signal)).pushLogs.filter((r) => r.status === "done"),
        createdMs: (r) => ms(r.createTime),
        finishedMs: (r) => ms(r.updateTime),
    };
}

/**
 * The pace of a wait on push tasks submitted at `submittedAt` (unknown for tasks from elsewhere or an earlier run),
 * learned from the account's recent prefetches; undefined when it has none to learn from.
 *
 * @example
 * const pace = await pushPace(client, submittedAt, Date.now());
 */
export async function pushPace(api: PushApi, submittedAt: number | undefined, now: number): Promise<CheckPace<PushTask> | undefined> {
    const durations = await recentDurationsMs(recentPushes(api), now);
    return durations && learnedPace({ durations, startedAt: submittedAt, records: PUSH_RECORDS, createdMs: (r) => ms(r.createTime) });
}
