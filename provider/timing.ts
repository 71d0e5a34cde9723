/** The real clock and an abortable sleep, for code that takes its timing injected. */
import { LimiterTiming } from "./rateLimiter";

/**
 * Sleeps `ms`, or rejects with an `AbortError` as soon as `signal` fires.
 *
 * @example
 * await sleep(250, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError(signal!));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}

function abortError(signal: AbortSignal): Error {
    const reason = signal.reason;
    if (reason instanceof Error) {
        return reason;
    }
    const e = new Error(typeof reason === "string" ? reason : "The operation was aborted");
    e.name = "AbortError";
    return e;
}

/** Wall-clock time and real timers. */
export const realTiming: LimiterTiming = { now: () => Date.now(), sleep };
