/**
 * What a record says: the API's PurgeTask records mapped to {@link PurgeTask} (lower-case enums, `null` for
 * missing fields), and the one place that decides what a record's status means, so "done" can never be
 * reported for a record that is not done.
 */
import { RecordKind, RecordState } from "../base/recordKind";
import { textField, lowerField } from "../base/recordFields";
import { FlushType, PurgeStatus, PurgeTask, PurgeType } from "./types";

/**
 * Maps one raw record; the vendor's own example answers `"Status": "Done"`, so enums are lower-cased.
 *
 * @example
 * toPurgeTask({ TaskId: "1", Url: "https://a/", Status: "Done" }).status; // "done"
 */
export function toPurgeTask(raw: unknown): PurgeTask {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
        taskId: textField(r.TaskId),
        url: textField(r.Url),
        status: lowerField(r.Status) as PurgeStatus | null,
        purgeType: lowerField(r.PurgeType) as PurgeType | null,
        flushType: lowerField(r.FlushType) as FlushType | null,
        createTime: textField(r.CreateTime),
    };
}

/**
 * What a CDN record's status means: exactly `done` or `fail` are finished; `process`, `null`, or any status the
 * API may add later is pending. Lower-cased again: a PurgeApi other than the client (a test's, a caller's) may
 * answer `Done`.
 *
 * @example
 * cdnState({ ...record, status: "Done" as PurgeStatus }); // "done"
 */
export function cdnState(record: PurgeTask): RecordState {
    const status = lowerField(record.status);
    return status === "done" ? "done" : status === "fail" ? "failed" : "pending";
}

/**
 * CDN's records for the wait, the poller and messages: one per URL, named by the URL.
 *
 * @example
 * describeWaitResult(result, "purge task 1533", CDN_RECORDS);
 */
export const CDN_RECORDS: RecordKind<PurgeTask> = {
    noun: "URL",
    stateOf: cdnState,
    describe: (r) => r.url ?? "(no URL)",
    jobOf: (r) => r.taskId,
    createdOf: (r) => r.createTime,
};
