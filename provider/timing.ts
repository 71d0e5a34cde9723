/** The real clock and sleep as one {@link LimiterTiming}, for the client's limiter and retries. */
import { LimiterTiming } from "./rateLimiter";
import { realClock, realSleep } from "./wait/realClock";

/** Wall-clock time and real timers. */
export const realTiming: LimiterTiming = { now: realClock.now, sleep: realSleep };
