/**
 * The real clock and an abortable sleep, for production use of the wait loop and the poller.
 *
 * The sleep's timer is deliberately NOT `unref`'d. A wait in progress is work the user asked for: in a plain
 * Node program (a script awaiting a purge, a test run) an unref'd timer would let the process exit in the
 * middle of the wait, silently, with the promise never settled. Nothing sleeps when nothing is waited on
 * (the poller stops scheduling rounds when no check is outstanding), so an idle process is never held open.
 */

/**
 * A source of the current time in milliseconds. `Date` itself fits.
 *
 * @example
 * const clock: Clock = Date;
 */
export interface Clock {
    now(): number;
}

/**
 * The wall clock.
 *
 * @example
 * const started = realClock.now();
 */
export const realClock: Clock = { now: () => Date.now() };

/**
 * Resolves after `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts (clearing the
 * timer, so a cancelled wait leaves nothing behind).
 *
 * @example
 * const stop = new AbortController();
 * await realSleep(1000, stop.signal); // rejects at once if stop.abort() is called meanwhile
 */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
