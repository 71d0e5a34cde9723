/**
 * EdgeOne's answers in the shapes of the shared submission ({@link submitWithinQuota}): DescribeContentQuota's
 * lines by their `Type`, and a create call's JobId with its FailedList as refusals.
 */
import { DailyQuotaLine, BatchAnswer } from "../resources/quotaSubmission";
import { EdgeOneQuota, EdgeOneSubmission } from "./types";

/**
 * DescribeContentQuota's lines, each named by its type (`purge_url`, `prefetch_url`).
 *
 * @example
 * edgeOneLines(await api.describeContentQuota(zoneId)).find((q) => q.line === "purge_url")?.available;
 */
export function edgeOneLines(quotas: readonly EdgeOneQuota[]): DailyQuotaLine[] {
    return quotas.map((q) => ({ line: q.type, batch: q.batch, total: q.daily, available: q.dailyAvailable }));
}

/**
 * A CreatePurgeTask / CreatePrefetchTask answer as the job of a batch and the targets it refused.
 *
 * @example
 * refusalsOf(await api.createPurgeTask(request)); // { jobId: "20f1…", refused: [{ item, reason: "InvalidTarget" }] }
 */
export function refusalsOf(answer: EdgeOneSubmission): BatchAnswer {
    return { jobId: answer.jobId, refused: answer.failedList.flatMap((f) => f.targets.map((item) => ({ item, reason: f.reason }))) };
}
