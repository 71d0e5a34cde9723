/**
 * What an EdgeOne prefetch task's status means: only `success` is done; `failed`, `timeout`, `canceled` and
 * `invalid` (the origin answered 4xx/5xx, so nothing was warmed) are failures. A purge's record kind would
 * take `invalid` for a task still running.
 */
import { RecordKind, RecordState } from "../base/recordKind";
import { describeEdgeOneTask, toEdgeOneTask } from "./records";
import { EdgeOnePrefetchTask } from "./types";

const FAILED = new Set(["failed", "timeout", "canceled", "invalid"]);

/**
 * Maps one raw DescribePrefetchTasks task (the same shape as a purge's; its status may also be `invalid`).
 *
 * @example
 * toEdgeOnePrefetchTask({ JobId: "j1", Target: "https://a/x", Status: "Invalid" }).status; // "invalid"
 */
export function toEdgeOnePrefetchTask(raw: unknown): EdgeOnePrefetchTask {
    const { jobId, target, status, createTime, updateTime, failType, failMessage } = toEdgeOneTask(raw);
    return { jobId, target, status: status as EdgeOnePrefetchTask["status"], createTime, updateTime, failType, failMessage };
}

/**
 * What a prefetch task's status means for a wait.
 *
 * @example
 * edgeOnePrefetchState({ ...task, status: "invalid" }); // "failed"
 */
export function edgeOnePrefetchState(task: EdgeOnePrefetchTask): RecordState {
    const status = task.status?.toLowerCase() ?? null;
    return status === "success" ? "done" : status !== null && FAILED.has(status) ? "failed" : "pending";
}

/**
 * A failed prefetch task in words: its URL, its status, and `FailType: FailMessage`; `invalid` says what it means.
 *
 * @example
 * describeEdgeOnePrefetchTask(task); // "https://www.example.com/missing.js (invalid: the origin answered 4xx/5xx, originPullFailed: ...)"
 */
export function describeEdgeOnePrefetchTask(task: EdgeOnePrefetchTask): string {
    const text = describeEdgeOneTask(task);
    return task.status === "invalid" ? text.replace(/ \(invalid/, " (invalid: the origin answered 4xx/5xx") : text;
}

/**
 * EdgeOne's prefetch records for the wait, the poller and messages: one per URL.
 *
 * @example
 * describeWaitResult(result, "EdgeOne prefetch job 1379afjk91u32h", EDGEONE_PREFETCH_RECORDS);
 */
export const EDGEONE_PREFETCH_RECORDS: RecordKind<EdgeOnePrefetchTask> = {
    noun: "target",
    stateOf: edgeOnePrefetchState,
    describe: describeEdgeOnePrefetchTask,
    jobOf: (t) => t.jobId,
    createdOf: (t) => t.createTime,
};
