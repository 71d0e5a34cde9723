/**
 * A zone's recent finished jobs for the core's learned durations (`recentDurationsMs`, `learnedPace` in
 * `wait/`): one DescribePurgeTasks (or, on the prefetch listing, DescribePrefetchTasks) call for the newest
 * successes of the last day, and EdgeOne's ISO times. A purge's first check waits for the time by which a quarter
 * of the zone's recent purges had finished; a prefetch is paced by the whole distribution.
 */
import { formatIsoApiTime, parseIsoApiTime } from "../base/isoTime";
import { durationQuantileMs, learnedPace, CheckPace, recentDurationsMs, RecentJobs } from "../wait";
import { EDGEONE_PREFETCH_RECORDS } from "./prefetchRecords";
import { EdgeOnePrefetchTask, EdgeOneTask, EdgeOneTaskListing } from "./types";

/** How far back to look, and how many tasks to look at. */
const LOOKBACK_MS = 24 * 60 * 60_000;
const SAMPLE = 200;

/**
 * The share of purges that may finish before the first check. A later quantile (the median) would save more calls
 * but hold back every purge faster than it by up to the difference; 25% was chosen with `npm run bench` (the
 * EdgeOne one-job workload).
 */
const EARLY_QUANTILE = 0.25;

/** EdgeOne's time of a task, epoch ms. */
const ms = (text: string | null): number | undefined => (text ? parseIsoApiTime(text)?.getTime() : undefined);

/**
 * The zone's recent successes on `listing` (purges, or prefetches on the prefetch listing).
 *
 * @example
 * const durations = await recentDurationsMs(edgeOneRecentJobs(client, "zone-2noz78a8ev6k"), Date.now());
 */
export function edgeOneRecentJobs<T extends EdgeOneTask>(listing: EdgeOneTaskListing<T>, zoneId: string): RecentJobs<T> {
    return {
        owner: listing, scope: zoneId,
        readFinished: async (now, signal) => (await listing.describePurgeTasks({ zoneId, startTime: formatIsoApiTime(new Date(now - LOOKBACK_MS)),
            endTime: formatIsoApiTime(new Date(now + 1000)), filters: [{ name: "statuses", values: ["success"] }], offset: 0, limit: SAMPLE },
        signal)).tasks.filter((t) => t.status === "success"),
        createdMs: (t) => ms(t.createTime),
        finishedMs: (t) => ms(t.updateTime),
    };
}

/**
 * How long after submission a purge in this zone is first worth checking: the 25th percentile of its recent
 * durations. Undefined when the zone has none, or the read failed (the wait then checks at once, as without it).
 *
 * @example
 * const ms = await recentDurationMs(client, "zone-2noz78a8ev6k", Date.now());
 */
export async function recentDurationMs(api: EdgeOneTaskListing<EdgeOneTask>, zoneId: string, now: number): Promise<number | undefined> {
    const durations = await recentDurationsMs(edgeOneRecentJobs(api, zoneId), now);
    return durations === undefined ? undefined : durationQuantileMs(durations, EARLY_QUANTILE);
}

/**
 * The pace of a wait on prefetch jobs of `zoneId` submitted at `submittedAt` (unknown for jobs from elsewhere or an
 * earlier run), learned from the zone's recent prefetches; undefined when it has none to learn from.
 *
 * @example
 * const pace = await edgeOnePrefetchPace(prefetchListing(client), zoneId, submittedAt, Date.now());
 */
export async function edgeOnePrefetchPace(listing: EdgeOneTaskListing<EdgeOnePrefetchTask>, zoneId: string, submittedAt: number | undefined,
    now: number): Promise<CheckPace<EdgeOnePrefetchTask> | undefined> {
    const durations = await recentDurationsMs(edgeOneRecentJobs(listing, zoneId), now);
    return durations && learnedPace({ durations, startedAt: submittedAt, records: EDGEONE_PREFETCH_RECORDS, createdMs: (t) => ms(t.createTime) });
}
