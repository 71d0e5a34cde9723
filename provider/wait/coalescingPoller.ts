/**
 * One poller for every wait in a process: each round reads all the jobs being waited on at once (one range
 * query, or as few calls as the product's {@link JobReader} finds), instead of one query per wait. The poller
 * is product-neutral: CDN and EdgeOne each give it a reader and a {@link RecordKind}.
 *
 * Interplay with {@link runWaitLoop}: the poller sets the pace. A watch's `check` waits for the next round
 * that starts after it is called, so the wait loop runs with `pacing: { kind: "checkWaits" }` and adds no
 * sleep of its own; it still keeps its own deadline, grace period and verdicts. Round timing: a short gather
 * window, which slides while checks keep arriving, lets checks that arrive together share a round; while nothing
 * changes the interval backs off (jittered, min..max); any change of a task's state, or a new task, brings it back
 * to the minimum, since tasks submitted together tend to finish together; tasks from elsewhere, first seen, are
 * looked at again soon, since the waits may have started just as they finish.
 */
import { Clock, Sleep } from "../base/clock";
import { RecordKind } from "../base/recordKind";
import { JobReader } from "./jobReader";
import { PendingChecks, Waiter } from "./pendingChecks";
import { ChangePace, RoundSchedule } from "./roundSchedule";
import { CheckWaitsPacing, PurgeCheck } from "./waitLoop";
import { WatchRegistry } from "./watchRegistry";

/**
 * The round delays of a poller constructed without `minDelayMs`/`maxDelayMs`: 3 s after any change, backing off
 * while quiet up to 6 s for one watched task, 6 s x sqrt(n) for n tasks, at most 30 s. Chosen with `npm run
 * bench`: a single wait releases as fast as a fixed 5 s poll, fifty gated waits cost about a tenth of the
 * thriftiest per-task waiter's calls.
 */
export const DEFAULT_ROUND_DELAYS = { minDelayMs: 3000, maxDelayMs: 30_000, singleTaskMaxDelayMs: 6000 } as const;

/**
 * How a poller constructed without `minDelayMs`/`maxDelayMs` follows tasks while they change (see `changePaceMs`
 * in `roundSchedule.ts`): 3 s after a change while about two tasks a second change, shorter when more do, never
 * under 1 s. Chosen with `npm run bench`.
 */
export const DEFAULT_CHANGE_PACE = { fastestDelayMs: 1000, referenceChangesPerSecond: 2 } as const;

/**
 * How checks arriving together are gathered into one round: the round starts 50 ms after the last of them, but no
 * later than 10 windows (500 ms) after the first. Fifty waits started together reach Pulumi's dynamic-provider host
 * over about a quarter of a second; measured with `npm run bench` (the real-clock row).
 */
export const DEFAULT_GATHER = { windowMs: 50, maxWindows: 10 } as const;

/**
 * Options of {@link CoalescingPoller}; the delays default to `DEFAULT_ROUND_DELAYS` (3 s after a change, backing
 * off while quiet to 6 s x sqrt(watched tasks), at most 30 s), the gather window to 50 ms, the call rate to 10/s
 * (half the API's 20/s, leaving room for other programs on the same account).
 *
 * @example
 * new CoalescingPoller({ reader, records, clock: realClock, sleep: realSleep, random: Math.random, maxDelayMs: 5000 });
 */
export interface CoalescingPollerOptions<R> {
    /** How the product reads many jobs at once. */
    readonly reader: JobReader<R>;
    /** How to read the product's records. */
    readonly records: RecordKind<R>;
    readonly clock: Clock;
    readonly sleep: Sleep;
    readonly random: () => number;
    readonly minDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly gatherWindowMs?: number;
    /** Rounds are spaced so the poller alone stays under this rate (the API allows 20/s per account). */
    readonly maxCallsPerSecond?: number;
    /** The quiet-interval cap for one watched task; n tasks get this x sqrt(n), at most `maxDelayMs`. */
    readonly singleTaskMaxDelayMs?: number;
    /** How rounds follow tasks while they change; by default `DEFAULT_CHANGE_PACE` unless the delays are given. */
    readonly changePace?: ChangePace;
}

