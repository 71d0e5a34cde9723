/**
 * Sending one batch of a purge, the same way for every product: a submitting call is not idempotent, so a batch
 * whose outcome is unknown (cancelled on its way, no answer in time, the connection lost after sending) is never
 * sent again blindly. It is thrown as a {@link SubmissionInDoubt}, and the purge lifecycle looks for the job it may
 * have created before anything is sent again.
 */
import { PurgeApiError } from "../client/apiError";

/** What was sent so far: job ids in batch order, and how many items they cover. */
export interface SubmittedPurge {
    readonly taskIds: readonly string[];
    readonly submitted: number;
}

/** An item (URL, target) the API refused at submission, and why: it has no record to wait for. */
export interface Refusal {
    readonly item: string;
    readonly reason: string;
}

/**
 * A batch that may or may not have reached the API (and created a job). The lifecycle records it, and looks for
 * its job before sending the batch again.
 *
 * @example
 * throw new SubmissionInDoubt(state, chunk.length, sentAt, e);
 */
export class SubmissionInDoubt extends Error {
    constructor(
        /** What was surely sent before this batch. */
        readonly state: SubmittedPurge,
        /** How many items the batch held (the next ones after `state.submitted`). */
        readonly count: number,
        /** When the batch was sent. */
        readonly sentAt: Date,
        cause: unknown,
    ) {
        super(`a batch of ${count} may or may not have reached the API (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    }
}

/**
 * Sends one batch with `send`, turning an unknown outcome into a {@link SubmissionInDoubt}: a cancel that abandoned
 * the request on its way, or a failure of the API call whose `inDoubt` is set. A failure the API answered (an error
 * code) is thrown as it is: nothing was created.
 *
 * @example
 * const { taskId } = await sendBatch(state, chunk.length, signal, () => api.purgeUrlsCache({ urls: chunk }, signal));
 */
export async function sendBatch<T>(state: SubmittedPurge, count: number, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    try {
        return await send();
    } catch (e) {
        if (signal?.aborted || (e instanceof PurgeApiError && e.inDoubt)) {
            // The last try is the one in doubt: the listing lag counts from its end, not from before earlier tries.
            throw new SubmissionInDoubt(state, count, new Date(), e);
        }
        throw e;
    }
}

/**
 * A batch that may or may not have reached the API: the `count` items after those `submitted`, sent at `sentAt`
 * (ISO-8601; absent in states written before it was kept), to be looked for from `since` (API time, a little
 * before the send, for clock skew).
 *
 * @example
 * const batch: InDoubtBatch = { count: 1, since: "2026-11-29 10:00:00", sentAt: "2026-11-29T02:05:00.000Z" };
 */
export type InDoubtBatch = {
    readonly count: number;
    readonly since: string;
    readonly sentAt?: string;
    /** Jobs of this resource known before the batch (earlier submissions, earlier batches): never taken for its job. */
    readonly notJobs?: readonly string[];
};
