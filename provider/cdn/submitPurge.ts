/**
 * Submitting a purge within the account's quota (through the shared {@link submitWithinQuota}: the daily allowance
 * checked before anything is sent, counted down across the purges of one update, long lists split into batches of
 * the most one request may carry), and finding the task of a batch in doubt.
 */
import { readAllPages } from "./paging";
import { PurgeApi, PurgeQuota, PurgeType } from "./types";
import { itemsOf, PurgeRequest } from "./inputs";
import { type SubmittedPurge } from "../resources/submission";
import { jobsCovering } from "../resources/inDoubtLookup";
import { DailyQuotaLine, QuotaSubmission, submitWithinQuota } from "../resources/quotaSubmission";

/** A CDN quota line (purge or push) for the shared submission, named by its kind and area. */
export interface CdnQuotaLine extends DailyQuotaLine {
    readonly area: string;
}

/**
 * CDN quota lines of one kind as the shared submission counts them.
 *
 * @example
 * cdnLines("url", quotas.urlPurge); // [{ line: "url mainland", area: "mainland", batch, total, available }]
 */
export function cdnLines(kind: string, lines: readonly PurgeQuota[]): CdnQuotaLine[] {
    return lines.map((q) => ({ line: `${kind} ${q.area}`, area: q.area, batch: q.batch, total: q.total, available: q.available }));
}

/**
 * The lines of `kind` a submission in `area` spends: every line when no area is given, both areas' for `global`.
 *
 * @example
 * cdnLinesFor(lines, "push", "global"); // the mainland and overseas push lines
 */
export function cdnLinesFor(lines: readonly CdnQuotaLine[], kind: string, area?: string): CdnQuotaLine[] {
    return lines.filter((q) => q.line.startsWith(`${kind} `) && relevantTo(q, area));
}

/**
 * Submits the request's URLs or paths from `already.submitted` on, batch by batch. Throws before sending anything when
 * today's quota cannot cover the rest. `onBatch` sees the progress after each accepted batch, so a caller can
 * keep what was sent even when a later batch fails. Once `signal` aborts nothing more is sent: a request in
 * flight is abandoned and not retried. A batch whose outcome is unknown is thrown as a {@link SubmissionInDoubt}.
 *
 * @example
 * const sent = await submitPurge(api, { kind: "url", urls, area: "mainland" }, { taskIds: [], submitted: 0 });
 */
export async function submitPurge(
    api: PurgeApi, request: PurgeRequest, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void = () => undefined,
    signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const noun = request.kind === "url" ? "URL" : "path";
    const submission: QuotaSubmission<CdnQuotaLine> = {
        items: itemsOf(request),
        quota: { owner: api, key: "purge", read: async (s) => {
            const quotas = await api.describePurgeQuota(s);
            return [...cdnLines("url", quotas.urlPurge), ...cdnLines("path", quotas.pathPurge)];
        } },
        uses: (lines) => ({ charged: cdnLinesFor(lines, request.kind, request.area) }),
        tooFew: (q, needed) => `${request.kind === "url" ? "UrlPurge" : "PathPurge"} needs ${needed} ${noun} purges but only ` +
            `${q.available} of ${q.total} are left today${q.area ? ` (area ${q.area})` : ""}; nothing was submitted`,
        // The whole request with only this batch's list: the client names each field on the wire.
        send: async (chunk, s) => ({ jobId: (request.kind === "url"
            ? await api.purgeUrlsCache({ ...request, urls: chunk }, s)
            : await api.purgePathCache({ ...request, paths: chunk }, s)).taskId }),
    };
    return submitWithinQuota(submission, already, (s) => onBatch(s), signal);
}

/** Whether a quota line counts a purge in `area` (every line when no area is given, or for `global`). */
function relevantTo(line: { readonly area: string }, area?: string): boolean {
    return !area || area === "global" || line.area === area;
}

/**
 * The DescribePurgeTasks / DescribePushTasks `Keyword` for `items`: their domain when they share one, so other
 * sites' records need not be paged through.
 *
 * @example
 * sharedHost(["https://www.example.com/a", "https://www.example.com/b"]); // "www.example.com"
 */
export function sharedHost(items: readonly string[]): string | undefined {
    const hosts = new Set(items.map((i) => { try { return new URL(i).hostname; } catch { return ""; } }));
    return hosts.size === 1 && !hosts.has("") ? [...hosts][0] : undefined;
}

/**
 * The tasks the API created for `items` at or after `since`: each task whose records cover every item, and no other.
 * Reads by the items' domain when they share one, so other sites' purges need not be paged through.
 *
 * @example
 * await findInDoubtTask(api, "url", ["https://www.example.com/a"], "2026-11-29 10:00:00"); // ["1533"], or [] when none
 */
export async function findInDoubtTask(
    api: PurgeApi, kind: PurgeType, items: readonly string[], since: string, signal?: AbortSignal,
): Promise<string[]> {
    const { purgeLogs } = await readAllPages(api, { startTime: since, purgeType: kind, keyword: sharedHost(items) }, { signal });
    return jobsCovering(purgeLogs, items, (r) => r.url, (r) => r.taskId);
}
