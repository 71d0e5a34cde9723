/**
 * Submitting a prefetch within the account's push quota, through the shared {@link submitWithinQuota}: the quota of
 * every area the push covers (`global`: mainland's and overseas') is checked before anything is sent and counted
 * down across the prefetches of one update, and the URLs go in batches of the quota's size (a batch whose outcome
 * is unknown is never sent twice blindly). And finding the task of a batch in doubt, in the push's area.
 */
import { PushApi, PushRequest, PushTask } from "./pushTypes";
import { cdnLines, cdnLinesFor, sharedHost } from "./submitPurge";
import { readAllPushPages } from "./pushPaging";
import { type SubmittedPurge } from "../resources/submission";
import { jobsCovering, sameItem } from "../resources/inDoubtLookup";
import { submitWithinQuota } from "../resources/quotaSubmission";
import { PurgeArea } from "./types";

/**
 * Submits `request.items` from `already.submitted` on, batch by batch; throws before sending anything when
 * today's push quota cannot cover the rest. `onBatch` sees the progress after each accepted batch.
 *
 * @example
 * const sent = await submitPush(api, { items: urls, area: "global" }, { taskIds: [], submitted: 0 });
 */
export async function submitPush(
    api: PushApi, request: PushRequest, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void = () => undefined,
    signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const { items, ...options } = request;
    return submitWithinQuota({
        items,
        quota: { owner: api, key: "push", read: async (s) => cdnLines("push", (await api.describePushQuota(s)).urlPush) },
        uses: (lines) => ({ charged: cdnLinesFor(lines, "push", request.area ?? "mainland") }), // the API's default area
        tooFew: (q, needed) => `UrlPush needs ${needed} URL prefetches but only ${q.available} of ${q.total} are left ` +
            `today${q.area ? ` (area ${q.area}${request.area === "global" ? ", which a global prefetch also uses" : ""})` : ""}; ` +
            "nothing was submitted",
        send: async (chunk, s) => ({ jobId: (await api.pushUrlsCache({ ...options, urls: chunk }, s)).taskId }),
    }, already, (s) => onBatch(s), signal);
}

/** The areas a listed record stands for: a record of a `global` push, both. */
const areasOf = (listed: PurgeArea | null): PurgeArea[] => (listed === "global" ? ["mainland", "overseas"] : listed ? [listed] : []);

/**
 * Whether a task's records are those of a push to `area`: a mainland or overseas push lists records of its own
 * area only; a global one, each item in both areas (a record per area, or one record of area `global`).
 */
function pushedTo(records: readonly PushTask[], items: readonly string[], area: PurgeArea): boolean {
    if (area !== "global") {
        return records.every((r) => r.area === null || r.area === area);
    }
    return items.every((item) => {
        const areas = new Set(records.filter((r) => r.url !== null && sameItem(r.url, item)).flatMap((r) => areasOf(r.area)));
        return areas.has("mainland") && areas.has("overseas");
    });
}

/**
 * The push tasks the API created for `items` in `area` (default `mainland`, the API's) at or after `since`: each
 * task whose records cover every item in that area, and no other. Lists by the area (`global`: both areas'
 * records) and by the items' domain when they share one. `mayListMore` when the push may list URLs it was not
 * given (`parseM3U8`'s segments): a task listing more than the items is taken too.
 *
 * @example
 * await findInDoubtPush(api, ["https://www.example.com/a"], "overseas", "2026-11-29 10:00:00"); // ["1533"], or [] when none
 */
export async function findInDoubtPush(api: PushApi, items: readonly string[], area: PurgeArea | undefined, since: string,
    signal?: AbortSignal, mayListMore = false): Promise<string[]> {
    const wanted = area ?? "mainland";
    const { pushLogs } = await readAllPushPages(api, { startTime: since, keyword: sharedHost(items), area: wanted }, { signal });
    return jobsCovering(pushLogs, items, (r) => r.url, (r) => r.taskId, mayListMore)
        .filter((job) => pushedTo(pushLogs.filter((r) => r.taskId === job), items, wanted));
}
