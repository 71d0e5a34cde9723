/**
 * When the poller's next round starts. Checks that arrive together share a round (the gather window); the
 * interval between rounds backs off while nothing changes and drops to the minimum on any change; rounds
 * that cost many calls are spaced so the poller stays under its share of the API's rate limit.
 */
import { BackoffOptions, backoffDelayMs, validateBackoff } from "./backoff";

/** The timing knobs, all in milliseconds except `maxCallsPerSecond`. */
export interface RoundTiming extends BackoffOptions {
    /** A round starts this long after the last of the checks arriving together (see {@link RoundSchedule.plannedAt}). */
    readonly gatherWindowMs: number;
    /** The longest a round waits for checks that keep arriving, from the first of them; `gatherWindowMs` by default. */
    readonly maxGatherMs?: number;
    readonly maxCallsPerSecond: number;
    /**
     * When set, the quiet back-off is capped at `min(maxDelayMs, singleTaskMaxDelayMs * sqrt(watched tasks))`
     * instead of `maxDelayMs`: one task gains nothing from a long interval, while many tasks submitted together
     * can afford it (the first of them to change brings the interval back to the minimum for the rest).
     */
    readonly singleTaskMaxDelayMs?: number;
    /** When set, the interval after a change follows how fast tasks are changing (see {@link changePaceMs}). */
    readonly changePace?: ChangePace;
}

/**
 * How the interval after a round that saw tasks change follows the rate of change: a round is worth its calls
 * when it releases enough waits, and the waits a round releases grow with the rate at which tasks finish.
 */
export interface ChangePace {
    /** The shortest interval between rounds, however fast tasks change. */
    readonly fastestDelayMs: number;
    /** The rate of status changes (tasks per second) at which `minDelayMs` is the right interval for a one-call round. */
    readonly referenceChangesPerSecond: number;
}

/**
 * The interval after a round that saw `changes` tasks change status since the round before, `elapsedMs` earlier,
 * at a cost of `apiCalls`: `minDelayMs x sqrt(apiCalls x reference / rate)`, between `fastestDelayMs` and
 * `minDelayMs`. It balances the round's calls against the release delay of the waits it would end: the square
 * root is where calls per second and delay per second weigh the same. With `changes` but no `elapsedMs` (no
 * round before to compare with), the first change of a quiet set: `fastestDelayMs`, so the next round measures
 * the rate (tasks seen together tend to finish together).
 *
 * @example
 * changePaceMs({ minDelayMs: 3000, ... changePace: { fastestDelayMs: 1000, referenceChangesPerSecond: 2 } }, 14, 1000, 1); // 1134
 */
