/**
 * One limiter per API action for the whole process, so every caller (data source, waits, many resources)
 * shares the account's budget of 20 requests per second per action.
 */
import { realTiming, Timing } from "../base/clock";
import { SpacedRateLimiter } from "./spacedRateLimiter";

/** The documented limit for DescribePurgeTasks; the purge actions get the same. */
export const REQUESTS_PER_SECOND = 20;
/**
 * A window a little over a second absorbs jitter in when requests reach the server: a request released by the
 * limiter may leave late (a busy event loop, signing) while the next leaves on time. 1050 ms left 50 ms of margin,
 * which a loaded machine exceeded; 1100 ms leaves 100 ms, at 18 requests a second instead of 19.
 */
export const WINDOW_MS = 1100;

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
