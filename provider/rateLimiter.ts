/**
 * A sliding-window limiter: at most `limit` grants in any window of `windowMs`. Reservations are made
 * synchronously in call order, so concurrent callers can never overshoot, however many there are.
 *
 * @example
 * const limiter = new RateLimiter(20, 1050, { now: Date.now, sleep });
 * await limiter.acquire(); // resolves when one more request fits in the window
 */

/** The clock and sleep a limiter runs on; tests inject fakes. */
export interface LimiterTiming {
    now(): number;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class RateLimiter {
    private readonly grants: number[] = [];

    /**
     * @example
     * const limiter = new RateLimiter(20, 1050, timing); // 20 per second, with 50 ms of margin for network jitter
     * await limiter.acquire();
     */
    constructor(readonly limit: number, readonly windowMs: number, private readonly timing: LimiterTiming) {
        if (!(Number.isInteger(limit) && limit > 0)) {
            throw new Error(`limit must be a positive integer, got ${limit}`);
        }
    }

    /** Resolves when the caller may send one request. */
    async acquire(signal?: AbortSignal): Promise<void> {
        const now = this.timing.now();
        // `grants` holds the last `limit` grant times, oldest first: the next one may come a window after the oldest.
        const at = this.grants.length < this.limit ? now : Math.max(now, this.grants[0] + this.windowMs);
        this.grants.push(at);
        if (this.grants.length > this.limit) {
            this.grants.shift();
        }
        if (at > now) {
            await this.timing.sleep(at - now, signal);
        }
    }
}
