/**
 * The product-neutral view of purge records that the wait, the shared poller and the resources work with: a job
 * (a CDN task, an EdgeOne job) has records, one per URL or target, and each record is done, failed or still
 * pending. Each product says once, in a {@link RecordKind}, how to read that from its own records.
 */

/** What a record means for a wait. Anything a product does not call finished is pending. */
export type RecordState = "done" | "failed" | "pending";

/**
 * How to read one product's records.
 *
 * @example
 * const kind: RecordKind<PurgeTask> = { noun: "URL", stateOf: (r) => ..., describe: (r) => r.url ?? "(no URL)",
 *     jobOf: (r) => r.taskId, createdOf: (r) => r.createTime, recordKey: (r) => `${r.taskId} ${r.url}` };
 */
export interface RecordKind<R> {
    /** What one record is about, in messages: `URL`, `target`. */
    readonly noun: string;
    stateOf(record: R): RecordState;
    /** One record in words, for messages: a failed record says why when the product tells. */
    describe(record: R): string;
    /** The job (task id, job id) the record belongs to. */
    jobOf(record: R): string | null;
    /** When its job was created, as text that sorts in time (the API's own form). */
    createdOf(record: R): string | null;
}

/** The records of one answer, by what their state means. */
export interface Tally<R> {
    readonly done: readonly R[];
    readonly failed: readonly R[];
    readonly pending: readonly R[];
}

/**
 * Sorts records by state.
 *
 * @example
 * tallyBy(EDGEONE_RECORDS, tasks).failed.length;
 */
export function tallyBy<R>(kind: RecordKind<R>, records: readonly R[]): Tally<R> {
    const done: R[] = [];
    const failed: R[] = [];
    const pending: R[] = [];
    for (const record of records) {
        const state = kind.stateOf(record);
        (state === "done" ? done : state === "failed" ? failed : pending).push(record);
    }
    return { done, failed, pending };
}

/**
 * True when the answer shows a finished job: at least one record (at least `expectedRecords` when given) and
 * every record done.
 *
 * @example
 * allDone(tallyBy(kind, records), 5); // false while fewer than 5 records are listed
 */
export function allDone<R>(tally: Tally<R>, expectedRecords?: number): boolean {
    const seen = tally.done.length + tally.failed.length + tally.pending.length;
    return seen > 0 && seen >= (expectedRecords ?? 1) && tally.done.length === seen;
}
