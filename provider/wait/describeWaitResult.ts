/**
 * One-line messages for users about how a wait ended: what failed or is still pending, and why, in words
 * that fit an error shown by `pulumi up`.
 */
import { messageOf } from "../client/apiError";
import { RecordKind, tallyBy } from "../base/recordKind";
import { WaitResult } from "./waitResult";

/** A message lists this many URLs at most; the result itself keeps every record. */
const MAX_URLS_IN_MESSAGE = 20;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

function listRecords<R>(records: readonly R[], kind: RecordKind<R>): string {
    const urls = records.map((r) => kind.describe(r));
    const shown = urls.slice(0, MAX_URLS_IN_MESSAGE).join(", ");
    const more = urls.length - MAX_URLS_IN_MESSAGE;
    return more > 0 ? `${shown} and ${more} more` : shown;
}

/**
 * Turns a wait's outcome into one line for users. `what` names what was waited on; `kind` names the records
 * (CDN's URLs by default, EdgeOne's targets with the reason each failed); `words.done` what a finished record
 * is (`purged`, `prefetched`).
 *
 * @example
 * describeWaitResult(result, "purge task 123");
 * // "purge task 123 failed: 2 of 5 URLs failed: https://a/x, https://a/y"
 * // "timed out after 600 s waiting for purge task 123: 3 of 5 URLs still pending (last error: ...)"
 */
export function describeWaitResult<R>(result: WaitResult<R>, what: string,
    kind: RecordKind<R>, words: { readonly done: string } = { done: "purged" }): string {
    const noun = kind.noun;
    const listUrls = (records: readonly R[]) => listRecords(records, kind);
    switch (result.state) {
        case "done":
            return `${what} is done: ${plural(result.records.length, noun)} ${words.done} in ${seconds(result.elapsedMs)}`;
        case "failed":
            return `${what} failed: ${result.failed.length} of ${plural(result.records.length, noun)} failed: ` +
                listUrls(result.failed);
        case "timedOut": {
            const tally = tallyBy(kind, result.records);
            const total = Math.max(result.records.length, result.expectedRecords ?? 0);
            const pendingCount = total - tally.done.length - tally.failed.length;
            const progress = total === 0
                ? `no ${noun} of it was listed yet`
                : `${pendingCount} of ${plural(total, noun)} still pending` +
                    (result.pending.length > 0 ? `: ${listUrls(result.pending)}` : "");
            const cause = result.lastError === undefined ? "" : ` (last error: ${messageOf(result.lastError)})`;
            return `timed out after ${seconds(result.elapsedMs)} waiting for ${what}: ${progress}${cause}`;
        }
        case "notFound": {
            const cause = result.lastError === undefined ? "" : ` (last error: ${messageOf(result.lastError)})`;
            return `${what} was not found: the API listed no record of it within ${seconds(result.graceMs)}` +
                ` of the start of the wait; check the task id and the account${cause}`;
        }
        case "error":
            return `stopped waiting for ${what}: ${messageOf(result.error)}`;
        case "aborted":
            return `stopped waiting for ${what} after ${seconds(result.elapsedMs)}: the wait was cancelled` +
                (result.reason === undefined ? "" : ` (${messageOf(result.reason)})`);
    }
}
