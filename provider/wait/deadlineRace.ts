/**
 * Bounding a check by the wait's deadline, for checks that wait for fresh data themselves (a coalesced
 * round may start after the deadline; the wait must not).
 */
import { PurgeTask } from "../types";
import { PurgeCheck } from "./waitOptions";

/** Returned instead of records when the deadline came before the check answered. */
export const DEADLINE_REACHED: unique symbol = Symbol("deadlineReached");

/**
 * Runs `check` and resolves with its records, or with {@link DEADLINE_REACHED} after `remainingMs` (measured
 * with the injected `sleep`), aborting the check. The caller's `signal` aborts both.
 *
 * @example
 * const answer = await checkBeforeDeadline(check, sleep, 5000, signal);
 * if (answer === DEADLINE_REACHED) { ... }
 */
export async function checkBeforeDeadline(
    check: PurgeCheck,
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
    remainingMs: number,
    signal?: AbortSignal,
): Promise<readonly PurgeTask[] | typeof DEADLINE_REACHED> {
    const forCheck = new AbortController();
    const forTimer = new AbortController();
    const onAbort = (): void => {
        forCheck.abort(signal?.reason);
        forTimer.abort(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    // The timer loses most races and is then cancelled; `Promise.race` subscribes to it, so that rejection
    // is handled, and a rejection from the caller's abort ends the race even if the check ignores its signal.
    const reached = (): typeof DEADLINE_REACHED => DEADLINE_REACHED;
    const timer = sleep(Math.max(0, remainingMs), forTimer.signal).then(reached);
    try {
        const answer = await Promise.race([check(forCheck.signal), timer]);
        if (answer === DEADLINE_REACHED) {
            forCheck.abort(new Error("wait deadline reached"));
        }
        return answer;
    } finally {
        forTimer.abort();
        signal?.removeEventListener("abort", onAbort);
    }
}
