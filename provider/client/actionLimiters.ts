/**
 * One limiter per API action for the whole process, so every caller (data source, waits, many resources)
 * shares the account's budget of 20 requests per second per action.
 */
import { realTiming, Timing } from "../base/clock";
import { SpacedRateLimiter } from "./spacedRateLimiter";

/** The documented limit for DescribePurgeTasks; the purge actions get the same. */
export const REQUESTS_PER_SECOND = 20;
/** A window a little over a second absorbs jitter in when requests reach the server. */
export const WINDOW_MS = 1050;

const limiters = new Map<string, SpacedRateLimiter>();

/**
 * The process-wide limiter for `action`.
 *
 * @example
 * await limiterFor("DescribePurgeTasks").acquire();
 */
export function limiterFor(action: string, timing: Timing = realTiming): SpacedRateLimiter {
    let limiter = limiters.get(action);
    if (!limiter) {
        limiter = new SpacedRateLimiter(REQUESTS_PER_SECOND, WINDOW_MS, timing);
        limiters.set(action, limiter);
    }
    return limiter;
}
