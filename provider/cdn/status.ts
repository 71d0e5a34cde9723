/**
 * The CDN's words for the state of a purge (`done`, `fail`, `process`), from its records: what the CDN resources
 * store as `status`.
 */
import { overallState, refreshedState } from "../resources/outcome";
import { CDN_RECORDS } from "./records";
import { PurgeTask } from "./types";

const CDN_WORDS = { done: "done", failed: "fail", pending: "process" } as const;

/**
 * `done` when every record is done, `fail` when any failed, `process` otherwise (also when none are seen).
 *
 * @example
 * overallStatus(records, urls.length); // "process"
 */
export function overallStatus(records: readonly PurgeTask[], expected = 1): "done" | "fail" | "process" {
    return CDN_WORDS[overallState(CDN_RECORDS, records, expected)];
}

/**
 * The status a refresh stores for a purge not yet seen done (the providers keep a stored `done` without reading:
 * it cannot be undone, and its records may be gone). Purge records expire at the API, so a stored status is kept
 * when the API no longer lists any record; only records that are still listed can move a purge on. A task never
 * seen done is never reported done.
 *
 * @example
 * refreshedStatus("fail", []); // "fail", although the records have expired
 * refreshedStatus("process", [], 2); // "process"
 */
export function refreshedStatus(stored: unknown, records: readonly PurgeTask[], expected = 1): "fail" | "process" | "done" {
    return CDN_WORDS[refreshedState(CDN_RECORDS, stored === "fail", records, expected)];
}
