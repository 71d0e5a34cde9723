/**
 * Submitting a prefetch within the account's push quota: the quota of every area the push covers (`global`:
 * mainland's and overseas') is read before anything is sent, and the URLs go in batches of the quota's size,
 * each through the shared {@link sendBatch} (a batch whose outcome is unknown is never sent twice blindly).
 */
import { PushApi, PushRequest } from "./pushTypes";
import { bindingQuota } from "./submitPurge";
import { readAllPushPages } from "./pushPaging";
import { sendBatch, type SubmittedPurge } from "../resources/submission";
import { jobsCovering } from "../resources/inDoubtLookup";

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
    const rest = request.items.slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const quota = bindingQuota((await api.describePushQuota(signal)).urlPush, request.area ?? "mainland"); // the API's default area
    signal?.throwIfAborted();
    if (quota && rest.length > quota.available) {
        throw new Error(`UrlPush needs ${rest.length} URL prefetches but only ${quota.available} of ${quota.total} are left ` +
            `today${quota.area ? ` (area ${quota.area}${request.area === "global" ? ", which a global prefetch also uses" : ""})` : ""}; ` +
            "nothing was submitted");
    }
    const batch = Math.max(1, quota?.batch || rest.length);
    const { items: _items, ...options } = request;
    let state = already;
    for (let i = 0; i < rest.length; i += batch) {
        const chunk = rest.slice(i, i + batch);
        const { taskId } = await sendBatch(state, chunk.length, signal, () => api.pushUrlsCache({ ...options, urls: chunk }, signal));
        state = { taskIds: [...state.taskIds, taskId], submitted: state.submitted + chunk.length };
        onBatch(state);
    }
    return state;
}

/**
 * The push tasks the API created for `items` at or after `since`: each task whose records cover every item, and no
 * other. Reads by the items' domain when they share one.
 *
 * @example
 * await findInDoubtPush(api, ["https://www.example.com/a"], "2026-11-29 10:00:00"); // ["1533"], or [] when none
 */
export async function findInDoubtPush(api: PushApi, items: readonly string[], since: string, signal?: AbortSignal): Promise<string[]> {
    const hosts = new Set(items.map((i) => { try { return new URL(i).hostname; } catch { return ""; } }));
    const keyword = hosts.size === 1 && !hosts.has("") ? [...hosts][0] : undefined;
    const { pushLogs } = await readAllPushPages(api, { startTime: since, keyword }, { signal });
    return jobsCovering(pushLogs, items, (r) => r.url, (r) => r.taskId);
}
