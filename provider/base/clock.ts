/**
 * Clocks and sleeping, at the bottom of the provider: the wait loop, the poller, the rate limiter and retries all
 * take time from here (or from a fake in tests), so nothing above reads `Date.now` or sets a timer of its own.
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
 * Resolves after `ms` milliseconds; rejects when `signal` aborts, so a wait can always be interrupted.
 *
 * @example
 * const sleep: Sleep = realSleep;
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * A clock and a sleep together, as the rate limiter and retries take them; tests inject fakes.
 *
 * @example
 * const timing: Timing = { now: () => fakeNow, sleep: async (ms) => { fakeNow += ms; } };
 */
export interface Timing extends Clock {
    sleep: Sleep;
}

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

/**
 * Wall-clock time and real timers as one {@link Timing}, for the client's limiter and retries.
 *
 * @example
 * const client = new PurgeClient(settings, { timing: realTiming });
 */
export const realTiming: Timing = { now: realClock.now, sleep: realSleep };
