/**
 * CDN's reader for the shared poller: the records of many purge tasks at once, by id, one time range, or ranges
 * around tasks read by id, whichever costs fewer calls.
 */
import { formatApiTime } from "../base/time";
import { JobReader } from "../wait";
import { readManyTasks } from "./recordsOfTasks";
import { PurgeApi, PurgeTask } from "./types";

/**
 * How far back a round looks, among the account's newest records, for watched tasks it knows no time of (ids
 * the process did not submit). One day: a wait is usually on a recent purge, and one that is older is read by
 * id instead.
 */
const PROBE_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * CDN's reader: by id, one time range, or ranges around tasks read by id, whichever costs fewer calls.
 *
 * @example
 * new CoalescingPoller({ reader: cdnJobReader(client), clock, sleep, random });
 */
export function cdnJobReader(api: PurgeApi): JobReader<PurgeTask> {
    return {
        read: (jobs, hints, signal) => readManyTasks(api, jobs, signal, hints.lastRangeTotal,
            { probeSince: formatApiTime(new Date(hints.now - PROBE_LOOKBACK_MS)) }),
    };
}
