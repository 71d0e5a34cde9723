/**
 * How long purges (or prefetches: the same read of the prefetch listing) take in a zone, from its recent tasks: EdgeOne tells when each finished (`UpdateTime`), so
 * `UpdateTime - CreateTime` of the zone's recent successes says when a new job is worth its first check: before
 * the time by which a quarter of purges have finished, a check seldom releases the wait. A later quantile (the median)
 * would save more calls but hold back every purge faster than it by up to the difference; 25% was chosen with
 * `npm run bench` (the EdgeOne one-job workload).
 */
import { formatIsoApiTime, parseIsoApiTime } from "../base/isoTime";
import { EdgeOneTask, EdgeOneTaskListing } from "./types";

/** How far back to look, how many tasks to look at, and how long one answer stays good. */
const LOOKBACK_MS = 24 * 60 * 60_000;
const SAMPLE = 200;
const KEEP_MS = 10 * 60_000;

// The answer as a promise, so waits that start together share one read.
const cache = new WeakMap<EdgeOneTaskListing<EdgeOneTask>, Map<string, { readonly at: number; readonly ms: Promise<number | undefined> }>>();

/** The share of purges that may finish before the first check. */
const EARLY_QUANTILE = 0.25;

/**
 * The same share for prefetches, which take 5 to 30 minutes: a prefetch that finishes before the first check
 * waits for it, by up to minutes at 25% (the bench's p95 release delay was 299 s); at 5% the p95 is about 5 s and
 * the checks saved before it still cover the first minutes. Chosen with `npm run bench` (EdgeOne: one prefetch).
 */
export const PREFETCH_EARLY_QUANTILE = 0.05;

/**
 * The `q` quantile (0..1, nearest rank below) of `UpdateTime - CreateTime` over succeeded tasks, in ms, or
 * undefined when none tells.
 *
 * @example
 * durationQuantileMs([{ ...t, status: "success", createTime: "2026-12-04T20:00:00+08:00", updateTime: "2026-12-04T20:00:06+08:00" }], 0.5); // 6000
 */
export function durationQuantileMs(tasks: readonly EdgeOneTask[], q: number): number | undefined {
    const durations = tasks.filter((t) => t.status === "success").map((t) => {
        const created = parseIsoApiTime(t.createTime ?? "");
        const updated = parseIsoApiTime(t.updateTime ?? "");
        return created && updated ? updated.getTime() - created.getTime() : NaN;
    }).filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
    if (durations.length === 0) {
        return undefined;
    }
    return durations[Math.min(durations.length - 1, Math.floor(q * (durations.length - 1)))];
}

/**
 * How long after submission a purge (or, read from the prefetch listing with {@link PREFETCH_EARLY_QUANTILE}, a
 * prefetch) in this zone is first worth checking: the 25th percentile of its recent
 * durations, from one DescribePurgeTasks call (the newest successes of the last day), kept for
 * ten minutes. Undefined when the zone has none, or the read failed (the wait then checks at once, as without it).
 *
 * @example
 * const ms = await recentDurationMs(client, "zone-2noz78a8ev6k", Date.now());
 */
export async function recentDurationMs(api: EdgeOneTaskListing<EdgeOneTask>, zoneId: string, now: number, signal?: AbortSignal,
    quantile = EARLY_QUANTILE): Promise<number | undefined> {
    let zones = cache.get(api);
    if (!zones) {
        zones = new Map();
        cache.set(api, zones);
    }
    const key = `${zoneId}@${quantile}`;
    const known = zones.get(key);
    if (known && now - known.at < KEEP_MS) {
        return known.ms;
    }
    const ms = api.describePurgeTasks({ zoneId, startTime: formatIsoApiTime(new Date(now - LOOKBACK_MS)),
        endTime: formatIsoApiTime(new Date(now + 1000)), filters: [{ name: "statuses", values: ["success"] }], offset: 0, limit: SAMPLE }, signal)
        .then((page) => durationQuantileMs(page.tasks, quantile))
        // A hint only: the wait reads and reports errors itself.
        .catch(() => undefined);
    zones.set(key, { at: now, ms });
    return ms;
}
