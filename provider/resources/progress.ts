/**
 * Progress of a wait, shown while `pulumi up` runs on the resource's own status line ("creating (12s) 3/5 done,
 * next check in 2 s"), with the cause while the API keeps failing ("API unreachable for 12 s: connect
 * ECONNREFUSED 127.0.0.1:9000; retrying").
 */
import { messageOf, PurgeApiError } from "../client/apiError";
import { WaitProgress } from "../wait";
import { tellEngine } from "../engine/engineLog";

/** Codes that mean the API could not be reached at all (rather than answering with an error). */
const UNREACHABLE = new Set(["ConnectionFailed", "Timeout", "TlsFailed"]);

/** How the error classifier words an answer that is not the API's; its detail is shown without the wrapper. */
const NOT_AN_API_ANSWER = /^the answer was not a Tencent Cloud API response \((.*)\)$/s;

/** The part of a client message worth a line: the network's `reason:`, and words for a body with no Response. */
function reasonOf(message: string): string {
    const reason = /reason: (.*)$/s.exec(message)?.[1] ?? message;
    return /^Cannot read properties of (undefined|null)/.test(reason) ? "it holds no Response object" : reason;
}

/** The short cause of a failing check: the network's reason, or the API's code and message. */
function cause(error: unknown): string {
    if (error instanceof PurgeApiError) {
        const inner = NOT_AN_API_ANSWER.exec(error.apiMessage)?.[1];
        const reason = inner === undefined ? reasonOf(error.apiMessage) : `not a Tencent Cloud API answer: ${reasonOf(inner)}`;
        const text = UNREACHABLE.has(error.code) ? reason : `${error.code}: ${reason}`;
        return shorten(text);
    }
    return shorten(messageOf(error));
}

/** One line of at most 160 characters, cut at a word with an ellipsis rather than in the middle of one. */
function shorten(text: string): string {
    const line = text.trim().replace(/\s+/g, " ");
    return line.length <= 160 ? line : `${line.slice(0, 159).replace(/\s+\S*$/, "")}...`;
}

/**
 * One line of progress, e.g. `3/5 done, 2 pending, 0 failed after 12 s, next check in 2 s`.
 *
 * @example
 * formatProgress({ done: 3, failed: 0, pending: 2, total: 5, attempt: 4, nextCheckInMs: 2000, elapsedMs: 12000 });
 */
export function formatProgress(p: WaitProgress): string {
    const next = p.nextCheckInMs === null ? "" : `, next check in ${Math.round(p.nextCheckInMs / 100) / 10} s`;
    const line = `${p.done}/${p.total} done, ${p.pending} pending, ${p.failed} failed after ${Math.round(p.elapsedMs / 1000)} s${next}`;
    if (!p.retrying) {
        return line;
    }
    const { error, forMs } = p.retrying;
    const what = error instanceof PurgeApiError && UNREACHABLE.has(error.code) ? "API unreachable" : "API calls failing";
    return `${line}; ${what} for ${Math.round(forMs / 1000)} s: ${cause(error)}; retrying`;
}

/**
 * Shows progress of the wait named `label` on the resource `urn` (or on standard error without one).
 *
 * @example
 * reportProgress("purge task 1533", progress, "urn:pulumi:dev::site::pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge::site");
 */
export function reportProgress(label: string, p: WaitProgress, urn?: string): void {
    reportLine(`${label}: ${formatProgress(p)}`, urn);
}

/**
 * Shows one line on the resource's own line in `pulumi up` (on stderr when there is no engine to show it).
 *
 * @example
 * reportLine("purge task 1533 is no longer listed by the API; purging again", inputs.resourceUrn);
 */
export function reportLine(line: string, urn?: string): void {
    tellEngine(line, urn, { severity: "info", ephemeral: true });
}
