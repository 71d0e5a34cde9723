/**
 * The round read both products' job readers make: the jobs found in one time range of the account's (or zone's)
 * listing, read page by page while the pages pay for themselves ({@link mayReadAnotherPage}), then every job the
 * range did not list whole read by id. What differs between products (the query, the page size, how a record names
 * its job, how a job is read by id) is given; the plan is the same, so it lives here once.
 */
import { JobReadHints, JobsRead, mayReadAnotherPage, TaskToRead } from "./jobReader";

/** One page of a range, as a product's listing answers it. */
export interface RangePage<R> {
    readonly records: readonly R[];
    /** The range's total, when the API says it. */
    readonly totalCount: number | null;
}

/** What {@link readRangeThenById} needs of a product. */
export interface RangeThenById<R> {
    /** Records a page of the range holds at most (the API's largest Limit). */
    readonly pageSize: number;
    /** Reads the page at `offset` of the range, or absent when the round reads every job by id. */
    readonly rangePage?: (offset: number, signal?: AbortSignal) => Promise<RangePage<R>>;
    /** The job a record belongs to. */
    jobOf(record: R): string | null;
    /** Every record of one job, and the calls that took. */
    readById(jobId: string, signal?: AbortSignal): Promise<{ readonly records: readonly R[]; readonly apiCalls: number }>;
}

/**
 * Where a range worth reading starts: the earliest `since` of the jobs, when at least two have one and the range's
 * last total (`hints.lastRangeTotal`) fits in fewer pages than they are (else reading them by id is cheaper).
 *
 * @example
 * rangeStartOf([{ taskId: "1", since: "2026-11-29 09:55:00" }, { taskId: "2", since: "2026-11-29 09:56:00" }], { now }, 100);
 * // "2026-11-29 09:55:00"
 */
export function rangeStartOf(jobs: readonly TaskToRead[], hints: JobReadHints, pageSize: number): string | undefined {
    const sinces = jobs.map((j) => j.since).filter((s): s is string => s !== undefined).sort();
    const lastPages = hints.lastRangeTotal === undefined ? 0 : Math.max(1, Math.ceil(hints.lastRangeTotal / pageSize));
    return sinces.length >= 2 && lastPages < sinces.length ? sinces[0] : undefined;
}

/**
 * Reads `jobs`: the range's pages first (when `reading.rangePage` is given), while they have found at least as many
 * jobs as they cost and some job is still missing, so a round never costs more than one call beyond reading every
 * job by id; then by id every job not found, or found on the last page read of a range cut short (its records may
 * go on on the next page). Every job asked for has an entry.
 *
 * @example
 * const read = await readRangeThenById(jobs, { pageSize: 100, rangePage: (offset, s) => ..., jobOf: (r) => r.taskId,
 *     readById: (id, s) => ... }, signal);
 */
export async function readRangeThenById<R>(jobs: readonly TaskToRead[], reading: RangeThenById<R>, signal?: AbortSignal,
): Promise<JobsRead<R>> {
    const wanted = new Set(jobs.map((j) => j.taskId));
    const found = new Map<string, R[]>();
    let apiCalls = 0;
    let rangeTotal: number | undefined;
    if (reading.rangePage) {
        let lastPageJobs = new Set<string>();
        let complete = false;
        for (let offset = 0; mayReadAnotherPage(apiCalls, found.size) && found.size < wanted.size; offset += reading.pageSize) {
            const page = await reading.rangePage(offset, signal);
            apiCalls += 1;
            rangeTotal = page.totalCount ?? undefined;
            lastPageJobs = new Set();
            for (const record of page.records) {
                const jobId = reading.jobOf(record);
                if (jobId !== null && wanted.has(jobId)) {
                    found.set(jobId, [...(found.get(jobId) ?? []), record]);
                    lastPageJobs.add(jobId);
                }
            }
            if (page.records.length < reading.pageSize || (page.totalCount !== null && offset + reading.pageSize >= page.totalCount)) {
                complete = true;
                break;
            }
        }
        if (!complete) {
            lastPageJobs.forEach((id) => found.delete(id));
        }
    }
    const rest = await readRestById(wanted, found, reading.readById, signal);
    return { records: rest.records, apiCalls: apiCalls + rest.apiCalls, rangeTotal };
}

/**
 * The records of every `wanted` job: those `found` lists as they are, the others read by id (`readById`), with the
 * calls those reads took.
 *
 * @example
 * const { records, apiCalls } = await readRestById(new Set(["1", "2"]), found, (id, s) => readOne(id, s));
 */
export async function readRestById<R>(wanted: Iterable<string>, found: ReadonlyMap<string, readonly R[]>,
    readById: RangeThenById<R>["readById"], signal?: AbortSignal,
): Promise<{ readonly records: ReadonlyMap<string, readonly R[]>; readonly apiCalls: number }> {
    const records = new Map<string, readonly R[]>();
    let apiCalls = 0;
    for (const jobId of wanted) {
        const listed = found.get(jobId);
        if (listed) {
            records.set(jobId, listed);
        } else {
            const read = await readById(jobId, signal);
            apiCalls += read.apiCalls;
            records.set(jobId, read.records);
        }
    }
    return { records, apiCalls };
}
