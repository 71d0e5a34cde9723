/**
 * What to do about the CDN API's own error codes, by the action that failed: a prefetch (push) refused for want of
 * rights or quota is told about the push's actions and quota, never the purge's.
 */

/** The CDN's prefetch actions; every other action of the CDN client is a purge's. */
const PUSH_ACTIONS = new Set(["PushUrlsCache", "DescribePushTasks", "DescribePushQuota"]);

/** The hints that do not depend on the action. */
const HINTS: Record<string, string> = {
    "ResourceNotFound.CdnUserNotExists": "the CDN service is not activated for this account: activate it in the CDN console",
    "InvalidParameter.CdnParamError": "the API rejected a parameter; check the arguments against the documentation",
    "InvalidParameter.CdnUrlInvalid": "a URL is not a full http:// or https:// URL",
    "LimitExceeded.CdnPurgeExceedDayLimit": "today's purge quota is used up; see DescribePurgeQuota or wait for tomorrow",
    "LimitExceeded.CdnPurgeExceedBatchLimit": "too many URLs or paths in one request; submit fewer per call",
    "LimitExceeded.CdnPushExceedDayLimit": "today's prefetch quota of the area is used up (`global` spends both areas'); " +
        "see DescribePushQuota or wait for tomorrow",
    "LimitExceeded.CdnPushExceedBatchLimit": "too many URLs in one prefetch request; submit fewer per call (DescribePushQuota's Batch)",
    "LimitExceeded.CdnHostOpTooOften": "a domain of these URLs was purged or prefetched too often just now; wait a while and try again",
    "InvalidParameter.CdnPushWildcardNotAllowed": "a prefetch takes no wildcard (`*`): list each URL in full",
    "ResourceInUse.CdnOpInProgress": "another operation on the same URLs or domain is still running; wait until it ends and try again",
};

/**
 * The hint for the CDN's `code` when `action` failed, or undefined when the CDN has none of its own.
 *
 * @example
 * cdnHint("PushUrlsCache", "UnauthorizedOperation.CdnCamUnauthorized"); // "... grant it cdn:PushUrlsCache ..."
 */
export function cdnHint(action: string, code: string): string | undefined {
    if (code === "UnauthorizedOperation.CdnCamUnauthorized") {
        return PUSH_ACTIONS.has(action)
            ? "the sub-account has no CAM policy for CDN prefetches: grant it cdn:DescribePushTasks (and cdn:PushUrlsCache, " +
              "cdn:DescribePushQuota for UrlPush), e.g. with the QcloudCDNFullAccess policy"
            : "the sub-account has no CAM policy for CDN purges: grant it cdn:DescribePurgeTasks (and cdn:PurgeUrlsCache, " +
              "cdn:PurgePathCache, cdn:DescribePurgeQuota for purge resources), e.g. with the QcloudCDNFullAccess policy";
    }
    return HINTS[code];
}