/**
 * A task being watched: the `check` and `pacing` to give {@link runWaitLoop}, and `unwatch` for the end.
 *
 * @example
 * const watch: TaskWatch = poller.watch(taskId);
 * await runWaitLoop({ ...options, check: watch.check, pacing: watch.pacing }).finally(watch.unwatch);
 */
export interface TaskWatch<R> {
    readonly check: PurgeCheck<R>;
    readonly pacing: CheckWaitsPacing;
    unwatch(): void;
}

/**
 * The shared poller. Each product keeps one per account in the provider host (its folder's `poller.ts`); tests
 * construct one directly.
 *
 * @example
 * const watch = poller.watch(taskId, { since: submittedAt });
 * try { return await runWaitLoop({ ...options, check: watch.check, pacing: watch.pacing }); }
 * finally { watch.unwatch(); }
 */
export class CoalescingPoller<R> {
    private readonly watched: WatchRegistry<R>;
    private readonly pending = new PendingChecks<R>();
    private readonly schedule: RoundSchedule;
    private readonly reader: JobReader<R>;
    /** The last check was held to a time its wait's pace chose (see `watch`). */
    private pacedHold = false;
    /** Active watches per group: the `notBefore` function they share, or the watch itself. */
    private readonly groups = new Map<object, number>();
    private lastRange?: { since: string; total: number };
    private looping = false;
    private wake?: AbortController;
    /** API calls made by all rounds so far. */
    apiCalls = 0;
    rounds = 0;

    /** How the product's records read, as the poller was given it. */
    get records(): RecordKind<R> {
        return this.options.records;
    }

    constructor(private readonly options: CoalescingPollerOptions<R>) {
        this.reader = options.reader;
        this.watched = new WatchRegistry(options.records);
        // Delays given by the caller are taken as they are (a plain min..max back-off); without them the poller
        // uses the timing tuned by the benchmark (bench/README.md).
        const ownDelays = options.minDelayMs !== undefined || options.maxDelayMs !== undefined;
        this.schedule = new RoundSchedule({ minDelayMs: options.minDelayMs ?? DEFAULT_ROUND_DELAYS.minDelayMs,
            maxDelayMs: options.maxDelayMs ?? DEFAULT_ROUND_DELAYS.maxDelayMs, random: options.random,
            gatherWindowMs: options.gatherWindowMs ?? DEFAULT_GATHER.windowMs,
            maxGatherMs: DEFAULT_GATHER.maxWindows * (options.gatherWindowMs ?? DEFAULT_GATHER.windowMs),
            maxCallsPerSecond: options.maxCallsPerSecond ?? 10,
            singleTaskMaxDelayMs: options.singleTaskMaxDelayMs
                ?? (ownDelays ? undefined : DEFAULT_ROUND_DELAYS.singleTaskMaxDelayMs),
            changePace: options.changePace ?? (ownDelays ? undefined : DEFAULT_CHANGE_PACE) });
    }

    /** How many distinct tasks are watched. */
    get watchedTasks(): number {
        return this.watched.size;
    }

    /**
     * Starts watching a task (again). `since` (API time) lets rounds find it by a time-range query; `notBefore`
     * (e.g. when the product expects the job may have finished) holds this watch's checks back until then while
     * it is the only task watched; given as a function, it is asked at each check (a pace learned per check; the time
     * it gives replaces the poller's back-off, and undefined leaves the pace to the poller), and the watches given
     * the same function (the tasks of one wait) count as one.
     */
    watch(taskId: string, opts: { since?: string; signal?: AbortSignal; notBefore?: number | (() => number | undefined) } = {}): TaskWatch<R> {
        if (this.watched.hold(taskId, opts.since)) {
            this.schedule.reset();
            this.wake?.abort(); // re-plan a round that was scheduled far out
        }
        let active = true;
        const handle = {};
        const group = typeof opts.notBefore === "function" ? opts.notBefore : handle;
        this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
        const unwatch = (): void => {
            if (!active) {
                return;
            }
            active = false;
            const left = (this.groups.get(group) ?? 1) - 1;
            if (left > 0) {
                this.groups.set(group, left);
            } else {
                this.groups.delete(group);
            }
            opts.signal?.removeEventListener("abort", unwatch);
            this.pending.rejectOwnedBy(handle, new Error(`stopped watching task ${taskId}`));
            this.watched.release(taskId);
        };
        opts.signal?.addEventListener("abort", unwatch, { once: true });
        const check: PurgeCheck<R> = (signal) => active
            ? this.enqueue(taskId, handle, signal, opts.notBefore)
            : Promise.reject(new Error(`task ${taskId} is no longer watched`));
        return { check, pacing: { kind: "checkWaits", nextCheckInMs: () => this.nextRoundInMs() }, unwatch };
    }

