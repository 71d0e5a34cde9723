/**
 * What the shared poller needs of a product: a way to read the records of many jobs at once, as cheaply as the
 * product's API allows (each product's folder has its reader). The poller
 * itself (rounds, their pace, who waits for what) is the same for both.
 */

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
 * A task to read; `since` (API time, e.g. its submission time) lets it be found by a time-range query, and
 * `created` (its records' CreateTime, once seen) bounds that range from above.
 */
export interface TaskToRead {
    readonly taskId: string;
    readonly since?: string;
    readonly created?: string;
}

/**
 * Whether a round that has read `pagesRead` pages of time ranges, which found `found` of its tasks, may read one
 * more. Every task not found by a page is read by id, so the round costs `pagesRead + tasks - found` calls: one
 * more page, even if it found nothing, keeps that within one call of reading every task by id.
 *
 * @example
 * mayReadAnotherPage(0, 0); // true: the first page
 * mayReadAnotherPage(1, 0); // false: it found none of them; the rest are read by id
 */
export function mayReadAnotherPage(pagesRead: number, found: number): boolean {
    return pagesRead <= found;
}
