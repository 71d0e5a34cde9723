/** The clock and sleep a limiter runs on; tests inject fakes. */
export interface LimiterTiming {
    now(): number;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * At most `limit` grants in any window of `windowMs`, spaced evenly: one grant every `windowMs / limit`.
 * Bursts would be faster for a handful of calls, but requests granted together can reach the server bunched
 * (queued behind a slow answer) and trip its own per-second count; evenly spaced grants leave that slack.
 * Reservations are made synchronously in call order, so concurrent callers can never overshoot.
 *
 * @example
 * const limiter = new RateLimiter(20, 1050, { now: Date.now, sleep });
 * await limiter.acquire(); // resolves when one more request fits
 */
export class RateLimiter {
    private nextGrant = -Infinity;
    private readonly intervalMs: number;

    constructor(readonly limit: number, readonly windowMs: number, private readonly timing: LimiterTiming) {
        if (!(Number.isInteger(limit) && limit > 0)) {
            throw new Error(`limit must be a positive integer, got ${limit}`);
        }
        this.intervalMs = windowMs / limit;
    }

    /** Resolves when the caller may send one request. */
    async acquire(signal?: AbortSignal): Promise<void> {
        const now = this.timing.now();
        const at = Math.max(now, this.nextGrant);
        this.nextGrant = at + this.intervalMs;
        if (at > now) {
            await this.timing.sleep(at - now, signal);
        }
    }
}
