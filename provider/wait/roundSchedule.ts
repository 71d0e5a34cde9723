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

    /** Records a finished round: what it cost and whether any task's state changed. */
    roundEnded(apiCalls: number, changed: boolean): void {
        if (this.lastRound) {
            this.lastRound = { ...this.lastRound, apiCalls };
        }
        this.quietRounds = changed ? 0 : this.quietRounds + 1;
        this.intervalMs = changed ? this.timing.minDelayMs : backoffDelayMs(this.quietRounds + 1, this.timing);
    }

    /** Back to the minimum interval: a task was added or changed, more changes are likely soon. */
    reset(): void {
        this.quietRounds = 0;
        this.intervalMs = this.timing.minDelayMs;
    }
}
