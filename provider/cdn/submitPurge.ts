/**
 * Submitting a purge within the account's quota: the daily allowance is checked before anything is sent,
 * and long lists are split into batches of the most one request may carry.
 */
import { readAllPages } from "./paging";
import { PurgeApi, PurgeQuota, PurgeQuotas, PurgeType } from "./types";
import { itemsOf, PurgeRequest } from "./inputs";
import { sendBatch, SubmissionInDoubt, type SubmittedPurge } from "../resources/submission";
import { jobsCovering } from "../resources/inDoubtLookup";

/**
 * The quota that binds: the line with the least left for the area (every line when no area is given, or for
 * `global`), with the smallest batch among them.
 *
 * @example
 * bindingQuota(quotas.urlPurge, "mainland")?.available;
 */
export function bindingQuota(lines: readonly PurgeQuota[], area?: string): PurgeQuota | undefined {
    const relevant = lines.filter((q) => relevantTo(q, area));
    if (relevant.length === 0) {
        return undefined;
    }
    const tightest = relevant.reduce((a, b) => (b.available < a.available ? b : a));
    return { ...tightest, batch: Math.min(...relevant.map((q) => q.batch)) };
}

/**
 * How long after its answer one quota read still serves purges that start: the purges of one update start
 * within moments of each other, and counting their usage down locally saves a read per purge.
 */
const QUOTA_SHARE_MS = 3000;

/** One quota read shared by the purges that start together, with what they took from it since. */
interface SharedQuota {
    readonly answer: Promise<PurgeQuotas>;
    answeredAt?: number;
    readonly taken: Map<string, number>;
}

const sharedQuotas = new WeakMap<PurgeApi, SharedQuota>();

/** The shared read for `api`, started now unless one is in flight or answered moments ago. */
function sharedQuota(api: PurgeApi, signal?: AbortSignal): SharedQuota {
    const current = sharedQuotas.get(api);
    if (current && (current.answeredAt === undefined || Date.now() - current.answeredAt < QUOTA_SHARE_MS)) {
        return current;
    }
    const entry: SharedQuota = { answer: api.describePurgeQuota(signal), taken: new Map() };
    sharedQuotas.set(api, entry);
    entry.answer.then(() => { entry.answeredAt = Date.now(); }, () => forgetQuota(api, entry));
    return entry;
}

function forgetQuota(api: PurgeApi, entry?: SharedQuota): void {
    if (!entry || sharedQuotas.get(api) === entry) {
        sharedQuotas.delete(api);
    }
}

const takenKey = (kind: string, line: PurgeQuota) => `${kind}\u0000${line.area}`;

/**
 * Submits the request's URLs or paths from `already.submitted` on, batch by batch. Throws before sending anything when
 * today's quota cannot cover the rest. The quota is read once for the purges that start together and counted
 * down here as each takes its share. `onBatch` sees the progress after each accepted batch, so a caller can
 * keep what was sent even when a later batch fails. Once `signal` aborts nothing more is sent: a request in
 * flight is abandoned and not retried. A batch whose outcome is unknown is thrown as a {@link SubmissionInDoubt}.
 *
 * @example
 * const sent = await submitPurge(api, { kind: "url", urls, area: "mainland" }, { taskIds: [], submitted: 0 });
 */
export async function submitPurge(
    api: PurgeApi, request: PurgeRequest, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void = () => undefined,
    signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const rest = itemsOf(request).slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const shared = sharedQuota(api, signal);
    const quotas = await shared.answer;
    signal?.throwIfAborted();
    const lines = (request.kind === "url" ? quotas.urlPurge : quotas.pathPurge)
        .map((q) => ({ ...q, available: Math.max(0, q.available - (shared.taken.get(takenKey(request.kind, q)) ?? 0)) }));
    const quota = bindingQuota(lines, request.area);
    const noun = request.kind === "url" ? "URL" : "path";
    if (quota && rest.length > quota.available) {
        throw new Error(`${request.kind === "url" ? "UrlPurge" : "PathPurge"} needs ${rest.length} ${noun} purges but only ` +
            `${quota.available} of ${quota.total} are left today${quota.area ? ` (area ${quota.area})` : ""}; nothing was submitted`);
    }
    // Taken before the first await, so purges starting meanwhile see what is left; unsent items are given back.
    const charged = lines.filter((q) => relevantTo(q, request.area));
    const take = (n: number) => charged.forEach((q) => shared.taken.set(takenKey(request.kind, q), (shared.taken.get(takenKey(request.kind, q)) ?? 0) + n));
    take(rest.length);
    const batch = Math.max(1, quota?.batch || rest.length);
    let state = already;
    try {
        for (let i = 0; i < rest.length; i += batch) {
            const chunk = rest.slice(i, i + batch);
            // The whole request with only this batch's list: the client names each field on the wire.
            const { taskId } = await sendBatch(state, chunk.length, signal, () => request.kind === "url"
                ? api.purgeUrlsCache({ ...request, urls: chunk }, signal)
                : api.purgePathCache({ ...request, paths: chunk }, signal));
            state = { taskIds: [...state.taskIds, taskId], submitted: state.submitted + chunk.length };
            onBatch(state);
        }
    } catch (e) {
        // A batch in doubt counts as used (it may have arrived); a refused one was not charged at the API.
        const unsent = rest.length - (state.submitted - already.submitted) - (e instanceof SubmissionInDoubt ? e.count : 0);
        take(-unsent);
        if (!(e instanceof SubmissionInDoubt)) {
            forgetQuota(api, shared); // the API refused something: read the quota afresh next time
        }
        throw e;
    }
    return state;
}

/** Whether a quota line counts a purge in `area` (every line when no area is given, or for `global`). */
function relevantTo(line: PurgeQuota, area?: string): boolean {
    return !area || area === "global" || line.area === area;
}

/**
 * The tasks the API created for `items` at or after `since`: each task whose records cover every item, and no other.
 * Reads by the items' domain when they share one, so other sites' purges need not be paged through.
 *
 * @example
 * await findInDoubtTask(api, "url", ["https://www.example.com/a"], "2026-11-29 10:00:00"); // ["1533"], or [] when none
 */
export async function findInDoubtTask(
    api: PurgeApi, kind: PurgeType, items: readonly string[], since: string, signal?: AbortSignal,
): Promise<string[]> {
    const hosts = new Set(items.map((i) => { try { return new URL(i).hostname; } catch { return ""; } }));
    const keyword = hosts.size === 1 && !hosts.has("") ? [...hosts][0] : undefined;
    const { purgeLogs } = await readAllPages(api, { startTime: since, purgeType: kind, keyword }, { signal });
    return jobsCovering(purgeLogs, items, (r) => r.url, (r) => r.taskId);
}
