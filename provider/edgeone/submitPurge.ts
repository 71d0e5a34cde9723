/**
 * Submitting an EdgeOne purge within the zone's quota: DescribeContentQuota first, nothing sent when the day's
 * `DailyAvailable` for the type cannot cover the rest, then CreatePurgeTask in batches of the quota's `Batch`
 * (the shared {@link submitWithinQuota}, which counts the quota down across the purges of one update).
 */
import { Refusal, SubmittedPurge } from "../resources/submission";
import { submitWithinQuota } from "../resources/quotaSubmission";
import { edgeOneLines, refusalsOf } from "./quotaLines";
import { EdgeOneApi, EdgeOneFilter, EdgeOnePurgeRequest } from "./types";
import { findCoveringJobs } from "./coveringJob";

/**
 * Sends the targets from `already.submitted` on. `purge_all` is one call without targets. `onBatch` sees each
 * accepted batch with the targets EdgeOne refused of it (its FailedList); a batch refused whole adds no job. Once
 * `signal` aborts nothing more is sent: a request in flight is abandoned, and a batch whose outcome is unknown is
 * thrown as a SubmissionInDoubt.
 *
 * @example
 * const sent = await submitEdgeOnePurge(client, { zoneId, type: "purge_url", targets }, { taskIds: [], submitted: 0 });
 */
export async function submitEdgeOnePurge(
    api: EdgeOneApi, request: EdgeOnePurgeRequest, already: SubmittedPurge,
    onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void = () => undefined, signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const whole = request.type === "purge_all";
    if (whole && already.taskIds.length > 0) {
        return already;
    }
    return submitWithinQuota({
        items: whole ? [""] : request.targets, // a whole-zone purge: one call without targets, counted as one
        quota: { owner: api, key: `purge ${request.zoneId}`, read: async (s) => edgeOneLines(await api.describeContentQuota(request.zoneId, s)) },
        uses: (lines) => ({ charged: lines.filter((q) => q.line === request.type) }),
        tooFew: (q, needed) => `edgeone.Purge needs ${needed} ${request.type} purge${needed === 1 ? "" : "s"} but only ` +
            `${q.available} of ${q.total} are left today in zone ${request.zoneId}; nothing was submitted`,
        send: async (chunk, s) => refusalsOf(await api.createPurgeTask({ ...request, targets: whole ? [] : chunk }, s)),
    }, already, onBatch, signal);
}

/**
 * The jobs EdgeOne created for `items` of `request` between `since` and `until` (ISO times): each job whose tasks
 * cover every item. Reads the jobs that list the first item, then each of those whole; for a whole-zone purge
 * (`purge_all`, no items), every `purge_all` job of the zone in that time.
 *
 * @example
 * await findInDoubtJob(client, request, ["https://www.example.com/a"], since, until); // [JobId], or [] when none
 */
export async function findInDoubtJob(
    api: EdgeOneApi, request: EdgeOnePurgeRequest, items: readonly string[], since: string, until: string, signal?: AbortSignal,
): Promise<string[]> {
    const filters: EdgeOneFilter[] = [{ name: "type", values: [request.type] }];
    if (items.length > 0) {
        filters.push({ name: "target", values: [items[0]] });
    }
    return findCoveringJobs(api, { zoneId: request.zoneId, startTime: since, endTime: until, filters }, items, signal);
}
