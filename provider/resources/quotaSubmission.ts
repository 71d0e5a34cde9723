/**
 * Submitting a purge or prefetch within a daily quota, the same way for every product: nothing is sent when the
 * day's rest cannot cover the items, then the items go in batches of the quota's `Batch`, each through
 * {@link sendBatch}. The quota is read once for the submissions that start together (one `pulumi up` starts its
 * resources within moments of each other) and counted down here as each takes its share: two resources that each
 * fit the day's rest, but not together, are told so before either sends, instead of both failing halfway.
 */
import { Refusal, sendBatch, SubmissionInDoubt, SubmittedPurge } from "./submission";
import { sameItem } from "./inDoubtLookup";

/**
 * One line of a daily quota, as a product reads it: `line` names it among the lines of one read (`url mainland`,
 * `prefetch_url`); `batch` is the most one call may carry (0: not known).
 *
 * @example
 * const line: DailyQuotaLine = { line: "push mainland", batch: 500, total: 1000, available: 400 };
 */
export interface DailyQuotaLine {
    readonly line: string;
    readonly batch: number;
    readonly total: number;
    readonly available: number;
}

/**
 * Where a quota is read. Submissions with the same `owner` (the client) and `key` (e.g. a zone) share one read.
 *
 * @example
 * const source: QuotaSource = { owner: api, key: "push", read: async (s) => linesOf(await api.describePushQuota(s)) };
 */
export interface QuotaSource<L extends DailyQuotaLine = DailyQuotaLine> {
    readonly owner: object;
    readonly key: string;
    read(signal?: AbortSignal): Promise<readonly L[]>;
}

/** What the call of one batch answered: its job (none when the API made none), and the items it refused. */
export interface BatchAnswer {
    readonly jobId?: string | null;
    readonly refused?: readonly Refusal[];
}

/**
 * One product's submission for {@link submitWithinQuota}; `L` is its quota line (e.g. with the CDN's area).
 *
 * @example
 * const s: QuotaSubmission = { items: urls, quota, uses: (lines) => ({ charged: lines }), tooFew, send };
 */
export interface QuotaSubmission<L extends DailyQuotaLine = DailyQuotaLine> {
    /** Every item of the request in order; a purge of everything is one item (its call sends none). */
    readonly items: readonly string[];
    readonly quota: QuotaSource<L>;
    /**
     * The lines of the read that this submission spends: checked against and counted down (none: no daily check),
     * and a batch size for when no charged line gives one.
     */
    uses(lines: readonly L[]): { readonly charged: readonly L[]; readonly batch?: number };
    /** The message when `needed` items exceed the tightest charged line (its `available` counted down). */
    tooFew(tightest: L, needed: number): string;
    /** Sends one batch of items. */
    send(chunk: readonly string[], signal?: AbortSignal): Promise<BatchAnswer>;
}

/**
 * How long after its answer one quota read still serves submissions that start: the resources of one update start
 * within moments of each other, and counting their usage down locally saves a read per resource.
 */
export const QUOTA_SHARE_MS = 3000;

/** One quota read shared by the submissions that start together, with what they took from it since. */
interface SharedRead {
    readonly answer: Promise<readonly unknown[]>;
    answeredAt?: number;
    readonly taken: Map<string, number>;
}

const sharedReads = new WeakMap<object, Map<string, SharedRead>>();

/** The shared read of `source`, started now unless one is in flight or answered moments ago. */
function sharedRead<L extends DailyQuotaLine>(source: QuotaSource<L>, signal?: AbortSignal): SharedRead {
    const reads = sharedReads.get(source.owner) ?? new Map<string, SharedRead>();
    sharedReads.set(source.owner, reads);
    const current = reads.get(source.key);
    if (current && (current.answeredAt === undefined || Date.now() - current.answeredAt < QUOTA_SHARE_MS)) {
        return current;
    }
    const entry: SharedRead = { answer: source.read(signal), taken: new Map() };
    reads.set(source.key, entry);
    entry.answer.then(() => { entry.answeredAt = Date.now(); }, () => forget(source, entry));
    return entry;
}

function forget<L extends DailyQuotaLine>(source: QuotaSource<L>, entry: SharedRead): void {
    const reads = sharedReads.get(source.owner);
    if (reads?.get(source.key) === entry) {
        reads.delete(source.key);
    }
}

/**
 * Sends `submission.items` from `already.submitted` on, batch by batch; throws before sending anything when today's
 * quota cannot cover the rest. `onBatch` sees the progress after each accepted batch with what the API refused of
 * it. A batch the API refused whole adds no job: that job has nothing to wait for. Once `signal` aborts nothing more
 * is sent; a batch whose outcome is unknown is thrown as a {@link SubmissionInDoubt} and stays counted as used.
 *
 * @example
 * const sent = await submitWithinQuota(submission, { taskIds: [], submitted: 0 }, (s, refused) => keep(s, refused), signal);
 */
export async function submitWithinQuota<L extends DailyQuotaLine>(
    submission: QuotaSubmission<L>, already: SubmittedPurge,
    onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void = () => undefined, signal?: AbortSignal,
): Promise<SubmittedPurge> {
    const rest = submission.items.slice(already.submitted);
    if (rest.length === 0) {
        return already;
    }
    signal?.throwIfAborted();
    const shared = sharedRead(submission.quota, signal);
    // One read serves every submission of its source, so its lines are of this submission's type.
    const lines = (await shared.answer as readonly L[]).map((q) => ({ ...q, available: Math.max(0, q.available - (shared.taken.get(q.line) ?? 0)) }));
    signal?.throwIfAborted();
    const { charged, batch: fallback } = submission.uses(lines);
    if (charged.length > 0) {
        const tightest = charged.reduce((a, b) => (b.available < a.available ? b : a));
        if (rest.length > tightest.available) {
            throw new Error(submission.tooFew(tightest, rest.length));
        }
    }
    // Taken before the first await, so submissions starting meanwhile see what is left; unsent items are given back.
    const take = (n: number) => charged.forEach((q) => shared.taken.set(q.line, (shared.taken.get(q.line) ?? 0) + n));
    take(rest.length);
    const known = charged.map((q) => q.batch).filter((b) => b > 0);
    const batch = Math.max(1, known.length > 0 ? Math.min(...known) : fallback || rest.length);
    let state = already;
    try {
        for (let i = 0; i < rest.length; i += batch) {
            const chunk = rest.slice(i, i + batch);
            const answer = await sendBatch(state, chunk.length, signal, () => submission.send(chunk, signal));
            const refused = answer.refused ?? [];
            const refusedWhole = chunk.every((item) => refused.some((r) => sameItem(r.item, item))) && refused.length > 0;
            const jobs = answer.jobId && !refusedWhole ? [...state.taskIds, answer.jobId] : state.taskIds;
            state = { taskIds: jobs, submitted: state.submitted + chunk.length };
            onBatch(state, refused);
        }
    } catch (e) {
        // A batch in doubt counts as used (it may have arrived); a refused one was not charged at the API.
        take(-(rest.length - (state.submitted - already.submitted) - (e instanceof SubmissionInDoubt ? e.count : 0)));
        if (!(e instanceof SubmissionInDoubt)) {
            forget(submission.quota, shared); // the API refused something: read the quota afresh next time
        }
        throw e;
    }
    return state;
}
