/**
 * Submitting an EdgeOne purge within the zone's quota: DescribeContentQuota first, nothing sent when the day's
 * `DailyAvailable` for the type cannot cover the rest, then CreatePurgeTask in batches of the quota's `Batch`.
 */
import type { SubmittedPurge } from "./purgeLifecycle";
import { EdgeOneApi, EdgeOnePurgeRequest } from "../base/edgeOneTypes";

/** What was sent, and each target EdgeOne refused at submission with its reason (`target (reason)`). */
export interface EdgeOneSent {
    readonly sent: SubmittedPurge;
    readonly refused: readonly string[];
}

/**
 * Sends the targets from `already.submitted` on. `purge_all` is one call without targets. After `signal` aborts no
 * further batch is sent (one in flight is let finish, so its JobId is not lost).
 *
 * @example
 * const { sent, refused } = await submitEdgeOnePurge(client, { zoneId, type: "purge_url", targets }, { taskIds: [], submitted: 0 });
 */
export async function submitEdgeOnePurge(
    api: EdgeOneApi, request: EdgeOnePurgeRequest, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void = () => undefined,
    signal?: AbortSignal,
): Promise<EdgeOneSent> {
    const whole = request.type === "purge_all";
    const rest = whole ? (already.taskIds.length > 0 ? [] : [""]) : request.targets.slice(already.submitted);
    if (rest.length === 0) {
        return { sent: already, refused: [] };
    }
    signal?.throwIfAborted();
    const quota = (await api.describeContentQuota(request.zoneId, signal)).find((q) => q.type === request.type);
    if (quota && rest.length > quota.dailyAvailable) {
        throw new Error(`edgeone.Purge needs ${rest.length} ${request.type} purge${rest.length === 1 ? "" : "s"} but only ` +
            `${quota.dailyAvailable} of ${quota.daily} are left today in zone ${request.zoneId}; nothing was submitted`);
    }
    const batch = Math.max(1, quota?.batch || rest.length);
    let state = already;
    const refused: string[] = [];
    for (let i = 0; i < rest.length; i += batch) {
        signal?.throwIfAborted();
        const chunk = whole ? [] : rest.slice(i, i + batch);
        const answer = await api.createPurgeTask({ ...request, targets: chunk });
        refused.push(...answer.failedList.flatMap((f) => f.targets.map((t) => `${t} (${f.reason})`)));
        state = { taskIds: [...state.taskIds, answer.jobId], submitted: state.submitted + (whole ? 1 : chunk.length) };
        onBatch(state);
    }
    return { sent: state, refused };
}
