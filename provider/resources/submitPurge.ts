/**
 * Submitting a purge within the account's quota: the daily allowance is checked before anything is sent,
 * and long lists are split into batches of the most one request may carry.
 */
import { PurgeApi, PurgeQuota } from "../types";
import { PurgeRequest } from "./inputs";
import type { SubmittedPurge } from "./purgeLifecycle";

export type { SubmittedPurge } from "./purgeLifecycle";

/**
 * The quota that binds: the line with the least left for the area (every line when no area is given, or for
 * `global`), with the smallest batch among them.
 *
 * @example
 * bindingQuota(quotas.urlPurge, "mainland")?.available;
 */
export function bindingQuota(lines: readonly PurgeQuota[], area?: string): PurgeQuota | undefined {
    const relevant = lines.filter((q) => !area || area === "global" || q.area === area);
    if (relevant.length === 0) {
        return undefined;
    }
    const tightest = relevant.reduce((a, b) => (b.available < a.available ? b : a));
    return { ...tightest, batch: Math.min(...relevant.map((q) => q.batch)) };
}

/**
 * Submits `request.items` from `already.submitted` on, batch by batch. Throws before sending anything when
 * today's quota cannot cover the rest. `onBatch` sees the progress after each accepted batch, so a caller can
 * keep what was sent even when a later batch fails. After `signal` aborts no further batch is sent (one in
 * flight is let finish, so its task id is not lost).
 *
 * @example
 * const sent = await submitPurge(api, { kind: "url", items: urls, flushType: "flush" }, { taskIds: [], submitted: 0 });
 */
export async function submitPurge(
    api: PurgeApi, request: PurgeRequest, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void = () => undefined,
    signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const rest = request.items.slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const quotas = await api.describePurgeQuota();
    const quota = bindingQuota(request.kind === "url" ? quotas.urlPurge : quotas.pathPurge, request.area);
    const noun = request.kind === "url" ? "URL" : "path";
    if (quota && rest.length > quota.available) {
        throw new Error(`${request.kind === "url" ? "UrlPurge" : "PathPurge"} needs ${rest.length} ${noun} purges but only ` +
            `${quota.available} of ${quota.total} are left today${quota.area ? ` (area ${quota.area})` : ""}; nothing was submitted`);
    }
    const batch = Math.max(1, quota?.batch || rest.length);
    let state = already;
    for (let i = 0; i < rest.length; i += batch) {
        signal?.throwIfAborted();
        const chunk = rest.slice(i, i + batch);
        const { taskId } = request.kind === "url"
            ? await api.purgeUrlsCache({ urls: chunk, area: request.area, urlEncode: request.urlEncode })
            : await api.purgePathCache({ paths: chunk, flushType: request.flushType, area: request.area, urlEncode: request.urlEncode });
        state = { taskIds: [...state.taskIds, taskId], submitted: state.submitted + chunk.length };
        onBatch(state);
    }
    return state;
}