export function changePaceMs(timing: RoundTiming, changes: number, elapsedMs: number | undefined, apiCalls: number): number {
    const pace = timing.changePace;
    if (pace === undefined || changes <= 0) {
        return timing.minDelayMs;
    }
    if (elapsedMs === undefined) {
        return Math.min(pace.fastestDelayMs, timing.minDelayMs);
    }
    const rate = changes / Math.max(elapsedMs / 1000, 0.001);
    const interval = timing.minDelayMs * Math.sqrt((Math.max(1, apiCalls) * pace.referenceChangesPerSecond) / rate);
    return Math.round(Math.min(timing.minDelayMs, Math.max(pace.fastestDelayMs, interval)));
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
    /** When the round before the last one started. */
    private previousRound?: { readonly startedAt: number };

    constructor(private readonly timing: RoundTiming) {
        validateBackoff(timing);
        if (!(timing.maxCallsPerSecond > 0) || !(timing.gatherWindowMs >= 0) || !((timing.maxGatherMs ?? 0) >= 0)) {
            throw new RangeError("maxCallsPerSecond must be > 0, gatherWindowMs and maxGatherMs >= 0");
        }
        if (timing.singleTaskMaxDelayMs !== undefined && !(timing.singleTaskMaxDelayMs > 0)) {
            throw new RangeError("singleTaskMaxDelayMs must be > 0 when given");
        }
        const pace = timing.changePace;
        if (pace !== undefined && !(pace.fastestDelayMs > 0 && pace.referenceChangesPerSecond > 0)) {
            throw new RangeError("changePace.fastestDelayMs and changePace.referenceChangesPerSecond must be > 0");
        }
        this.intervalMs = timing.minDelayMs;
    }

    /** The interval that will follow the last round (before rate spacing). */
    get currentIntervalMs(): number {
        return this.intervalMs;
    }

    /**
     * The time the next round should start, given when the oldest and the newest waiting checks arrived: a gather
     * window after the newest (checks still arriving join the round) but at most `maxGatherMs` after the oldest,
     * at least the interval after the last round started (unless `paced`), and spaced by the last round's cost.
     *
     * Checks that keep arriving: many waits started together reach a real host over tens of milliseconds (each
     * engine request is decoded in turn), and a window fixed from the first would start the round with some of
     * them and leave the rest for the next one, seconds later.
     */
    plannedAt(earliestArrival: number, latestArrival = earliestArrival, paced = false): number {
        const window = this.timing.gatherWindowMs;
        const gathered = Math.max(earliestArrival + window,
            Math.min(latestArrival + window, earliestArrival + Math.max(window, this.timing.maxGatherMs ?? window)));
        const last = this.lastRound;
        if (last === undefined) {
            return gathered;
        }
        const spacingMs = (last.apiCalls * 1000) / this.timing.maxCallsPerSecond;
        // `paced`: the checks waiting were held to a time their wait chose (a pace learned from recent durations),
        // which replaces the back-off; the shortest interval and the rate limit still space the rounds.
        return Math.max(gathered, last.startedAt + Math.max(paced ? this.timing.minDelayMs : this.intervalMs, spacingMs));
    }

    roundStarted(now: number): void {
        if (this.lastRound) {
            this.previousRound = { startedAt: this.lastRound.startedAt };
        }
        this.lastRound = { startedAt: now, apiCalls: 0 };
    }

    /** The interval just planned is the short one after the first change of a quiet spell. */
    private probing = false;
    /** Some task changed status since the set of watched tasks last grew. */
    private setHasChanged = false;

    /**
     * Records a finished round: what it cost, whether any task's state changed (or a task was seen for the first
     * time), how many tasks are still watched (only used with `singleTaskMaxDelayMs`), how many tasks changed
     * status since the round before, and how many tasks of unknown age it saw for the first time (both only used
     * with `changePace`).
     */
    roundEnded(apiCalls: number, changed: boolean, watchedTasks = 1, statusChanges = 0, firstSeenOfUnknownAge = 0): void {
        const previous = this.previousRound;
        if (this.lastRound) {
            this.lastRound = { ...this.lastRound, apiCalls };
        }
        const probed = this.probing;
        this.probing = false;
        if (!changed && probed) {
            // A short round after a change found nothing more: carry on as if it had not been made.
            this.intervalMs = Math.max(0, this.timing.minDelayMs - this.intervalMs);
            return;
        }
        this.quietRounds = changed ? 0 : this.quietRounds + 1;
        const backoff = { ...this.timing, maxDelayMs: quietCapMs(this.timing, watchedTasks) };
        if (!changed) {
            this.intervalMs = backoffDelayMs(this.quietRounds + 1, backoff);
            return;
        }
        // The changes happened since the round before started: that is the time they are a rate over.
        const elapsedMs = previous && this.lastRound ? this.lastRound.startedAt - previous.startedAt : undefined;
        // Only the first change of a set is taken as a sign that the rest may follow soon: when tasks finish
        // independently, a short round after every isolated change would only add calls.
        const firstChange = !this.setHasChanged;
        this.setHasChanged = this.setHasChanged || statusChanges > 0;
        this.intervalMs = changePaceMs(this.timing, statusChanges, firstChange ? undefined : elapsedMs, apiCalls);
        this.probing = statusChanges > 0 && firstChange && this.intervalMs < this.timing.minDelayMs;
        const pace = this.timing.changePace;
        if (pace !== undefined && statusChanges === 0 && firstSeenOfUnknownAge > 0 && pace.fastestDelayMs < this.timing.minDelayMs) {
            // Tasks submitted elsewhere, seen for the first time: how far along they are is unknown (waits may start
            // just as their tasks finish), so this sight says nothing of when they change. Look again after the
            // fastest delay, once: if that finds nothing, the schedule goes on as if it had not been made.
            this.intervalMs = pace.fastestDelayMs;
            this.probing = true;
        }
    }

    /**
     * Back to the minimum interval (or a shorter one already planned, such as a look soon after tasks of unknown age
     * were first seen): a task was added or changed, more changes are likely soon.
     */
    reset(): void {
        this.setHasChanged = false;
        this.quietRounds = 0;
        this.intervalMs = Math.min(this.intervalMs, this.timing.minDelayMs);
    }
}
