/**
 * What an EdgeOne task says: raw tasks mapped to {@link EdgeOnePurgeTask}, and the one place that decides what
 * a task's status means (only `success` is done; `failed`, `timeout` and `canceled` are failures).
 */
import { RecordKind, RecordState } from "../base/recordKind";
import { textField, lowerField } from "../base/recordFields";
import { EdgeOneMethod, EdgeOnePurgeTask, EdgeOnePurgeType, EdgeOneStatus, EdgeOneTask } from "./types";

/**
 * Maps one raw task.
 *
 * @example
 * toEdgeOneTask({ JobId: "j1", Target: "https://a/", Status: "Success" }).status; // "success"
 */
export function toEdgeOneTask(raw: unknown): EdgeOnePurgeTask {
    const r = (raw ?? {}) as Record<string, unknown>;
    const blankless = (v: unknown) => (textField(v) === "" ? null : textField(v));
    return {
        jobId: textField(r.JobId),
        target: textField(r.Target),
        type: lowerField(r.Type) as EdgeOnePurgeType | null,
        method: lowerField(r.Method) as EdgeOneMethod | null,
        status: lowerField(r.Status) as EdgeOneStatus | null,
        createTime: textField(r.CreateTime),
        updateTime: blankless(r.UpdateTime),
        failType: blankless(r.FailType),
        failMessage: blankless(r.FailMessage),
    };
}

const FAILED = new Set(["failed", "timeout", "canceled"]);

/**
 * What a task's status means for a wait.
 *
 * @example
 * edgeOneState({ ...task, status: "timeout" }); // "failed"
 */
export function edgeOneState(task: EdgeOnePurgeTask): RecordState {
    const status = lowerField(task.status);
    return status === "success" ? "done" : status !== null && FAILED.has(status) ? "failed" : "pending";
}

/**
 * A failed task in words: its target and why, `FailType: FailMessage`.
 *
 * @example
 * describeEdgeOneTask(task); // "https://www.example.com/a.png (timeout, originPullFailed: origin timed out)"
 */
export function describeEdgeOneTask(task: EdgeOneTask): string {
    const why = [task.failType, task.failMessage].filter((v) => v).join(": ");
    const status = task.status && task.status !== "failed" && task.status !== "success" && task.status !== "processing" ? task.status : "";
    const detail = [status, why].filter((v) => v).join(", ");
    return `${task.target ?? "(no target)"}${detail ? ` (${detail})` : ""}`;
}

/**
 * EdgeOne's records for the wait, the poller and messages: one per target, a failed one named with its reason.
 *
 * @example
 * describeWaitResult(result, "EdgeOne job 1379afjk91u32h", EDGEONE_RECORDS);
 */
export const EDGEONE_RECORDS: RecordKind<EdgeOnePurgeTask> = {
    noun: "target",
    stateOf: edgeOneState,
    describe: describeEdgeOneTask,
    jobOf: (t) => t.jobId,
    createdOf: (t) => t.createTime,
};
