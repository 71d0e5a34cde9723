/**
 * A per-action sliding-window rate limit: at most `perSecond` accepted requests in any 1-second window.
 */

/**
 * Sliding-window limiter keyed by action name. Rejected requests do not count toward the window.
 *
 * @example
 * const limiter = new RateLimiter(20, Date.now);
 * if (!limiter.tryAcquire("DescribePurgeTasks")) { answer OperationTooOften }
 */
export class RateLimiter {
    private readonly windows = new Map<string, number[]>();

    constructor(private readonly perSecond: number, private readonly now: () => number) {}

    /** Records a request and returns true, or returns false when the action is over its limit. */
    tryAcquire(action: string): boolean {
        const now = this.now();
        const window = (this.windows.get(action) ?? []).filter((t) => now - t < 1000 && t <= now);
        if (window.length >= this.perSecond) {
            this.windows.set(action, window);
            return false;
        }
        window.push(now);
        this.windows.set(action, window);
        return true;
    }

    /** Forgets all windows. */
    reset(): void {
        this.windows.clear();
    }
}
