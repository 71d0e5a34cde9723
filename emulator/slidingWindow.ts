/**
 * The API's throttle: at most `perSecond` accepted calls per key (an action name) in any 1-second window. The
 * emulator answers over-limit calls with the throttling codes; the benchmark's simulated API uses the same rule.
 */

/**
 * Sliding-window limit keyed by action name. Rejected calls do not count toward the window.
 *
 * @example
 * const limit = new SlidingWindowLimit(20, Date.now);
 * if (!limit.tryAcquire("DescribePurgeTasks")) { answer OperationTooOften }
 */
export class SlidingWindowLimit {
    private readonly windows = new Map<string, number[]>();

    constructor(private readonly perSecond: number, private readonly now: () => number) {}

    /** Records a call and returns true, or returns false when the key is over its limit. */
    tryAcquire(key: string): boolean {
        const now = this.now();
        const window = (this.windows.get(key) ?? []).filter((t) => now - t < 1000 && t <= now);
        if (window.length >= this.perSecond) {
            this.windows.set(key, window);
            return false;
        }
        window.push(now);
        this.windows.set(key, window);
        return true;
    }

    /** Forgets all windows. */
    reset(): void {
        this.windows.clear();
    }
}
