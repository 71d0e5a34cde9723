/**
 * The delay schedule between checks: capped exponential backoff with full jitter above a floor, as AWS SDK
 * waiters do it. The first check happens at once; later delays grow so a long purge costs few calls, and the
 * jitter keeps many waits started together from polling in lock-step.
 */

/** The knobs of the schedule. `random` is injected so the schedule is pure and tests are deterministic. */
export interface BackoffOptions {
    /** Shortest delay between two checks (also the lower bound of every jittered delay). */
    readonly minDelayMs: number;
    /** Longest delay between two checks: the cap of the exponential growth. */
    readonly maxDelayMs: number;
    /** A source of numbers in [0, 1), such as `Math.random`. */
    readonly random: () => number;
}

/**
 * Throws a `RangeError` unless the delays are finite, not negative, and `minDelayMs <= maxDelayMs`.
 *
 * @example
 * validateBackoff({ minDelayMs: 1000, maxDelayMs: 500, random: Math.random }); // throws RangeError
 */
export function validateBackoff(options: BackoffOptions): void {
    const { minDelayMs, maxDelayMs } = options;
    if (!Number.isFinite(minDelayMs) || minDelayMs < 0) {
        throw new RangeError(`minDelayMs must be a finite number >= 0, got ${minDelayMs}`);
    }
    if (!Number.isFinite(maxDelayMs) || maxDelayMs < minDelayMs) {
        throw new RangeError(`maxDelayMs must be a finite number >= minDelayMs (${minDelayMs}), got ${maxDelayMs}`);
    }
}

/**
 * The upper bound of the delay before check number `attempt`: `min(maxDelayMs, minDelayMs * 2^(attempt-1))`,
 * or 0 for the first check.
 *
 * @example
 * backoffCapMs(3, { minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random }); // 4000
 */
export function backoffCapMs(attempt: number, options: BackoffOptions): number {
    if (attempt <= 1) {
        return 0;
    }
    // Past 2^40 the product only overflows towards Infinity (and 0 * Infinity is NaN): the cap has long won.
    const growth = 2 ** Math.min(attempt - 1, 40);
    return Math.min(options.maxDelayMs, options.minDelayMs * growth);
}

/**
 * The delay before check number `attempt` (1-based): 0 for the first, then a whole number of milliseconds
 * drawn between `minDelayMs` and {@link backoffCapMs}.
 *
 * @example
 * const opts = { minDelayMs: 1000, maxDelayMs: 10_000, random: () => 0.5 };
 * backoffDelayMs(1, opts); // 0
 * backoffDelayMs(2, opts); // 1500 (between 1000 and 2000)
 * backoffDelayMs(9, opts); // 5500 (between 1000 and the 10000 cap)
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
    if (attempt <= 1) {
        return 0;
    }
    const cap = backoffCapMs(attempt, options);
    // Clamp the draw: an injected random that strays outside [0, 1) must not break the bounds.
    const draw = Math.min(Math.max(options.random(), 0), 1);
    return Math.round(options.minDelayMs + draw * (cap - options.minDelayMs));
}
