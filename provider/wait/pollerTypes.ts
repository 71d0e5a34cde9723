/**
 * The shapes the coalescing poller takes and gives.
 */
import { PurgeApi } from "../types";
import { Clock } from "../clock";
import { PurgeCheck, WaitPacing } from "./waitOptions";

/**
 * Options of {@link CoalescingPoller}; the delays default to `DEFAULT_ROUND_DELAYS` (3 s after a change, backing
 * off while quiet to 6 s x sqrt(watched tasks), at most 30 s), the gather window to 50 ms, the call rate to 10/s
 * (half the API's 20/s, leaving room for other programs on the same account).
 *
 * @example
 * new CoalescingPoller({ api, clock: realClock, sleep: realSleep, random: Math.random, maxDelayMs: 5000 });
 */
export interface CoalescingPollerOptions {
    readonly api: PurgeApi;
    readonly clock: Clock;
    readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    readonly random: () => number;
    readonly minDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly gatherWindowMs?: number;
    /** Rounds are spaced so the poller alone stays under this rate (the API allows 20/s per account). */
    readonly maxCallsPerSecond?: number;
    /** The quiet-interval cap for one watched task; n tasks get this x sqrt(n), at most `maxDelayMs`. */
    readonly singleTaskMaxDelayMs?: number;
}

/**
 * A task being watched: the `check` and `pacing` to give {@link waitForPurge}, and `unwatch` for the end.
 *
 * @example
 * const watch: TaskWatch = poller.watch(taskId);
 * await waitForPurge({ ...options, check: watch.check, pacing: watch.pacing }).finally(watch.unwatch);
 */
export interface TaskWatch {
    readonly check: PurgeCheck;
    readonly pacing: WaitPacing;
    unwatch(): void;
}
