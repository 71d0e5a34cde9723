/**
 * How long an account's (or a zone's) jobs take, learned from its own recent finished jobs: both products report
 * when a job was created and when it last changed (`UpdateTime - CreateTime`), which for a finished job is how long
 * it ran. A product says how to read its recent finished jobs and how to read their times; what is learned from
 * them (a quantile, the pace of the checks: `learnedPace.ts`) is the same for every product.
 */

/**
 * A product's recent finished jobs: one read, and their times. `owner` and `scope` say whose jobs they are: one
 * answer is kept per owner (a client, a listing) and scope (a zone, or "" for the whole account).
 *
 * @example
 * const jobs: RecentJobs<PushTask> = { owner: client, scope: "", readFinished: (now, s) => ..., createdMs, finishedMs };
 */
export interface RecentJobs<R> {
    readonly owner: object;
    readonly scope: string;
    /** The newest finished records, in one call (a failed read only means nothing is learned). */
    readFinished(now: number, signal?: AbortSignal): Promise<readonly R[]>;
    /** When the record's job was created, epoch ms, or undefined when it does not say. */
    createdMs(record: R): number | undefined;
    /** When it finished (its UpdateTime), epoch ms, or undefined. */
    finishedMs(record: R): number | undefined;
}

/** One answer serves the waits that start within this long, so many jobs started together cost one read. */
const KEEP_MS = 10 * 60_000;

// The answer as a promise, so waits that start together share one read.
const kept = new WeakMap<object, Map<string, { readonly at: number; readonly durations: Promise<readonly number[] | undefined> }>>();

/**
 * The durations (`finished - created`, ms, ascending) of records, leaving out those that lack either time.
 *
 * @example
 * durationsOf(records, createdMs, finishedMs); // [360000, 420000]
 */
export function durationsOf<R>(records: readonly R[], createdMs: (r: R) => number | undefined,
    finishedMs: (r: R) => number | undefined): number[] {
    return records.flatMap((r) => {
        const created = createdMs(r);
        const finished = finishedMs(r);
        return created !== undefined && finished !== undefined && finished >= created ? [finished - created] : [];
    }).sort((a, b) => a - b);
}

/**
 * The durations of the recent finished jobs of `jobs` (ascending), read once and kept for ten minutes; undefined
 * when there are none, or the read failed (a hint only: the wait then reads on its poller's own pace, and reports
 * errors itself).
 *
 * @example
 * const durations = await recentDurationsMs(edgeOneRecentPrefetches(listing, zoneId), Date.now());
 */
export function recentDurationsMs<R>(jobs: RecentJobs<R>, now: number, signal?: AbortSignal): Promise<readonly number[] | undefined> {
    let scopes = kept.get(jobs.owner);
    if (!scopes) {
        scopes = new Map();
        kept.set(jobs.owner, scopes);
    }
    const known = scopes.get(jobs.scope);
    if (known && now - known.at < KEEP_MS) {
        return known.durations;
    }
    const durations = jobs.readFinished(now, signal)
        .then((records) => {
            const d = durationsOf(records, (r) => jobs.createdMs(r), (r) => jobs.finishedMs(r));
            return d.length === 0 ? undefined : d;
        })
        .catch(() => undefined);
    scopes.set(jobs.scope, { at: now, durations });
    return durations;
}

/**
 * The `q` quantile (0..1, nearest rank below) of ascending durations.
 *
 * @example
 * durationQuantileMs([4000, 6000, 9000], 0.5); // 6000
 */
export function durationQuantileMs(sorted: readonly number[], q: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
}
