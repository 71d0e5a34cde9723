/**
 * What a push record says: the API's PushTask mapped to {@link PushTask}, and the one place that decides what
 * its status means. `invalid` (the origin answered 4xx/5xx) is a failure: the cache was not warmed.
 */
import { RecordKind, RecordState } from "../base/recordKind";
import { textField, lowerField } from "../base/recordFields";
import { PurgeArea } from "./types";
import { PushStatus, PushTask } from "./pushTypes";

/**
 * Maps one raw record, enums lower-cased.
 *
 * @example
 * toPushTask({ TaskId: "1", Url: "https://a/", Status: "Invalid", Percent: 0 }).status; // "invalid"
 */
export function toPushTask(raw: unknown): PushTask {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
        taskId: textField(r.TaskId),
        url: textField(r.Url),
        status: lowerField(r.Status) as PushStatus | null,
        percent: typeof r.Percent === "number" ? r.Percent : null,
        area: lowerField(r.Area) as PurgeArea | null,
        createTime: textField(r.CreateTime),
        updateTime: textField(r.UpdateTime),
    };
}

/** What each final status that is not `done` means, for messages. */
export const PUSH_FAILURE_MEANING: Readonly<Record<string, string>> = {
    fail: "fail: the prefetch failed",
    invalid: "invalid: the origin answered 4xx/5xx",
};

/**
 * What a push record's status means: `done` is done; `fail` and `invalid` failed; anything else is pending.
 *
 * @example
 * pushState({ ...record, status: "invalid" }); // "failed"
 */
export function pushState(record: PushTask): RecordState {
    const status = lowerField(record.status);
    return status === "done" ? "done" : status === "fail" || status === "invalid" ? "failed" : "pending";
}

/**
 * CDN push records for the wait and messages: one per URL, a failed one named with what its status means.
 *
 * @example
 * describeWaitResult(result, "push task 1533", PUSH_RECORDS); // "... https://a/x.js (invalid: the origin answered 4xx/5xx)"
 */
export const PUSH_RECORDS: RecordKind<PushTask> = {
    noun: "URL",
    stateOf: pushState,
    describe: (r) => {
        const meaning = PUSH_FAILURE_MEANING[lowerField(r.status) ?? ""];
        return `${r.url ?? "(no URL)"}${meaning ? ` (${meaning})` : ""}`;
    },
    jobOf: (r) => r.taskId,
    createdOf: (r) => r.createTime,
};
