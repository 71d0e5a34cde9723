/**
 * What the shared poller needs of a product: a way to read the records of many jobs at once, as cheaply as the
 * product's API allows. CDN's reader is {@link readManyTasks}; EdgeOne's lives with its client. The poller
 * itself (rounds, their pace, who waits for what) is the same for both.
 */
import { formatApiTime } from "../base/time";
import { readManyTasks, TaskToRead } from "../cdn/recordsOfTasks";
import { PurgeApi, PurgeTask } from "../cdn/types";

/** What a round knows that may make a read cheaper. */
export interface JobReadHints {
    /** The total the last range read over the same start answered: a busy range is skipped for reads by id. */
    readonly lastRangeTotal?: number;
    /** The poller's clock, epoch milliseconds. */
    readonly now: number;
}

/** What one read found, and at what cost. */
export interface JobsRead<R> {
    /** Records per job id; every job asked for has an entry (empty when not visible). */
    readonly records: ReadonlyMap<string, readonly R[]>;
    readonly apiCalls: number;
    /** A range query's total, when one was made: handed back as `lastRangeTotal` next round. */
    readonly rangeTotal?: number;
}

/**
 * Reads the records of many jobs (`taskId` is the job's id; `since` and `created` as {@link TaskToRead} says).
 *
 * @example
 * const reader: JobReader<PurgeTask> = cdnJobReader(client);
 * const { records, apiCalls } = await reader.read([{ taskId: "1533" }], { now: Date.now() });
 */
export interface JobReader<R> {
    read(jobs: readonly TaskToRead[], hints: JobReadHints, signal?: AbortSignal): Promise<JobsRead<R>>;
}

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
