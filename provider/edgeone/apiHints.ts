/**
 * What to do about EdgeOne's own error codes, by the action that failed: a prefetch is told about the prefetch's
 * actions and quota, a purge about the purge's.
 */

/** EdgeOne's prefetch actions. */
const PREFETCH_ACTIONS = new Set(["CreatePrefetchTask", "DescribePrefetchTasks"]);

/**
 * The hint for EdgeOne's `code` when `action` failed, or undefined when EdgeOne has none of its own.
 *
 * @example
 * edgeOneHint("CreatePrefetchTask", "LimitExceeded.DailyQuota"); // "the zone's daily EdgeOne prefetch quota ..."
 */
export function edgeOneHint(action: string, code: string): string | undefined {
    const prefetch = PREFETCH_ACTIONS.has(action);
    switch (code) {
        case "LimitExceeded.DailyQuota":
            return prefetch
                ? "the zone's daily EdgeOne prefetch quota (prefetch_url) is used up; see DescribeContentQuota or wait for tomorrow"
                : "the zone's daily EdgeOne purge quota for this type is used up; see DescribeContentQuota or wait for tomorrow";
        case "LimitExceeded.BatchQuota":
            return `too many targets in one EdgeOne ${prefetch ? "prefetch" : "purge"} request for the zone's plan; submit fewer per call`;
        case "UnauthorizedOperation.CamUnauthorized":
            return prefetch
                ? "the sub-account has no CAM policy for EdgeOne prefetches: grant it teo:DescribePrefetchTasks (and " +
                  "teo:CreatePrefetchTask, teo:DescribeContentQuota for Prefetch)"
                : "the sub-account has no CAM policy for this action: for EdgeOne grant it teo:DescribePurgeTasks (and " +
                  "teo:CreatePurgeTask, teo:DescribeContentQuota for purge resources; teo:DescribePrefetchTasks, and " +
                  "teo:CreatePrefetchTask with teo:DescribeContentQuota, for prefetches)";
        case "InvalidParameter.ZoneNotFound":
            return "the zone id is not one of this account's EdgeOne zones: check zoneId";
        default:
            return undefined;
    }
}
