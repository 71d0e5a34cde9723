/**
 * When the poller's next round starts. Checks that arrive together share a round (the gather window); the
 * interval between rounds backs off while nothing changes and drops to the minimum on any change; rounds
 * that cost many calls are spaced so the poller stays under its share of the API's rate limit.
 */
import { BackoffOptions, backoffDelayMs, validateBackoff } from "./backoff";

/** The timing knobs, all in milliseconds except `maxCallsPerSecond`. */
export interface RoundTiming extends BackoffOptions {
    readonly gatherWindowMs: number;
    readonly maxCallsPerSecond: number;
    /**
     * When set, the quiet back-off is capped at `min(maxDelayMs, singleTaskMaxDelayMs * sqrt(watched tasks))`
     * instead of `maxDelayMs`: one task gains nothing from a long interval, while many tasks submitted together
     * can afford it (the first of them to change brings the interval back to the minimum for the rest).
     */
    readonly singleTaskMaxDelayMs?: number;
}

/**
 * The cap of the quiet back-off while `watchedTasks` tasks are watched (see {@link RoundTiming}).
 *
 * @example
 * quietCapMs({ minDelayMs: 1000, maxDelayMs: 20_000, singleTaskMaxDelayMs: 5000, ... }, 4); // 10000
 */
export function quietCapMs(timing: RoundTiming, watchedTasks: number): number {
    const single = timing.singleTaskMaxDelayMs;
    if (single === undefined) {
        return timing.maxDelayMs;
    }
    const scaled = single * Math.sqrt(Math.max(1, watchedTasks));
    return Math.max(timing.minDelayMs, Math.min(timing.maxDelayMs, scaled));
}

/**
 * The adaptive round interval.
 *
 * @example
 * const schedule = new RoundSchedule({ minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random,
 *     gatherWindowMs: 50, maxCallsPerSecond: 10 });
 * schedule.plannedAt(firstWaitingCheckAt); // when to start the next round
 */
export class RoundSchedule {
    private quietRounds = 0;
    private intervalMs: number;
    private lastRound?: { readonly startedAt: number; readonly apiCalls: number };

    constructor(private readonly timing: RoundTiming) {
        validateBackoff(timing);
        if (!(timing.maxCallsPerSecond > 0) || !(timing.gatherWindowMs >= 0)) {
            throw new RangeError("maxCallsPerSecond must be > 0 and gatherWindowMs >= 0");
        }
        if (timing.singleTaskMaxDelayMs !== undefined && !(timing.singleTaskMaxDelayMs > 0)) {
            throw new RangeError("singleTaskMaxDelayMs must be > 0 when given");
        }
        this.intervalMs = timing.minDelayMs;
    }

    /** The interval that will follow the last round (before rate spacing). */
    get currentIntervalMs(): number {
        return this.intervalMs;
    }

    /**
     * The time the next round should start, given when the oldest waiting check arrived: at least a gather
     * window after it, at least the interval after the last round started, and spaced by the last round's cost.
     */
    plannedAt(earliestArrival: number): number {
        const gathered = earliestArrival + this.timing.gatherWindowMs;
        const last = this.lastRound;
        if (last === undefined) {
            return gathered;
        }
        const spacingMs = (last.apiCalls * 1000) / this.timing.maxCallsPerSecond;
        return Math.max(gathered, last.startedAt + Math.max(this.intervalMs, spacingMs));
    }

    roundStarted(now: number): void {
        this.lastRound = { startedAt: now, apiCalls: 0 };
    }

    /**
     * Records a finished round: what it cost, whether any task's state changed, and how many tasks are still
     * watched (only used with `singleTaskMaxDelayMs`).
     */
    roundEnded(apiCalls: number, changed: boolean, watchedTasks = 1): void {
        if (this.lastRound) {
            this.lastRound = { ...this.lastRound, apiCalls };
        }
        this.quietRounds = changed ? 0 : this.quietRounds + 1;
        const backoff = { ...this.timing, maxDelayMs: quietCapMs(this.timing, watchedTasks) };
        this.intervalMs = changed ? this.timing.minDelayMs : backoffDelayMs(this.quietRounds + 1, backoff);
    }

    /** Back to the minimum interval: a task was added or changed, more changes are likely soon. */
    reset(): void {
        this.quietRounds = 0;
        this.intervalMs = this.timing.minDelayMs;
    }
}
