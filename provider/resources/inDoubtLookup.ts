/**
 * Looking for the job of a batch in doubt, the same way for every product. The API may list a new job only
 * some seconds after creating it, so one empty read proves nothing: the lookup reads again until
 * {@link LISTING_LAG_MS} has passed since the batch was sent, and only then concludes that it was not created.
 * After a Ctrl-C the next `pulumi up` usually comes later than that, and one read settles it.
 */
import { Timing } from "../base/clock";

/**
 * How long after its creation a job may still be missing from the API's lists. The waits treat an empty answer
 * right after a submission the same way ("not listed yet").
 */
export const LISTING_LAG_MS = 60_000;

/** The pause between two reads of the lookup: short first, since most jobs are listed within seconds. */
const LOOKUP_DELAYS_MS = [1000, 2000, 3000, 5000];

/**
 * Runs `find` until it finds something, or until `lagMs` has passed since `sentAtMs` (always at least once).
 *
 * @example
 * const jobId = await lookWithinListingLag(() => find(items, since), sentAt.getTime(), LISTING_LAG_MS, realTiming, signal);
 */
export async function lookWithinListingLag<T>(
    find: () => Promise<T | undefined>, sentAtMs: number, lagMs: number, timing: Timing, signal?: AbortSignal,
): Promise<T | undefined> {
    for (let read = 0; ; read++) {
        const found = await find();
        if (found !== undefined) {
            return found;
        }
        const left = sentAtMs + lagMs - timing.now();
        if (left <= 0) {
            return undefined;
        }
        await timing.sleep(Math.min(left, LOOKUP_DELAYS_MS[Math.min(read, LOOKUP_DELAYS_MS.length - 1)]), signal);
    }
}

/** An item (URL, target) as the API may list it: exact, or decoded where the API decoded it. */
export function sameItem(listed: string, item: string): boolean {
    if (listed === item) {
        return true;
    }
    try {
        return decodeURI(listed) === decodeURI(item);
    } catch {
        return false;
    }
}

/**
 * The jobs whose records list exactly the distinct `items`, among `records` of any jobs; `itemOf` and `jobOf` read a
 * record's item and job. An item listed more than once (a global push lists it once per area) counts once. With
 * `mayListMore` (a job that lists what it found besides its items: an M3U8 playlist's segments), a job listing
 * every item and more is taken too.
 *
 * @example
 * jobsCovering(purgeLogs, ["https://www.example.com/a"], (r) => r.url, (r) => r.taskId); // ["1533"]
 */
export function jobsCovering<R>(records: readonly R[], items: readonly string[],
    itemOf: (r: R) => string | null, jobOf: (r: R) => string | null, mayListMore = false): string[] {
    const byJob = new Map<string, string[]>();
    for (const r of records) {
        const job = jobOf(r);
        const item = itemOf(r);
        if (job && item !== null) {
            byJob.set(job, [...(byJob.get(job) ?? []), item]);
        }
    }
    const wanted = [...new Set(items)];
    return [...byJob].filter(([, listed]) => wanted.every((item) => listed.some((l) => sameItem(l, item))) &&
        (mayListMore || listed.every((l) => wanted.some((item) => sameItem(l, item)))))
        .map(([job]) => job);
}
