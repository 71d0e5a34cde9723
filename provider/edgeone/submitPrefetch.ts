/**
 * Submitting an EdgeOne prefetch within the zone's prefetch quota: DescribeContentQuota's `prefetch_url` line
 * first, nothing sent when the day's `DailyAvailable` cannot cover the rest, then CreatePrefetchTask in batches of
 * its `Batch`; and finding the job of a batch in doubt.
 */
import { Refusal, sendBatch, SubmittedPurge } from "../resources/submission";
import { EdgeOnePrefetchApi, EdgeOnePrefetchRequest } from "./types";
import { findCoveringJobs } from "./coveringJob";
import { prefetchListing } from "./paging";

/** The quota line of URL prefetches. */
const PREFETCH_QUOTA = "prefetch_url";

/**
 * Sends the URLs from `already.submitted` on. `onBatch` sees each accepted batch with the URLs EdgeOne refused of
 * it (its FailedList). Once `signal` aborts nothing more is sent: a request in flight is abandoned, and a batch
 * whose outcome is unknown is thrown as a SubmissionInDoubt.
 *
 * @example
 * const sent = await submitEdgeOnePrefetch(client, { zoneId, targets }, { taskIds: [], submitted: 0 });
 */
export async function submitEdgeOnePrefetch(
    api: EdgeOnePrefetchApi, request: EdgeOnePrefetchRequest, already: SubmittedPurge,
    onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void = () => undefined, signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const rest = request.targets.slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const quota = (await api.describePrefetchQuota(request.zoneId, signal)).find((q) => q.type === PREFETCH_QUOTA);
    if (quota && rest.length > quota.dailyAvailable) {
        throw new Error(`edgeone.Prefetch needs ${rest.length} URL prefetch${rest.length === 1 ? "" : "es"} but only ` +
            `${quota.dailyAvailable} of ${quota.daily} are left today in zone ${request.zoneId}; nothing was submitted`);
    }
    const batch = Math.max(1, quota?.batch || rest.length);
    let state = already;
    for (let i = 0; i < rest.length; i += batch) {
        const chunk = rest.slice(i, i + batch);
        const answer = await sendBatch(state, chunk.length, signal, () => api.createPrefetchTask({ ...request, targets: chunk }, signal));
        state = { taskIds: [...state.taskIds, answer.jobId], submitted: state.submitted + chunk.length };
        onBatch(state, answer.failedList.flatMap((f) => f.targets.map((item) => ({ item, reason: f.reason }))));
    }
    return state;
}

/**
 * The prefetch job EdgeOne created for `items` between `since` and `until` (ISO times), if it did: one job whose
 * tasks cover every item, found among the jobs that list the first one.
 *
 * @example
 * await findInDoubtPrefetchJob(client, "zone-2noz78a8ev6k", ["https://www.example.com/a"], "2026-11-29T10:00:00+08:00", until);
 */
export async function findInDoubtPrefetchJob(api: EdgeOnePrefetchApi, zoneId: string, items: readonly string[], since: string,
    until: string, signal?: AbortSignal): Promise<string[]> {
    return findCoveringJobs(prefetchListing(api), { zoneId, startTime: since, endTime: until,
        filters: items.length > 0 ? [{ name: "target", values: [items[0]] }] : [] }, items, signal);
}
