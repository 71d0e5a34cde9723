/**
 * Submitting an EdgeOne purge within the zone's quota: DescribeContentQuota first, nothing sent when the day's
 * `DailyAvailable` for the type cannot cover the rest, then CreatePurgeTask in batches of the quota's `Batch`.
 */
import { Refusal, sendBatch, SubmittedPurge } from "../resources/submission";
import { EdgeOneApi, EdgeOneFilter, EdgeOnePurgeRequest } from "./types";
import { findCoveringJobs } from "./coveringJob";

/**
 * Sends the targets from `already.submitted` on. `purge_all` is one call without targets. `onBatch` sees each
 * accepted batch with the targets EdgeOne refused of it (its FailedList). Once `signal` aborts nothing more is
 * sent: a request in flight is abandoned, and a batch whose outcome is unknown is thrown as a SubmissionInDoubt.
 *
 * @example
 * const sent = await submitEdgeOnePurge(client, { zoneId, type: "purge_url", targets }, { taskIds: [], submitted: 0 });
 */
export async function submitEdgeOnePurge(
    api: EdgeOneApi, request: EdgeOnePurgeRequest, already: SubmittedPurge,
    onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void = () => undefined, signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const whole = request.type === "purge_all";
    const rest = whole ? (already.taskIds.length > 0 ? [] : [""]) : request.targets.slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const quota = (await api.describeContentQuota(request.zoneId, signal)).find((q) => q.type === request.type);
    if (quota && rest.length > quota.dailyAvailable) {
        throw new Error(`edgeone.Purge needs ${rest.length} ${request.type} purge${rest.length === 1 ? "" : "s"} but only ` +
            `${quota.dailyAvailable} of ${quota.daily} are left today in zone ${request.zoneId}; nothing was submitted`);
    }
    const batch = Math.max(1, quota?.batch || rest.length);
    let state = already;
    for (let i = 0; i < rest.length; i += batch) {
        const chunk = whole ? [] : rest.slice(i, i + batch);
        const answer = await sendBatch(state, whole ? 1 : chunk.length, signal, () => api.createPurgeTask({ ...request, targets: chunk }, signal));
        state = { taskIds: [...state.taskIds, answer.jobId], submitted: state.submitted + (whole ? 1 : chunk.length) };
        onBatch(state, answer.failedList.flatMap((f) => f.targets.map((item) => ({ item, reason: f.reason }))));
    }
    return state;
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
