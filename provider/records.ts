/**
 * What a record says: the API's PurgeTask records mapped to {@link PurgeTask} (lower-case enums, `null` for
 * missing fields), and the one place that decides what a record's status means, so "done" can never be
 * reported for a record that is not done.
 */
import { FlushType, PurgeStatus, PurgeTask, PurgeType } from "./types";

const text = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);
const lower = (v: unknown): string | null => text(v)?.toLowerCase() ?? null;

/**
 * Maps one raw record; the vendor's own example answers `"Status": "Done"`, so enums are lower-cased.
 *
 * @example
 * toPurgeTask({ TaskId: "1", Url: "https://a/", Status: "Done" }).status; // "done"
 */
export function toPurgeTask(raw: unknown): PurgeTask {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
        taskId: text(r.TaskId),
        url: text(r.Url),
        status: lower(r.Status) as PurgeStatus | null,
        purgeType: lower(r.PurgeType) as PurgeType | null,
        flushType: lower(r.FlushType) as FlushType | null,
        createTime: text(r.CreateTime),
    };
}

/** The records of one answer, by what their status means. */
export interface RecordTally {
    readonly done: readonly PurgeTask[];
    readonly failed: readonly PurgeTask[];
    /** `process`, `null`, or any status the API may add later: not finished. */
    readonly pending: readonly PurgeTask[];
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
        // Lower-cased again: a PurgeApi other than the client (a test's, a caller's) may answer `Done`.
        const status = lower(record.status);
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
