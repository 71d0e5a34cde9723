/**
 * Sorting the records of one answer into done, failed and pending: the single place that decides what a
 * record's status means, so "done" can never be reported for a record that is not done.
 */
import { PurgeTask } from "../types";

/** The records of one answer, by what their status means. */
export interface RecordTally {
    readonly done: readonly PurgeTask[];
    readonly failed: readonly PurgeTask[];
    /** `process`, `null`, or any status the API may add later: not finished. */
    readonly pending: readonly PurgeTask[];
}

/** The status in lower case; the vendor's own example answers `Done`. Unknown values pass through. */
function statusOf(record: PurgeTask): string {
    return typeof record.status === "string" ? record.status.toLowerCase() : "";
}

/**
 * Sorts records by status. Anything that is not exactly `done` or `fail` counts as pending.
 *
 * @example
 * tallyRecords([{ ...r, status: "done" }, { ...r, status: null }]); // { done: [1 record], failed: [], pending: [1 record] }
 */
export function tallyRecords(records: readonly PurgeTask[]): RecordTally {
    const done: PurgeTask[] = [];
    const failed: PurgeTask[] = [];
    const pending: PurgeTask[] = [];
    for (const record of records) {
        const status = statusOf(record);
        (status === "done" ? done : status === "fail" ? failed : pending).push(record);
    }
    return { done, failed, pending };
}

/**
 * True when the answer shows a finished purge: at least one record (at least `expectedRecords` when given)
 * and every record `done`.
 *
 * @example
 * isAllDone(tallyRecords(records), 5); // false while fewer than 5 records are listed
 */
export function isAllDone(tally: RecordTally, expectedRecords?: number): boolean {
    const seen = tally.done.length + tally.failed.length + tally.pending.length;
    return seen > 0 && seen >= (expectedRecords ?? 1) && tally.done.length === seen;
}
