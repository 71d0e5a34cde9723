import { Timing } from "../base/clock";

/**
 * At most `limit` grants in any window of `windowMs`, spaced evenly: one grant every `windowMs / limit`, measured
 * from the moment the previous caller really went on. Grants handed out on a schedule computed in advance
 * bunch up whenever the event loop is busy (timers fire late, together), and requests sent together can trip
 * the server's own per-second count; spacing from the actual release leaves no such gap. Callers are served
 * in order.
 *
 * @example
 * const limiter = new SpacedRateLimiter(20, 1050, { now: Date.now, sleep });
 * await limiter.acquire(); // resolves when one more request fits
 */
export class SpacedRateLimiter {
    private readonly intervalMs: number;
    /** Waiting callers, in order; `go` lets one proceed and is told how to report that it did. */
    private readonly queue: { go: (resumed: () => void) => void }[] = [];
    private lastRelease = -Infinity;
    private pumping = false;

    constructor(readonly limit: number, readonly windowMs: number, private readonly timing: Timing) {
        if (!(Number.isInteger(limit) && limit > 0)) {
            throw new Error(`limit must be a positive integer, got ${limit}`);
        }
        this.intervalMs = windowMs / limit;
    }

    /** Resolves when the caller may send one request; rejects if `signal` aborts first. */
    async acquire(signal?: AbortSignal): Promise<void> {
        signal?.throwIfAborted();
        const resumed = await new Promise<() => void>((resolve, reject) => {
            const entry = {
                go: (done: () => void) => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve(done);
                },
            };
            const onAbort = () => {
                this.queue.splice(this.queue.indexOf(entry), 1);
                reject(signal!.reason);
            };
            signal?.addEventListener("abort", onAbort, { once: true });
            this.queue.push(entry);
            void this.pump();
        });
        // The caller goes on now: the next grant is spaced from this moment.
        this.lastRelease = this.timing.now();
        resumed();
    }

    private async pump(): Promise<void> {
        if (this.pumping) {
            return;
        }
        this.pumping = true;
        try {
            while (this.queue.length > 0) {
                const waitMs = this.lastRelease + this.intervalMs - this.timing.now();
                if (waitMs > 0) {
                    await this.timing.sleep(waitMs);
                    continue;
                }
                const next = this.queue.shift()!;
                await new Promise<void>((resumed) => next.go(resumed));
            }
        } finally {
            this.pumping = false;
        }
    }
}