    /** Time until the next round is planned to start. */
    nextRoundInMs(): number {
        return Math.max(0, this.plannedRoundAt() - this.options.clock.now());
    }

    private enqueue(taskId: string, owner: object, signal?: AbortSignal, notBefore: number | (() => number | undefined) = 0): ReturnType<PurgeCheck<R>> {
        // `notBefore` saves the calls of a job watched alone. With others watched, rounds are shared anyway (and take
        // every waiting check), so holding one back would only delay it.
        const paced = typeof notBefore === "function";
        const alone = this.groups.size <= 1 && (paced || this.watched.size <= 1);
        const hold = !alone ? undefined : paced ? notBefore() : notBefore;
        this.pacedHold = paced && hold !== undefined;
        const answer = this.pending.add(taskId, owner, Math.max(this.options.clock.now(), hold ?? 0), signal);
        if (!this.looping) {
            this.looping = true;
            void this.loop();
        }
        return answer;
    }

    private plannedRoundAt(): number {
        const now = this.options.clock.now();
        return this.schedule.plannedAt(this.pending.earliestArrival() ?? now, this.pending.latestArrival() ?? now,
            this.pacedHold && this.groups.size <= 1);
    }

    /** Runs rounds while checks are waiting; stops (holding no timer) when none is. */
    private async loop(): Promise<void> {
        try {
            while (this.pending.size > 0) {
                const delayMs = this.plannedRoundAt() - this.options.clock.now();
                if (delayMs > 0) {
                    this.wake = new AbortController();
                    // Woken early by a new task: loop round and plan again.
                    await this.options.sleep(delayMs, this.wake.signal).catch(() => undefined);
                    this.wake = undefined;
                    continue;
                }
                await this.round(this.pending.takeAll());
            }
        } finally {
            // Cleared in the same step as the last emptiness test, so a check that arrives next restarts the loop.
            this.looping = false;
        }
    }

    private async round(batch: readonly Waiter<R>[]): Promise<void> {
        const { tasks, since } = this.watched.toRead(batch.map((w) => w.taskId));
        if (tasks.length === 0) {
            return;
        }
        this.schedule.roundStarted(this.options.clock.now());
        this.rounds += 1;
        if (this.lastRange?.since !== since) {
            // A range from another start tells nothing about this one's size. (One that ends sooner is at most as
            // big: a busy range stays remembered when a round learns where it can end.)
            this.lastRange = undefined;
        }
        let changed = false;
        let statusChanges = 0;
        let firstSeenOfUnknownAge = 0;
        let apiCalls = 0;
        try {
            const read = await this.reader.read(tasks, { lastRangeTotal: this.lastRange?.total, now: this.options.clock.now() });
            apiCalls = read.apiCalls;
            if (since !== undefined && read.rangeTotal !== undefined) {
                this.lastRange = { since, total: read.rangeTotal };
            }
            for (const { taskId, since: known } of tasks) {
                const records = read.records.get(taskId) ?? [];
                const seen = this.watched.noteRecords(taskId, records);
                changed = seen !== "same" || changed;
                statusChanges += seen === "changed" ? 1 : 0;
                // A task with no known time (an id from elsewhere), now found: its age was unknown until this round.
                firstSeenOfUnknownAge += seen === "first" && known === undefined && records.length > 0 ? 1 : 0;
            }
            batch.forEach((w) => w.resolve(read.records.get(w.taskId) ?? []));
        } catch (error) {
            // A failed round still cost at least one call; each wait decides whether the error is worth retrying.
            apiCalls = 1;
            batch.forEach((w) => w.reject(error));
        }
        this.apiCalls += apiCalls;
        this.schedule.roundEnded(apiCalls, changed, this.watched.size, statusChanges, firstSeenOfUnknownAge);
    }
}
