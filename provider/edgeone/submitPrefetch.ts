/**
 * Submitting an EdgeOne prefetch within the zone's prefetch quota (the shared {@link submitWithinQuota}):
 * DescribeContentQuota's `prefetch_url` line first, counted down across the prefetches of one update, nothing sent
 * when the day's `DailyAvailable` cannot cover the rest, then CreatePrefetchTask in batches of its `Batch`; and
 * finding the job of a batch in doubt.
 */
import { Refusal, SubmittedPurge } from "../resources/submission";
import { submitWithinQuota } from "../resources/quotaSubmission";
import { edgeOneLines, refusalsOf } from "./quotaLines";
import { EdgeOnePrefetchApi, EdgeOnePrefetchRequest } from "./types";
import { findCoveringJobs } from "./coveringJob";
import { prefetchListing } from "./paging";

/** The quota line of URL prefetches. */
const PREFETCH_QUOTA = "prefetch_url";

/**
 * Sends the URLs from `already.submitted` on. `onBatch` sees each accepted batch with the URLs EdgeOne refused of
 * it (its FailedList); a batch refused whole adds no job. Once `signal` aborts nothing more is sent: a request in
 * flight is abandoned, and a batch whose outcome is unknown is thrown as a SubmissionInDoubt. An `edge` prefetch
 * spends a daily quota of its own that DescribeContentQuota does not report: only its batch size is taken from the
 * `prefetch_url` line, and its daily limit is left to the API.
 *
 * @example
 * const sent = await submitEdgeOnePrefetch(client, { zoneId, targets }, { taskIds: [], submitted: 0 });
 */
export async function submitEdgeOnePrefetch(
    api: EdgeOnePrefetchApi, request: EdgeOnePrefetchRequest, already: SubmittedPurge,
    onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void = () => undefined, signal?: AbortSignal,
): Promise<SubmittedPurge> {
    return submitWithinQuota({
        items: request.targets,
        quota: { owner: api, key: `prefetch ${request.zoneId}`, read: async (s) => edgeOneLines(await api.describePrefetchQuota(request.zoneId, s)) },
        uses: (lines) => {
            const regular = lines.filter((q) => q.line === PREFETCH_QUOTA);
            return request.mode === "edge" ? { charged: [], batch: regular[0]?.batch } : { charged: regular };
        },
        tooFew: (q, needed) => `edgeone.Prefetch needs ${needed} URL prefetch${needed === 1 ? "" : "es"} but only ` +
            `${q.available} of ${q.total} are left today in zone ${request.zoneId}; nothing was submitted`,
        send: async (chunk, s) => refusalsOf(await api.createPrefetchTask({ ...request, targets: chunk }, s)),
    }, already, onBatch, signal);
}

/**
 * The prefetch job EdgeOne created for `items` between `since` and `until` (ISO times), if it did: one job whose
 * tasks cover every item, found among the jobs that list the first one. `mayListMore` when the prefetch lists
 * what it found besides its items (`prefetchMediaSegments`): a job listing more than the items is taken too.
 *
 * @example
 * await findInDoubtPrefetchJob(client, "zone-2noz78a8ev6k", ["https://www.example.com/a"], "2026-11-29T10:00:00+08:00", until);
 */
export async function findInDoubtPrefetchJob(api: EdgeOnePrefetchApi, zoneId: string, items: readonly string[], since: string,
    until: string, signal?: AbortSignal, mayListMore = false): Promise<string[]> {
    return findCoveringJobs(prefetchListing(api), { zoneId, startTime: since, endTime: until,
        filters: items.length > 0 ? [{ name: "target", values: [items[0]] }] : [] }, items, signal, mayListMore);
}
