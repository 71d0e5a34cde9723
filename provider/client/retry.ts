/**
 * Retrying a call that failed for a reason a later try may not meet: throttling, server faults, timeouts,
 * dropped connections and garbled answers. Delays grow exponentially with full jitter, capped; throttling
 * starts from a longer base, since the budget is per second.
 */
import { isThrottling, PurgeApiError } from "./apiError";
import { Timing } from "../base/clock";

/** How hard to try. */
export interface RetryPolicy {
    /** Tries in all, the first included. */
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly throttledBaseDelayMs: number;
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxAttempts: 6,
    baseDelayMs: 200,
    throttledBaseDelayMs: 1000,
    maxDelayMs: 5000,
};

/**
 * The delay before try number `attempt + 1` after `error`.
 *
 * @example
 * retryDelayMs(DEFAULT_RETRY_POLICY, 1, err, () => 0.5); // between 0 and 400 ms for a server fault
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, error: PurgeApiError, random: () => number): number {
    const base = isThrottling(error.code) ? policy.throttledBaseDelayMs : policy.baseDelayMs;
    const ceiling = Math.min(policy.maxDelayMs, base * 2 ** attempt);
    // Throttled calls wait at least one base delay: an immediate retry would only be throttled again.
    const floor = isThrottling(error.code) ? Math.min(base, ceiling) : 0;
    return floor + random() * (ceiling - floor);
}

/**
 * Which failures a call may be sent again after: any retryable one for a read; for a call that creates something
 * (a purge), only those that show it was not carried out, since sending it again could create it twice.
 *
 * @example
 * withRetry(send, policy, timing, Math.random, signal, SUBMISSION_RETRY);
 */
export type RetryRule = (error: PurgeApiError) => boolean;

/** Reads: every retryable failure. */
export const READ_RETRY: RetryRule = (e) => e.retryable;
/** Submissions: retryable failures the API answered itself (throttling, its own faults), never one in doubt. */
export const SUBMISSION_RETRY: RetryRule = (e) => e.retryable && !e.inDoubt;

/**
 * Runs `call` until it succeeds, fails for good, or the tries run out; throws the last {@link PurgeApiError}.
 *
 * @example
 * const page = await withRetry(() => sendOnce(), DEFAULT_RETRY_POLICY, timing, Math.random);
 */
export async function withRetry<T>(
    call: () => Promise<T>, policy: RetryPolicy, timing: Timing, random: () => number, signal?: AbortSignal,
    retryIf: RetryRule = READ_RETRY,
): Promise<T> {
    for (let attempt = 1; ; attempt++) {
        try {
            return await call();
        } catch (e) {
            if (!(e instanceof PurgeApiError) || !retryIf(e) || attempt >= policy.maxAttempts || signal?.aborted) {
                throw e;
            }
            await timing.sleep(retryDelayMs(policy, attempt, e, random), signal);
        }
    }
}
