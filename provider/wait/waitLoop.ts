/**
 * The wait loop: checks a purge until it is done, failed, out of time or cancelled. A pure async function:
 * everything it touches is injected (the check, the clock, the sleep, the randomness; Smithy's `util-waiter`
 * shape), so it runs the same in the provider host, in the benchmark's simulated time, and in tests, where it
 * can drive hours of waiting in microseconds.
 */
import { Clock, Sleep } from "../base/clock";
import { BackoffOptions, backoffDelayMs, validateBackoff } from "./backoff";
import { allDone, RecordKind, Tally, tallyBy } from "../base/recordKind";
import { WaitProgress, WaitResult } from "./waitResult";

/**
 * Reads the current records of what is waited on (every record of a task id, every page). An empty array
 * means "not visible yet". Throwing an error with `retryable === false` ends the wait; any other error is
 * tried again at the next check.
 *
 * @example
 * const check: PurgeCheck = (signal) => readRecordsOfTask(api, "1533", signal);
 */
export type PurgeCheck<R> = (signal?: AbortSignal) => Promise<readonly R[]>;

/**
 * The wait's own schedule: `check` answers at once and the loop sleeps between checks by the jittered backoff.
 *
 * @example
 * const pacing: BackoffPacing = { kind: "backoff", minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random };
 */
export interface BackoffPacing extends BackoffOptions {
    readonly kind: "backoff";
    /** How long the check made at the deadline may run past it before it is abandoned. Default 2000. */
    readonly finalCheckGraceMs?: number;
}

/**
 * A pace set by the check: `check` itself waits for fresh data (as a {@link CoalescingPoller} check does, until
 * its next shared round), so the loop never sleeps on top of it; a check still running at the deadline is
 * abandoned. Such a check must not answer at once every time (the loop would spin). `nextCheckInMs` only feeds
 * progress.
 *
 * @example
 * const pacing: CheckWaitsPacing = { kind: "checkWaits", nextCheckInMs: () => poller.nextRoundInMs() };
 */
export interface CheckWaitsPacing {
    readonly kind: "checkWaits";
    nextCheckInMs(): number;
}

/**
 * Who sets the pace of checks, with the settings that pace needs and no others.
 *
 * @example
 * const pacing: WaitPacing = watch.pacing; // or { kind: "backoff", minDelayMs, maxDelayMs, random }
 */
export type WaitPacing = BackoffPacing | CheckWaitsPacing;

/**
 * Options of {@link runWaitLoop}.
 *
 * @example
 * const options: WaitLoopOptions = { check, clock: Date, sleep, timeoutMs: 600_000, notVisibleGraceMs: 30_000,
 *     pacing: { kind: "backoff", minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random } };
 */
export interface WaitLoopOptions<R> {
    readonly check: PurgeCheck<R>;
    /** How to read the records `check` answers (the product's). */
    readonly records: RecordKind<R>;
    readonly clock: Clock;
    /** Resolves after `ms`; rejects when `signal` aborts (the wait must be interruptible). */
    readonly sleep: Sleep;
    /** The wait's own deadline: the engine's dynamic-provider host ignores `customTimeouts`. */
    readonly timeoutMs: number;
    /** How long an empty answer still means "submitted but not visible yet" rather than "no such task". */
    readonly notVisibleGraceMs: number;
    /** When given, `done` also needs at least this many records (e.g. the number of URLs submitted). */
    readonly expectedRecords?: number;
    /**
     * When given, `done` also needs a record of each of these jobs: a job the API does not list yet keeps the wait
     * going, however many records the others have.
     */
    readonly jobIds?: readonly string[];
    readonly signal?: AbortSignal;
    /** Called after each check. Errors it throws are ignored: reporting must never break the wait. */
    readonly onProgress?: (progress: WaitProgress) => void;
    readonly pacing: WaitPacing;
}

/**
 * Throws a `RangeError` for options that would make the wait meaningless (negative timeout, bad delays).
 *
 * @example
 * validateWaitOptions({ ...options, timeoutMs: -1 }); // throws RangeError
 */
function validateWaitOptions<R>(options: WaitLoopOptions<R>): void {
    if (options.pacing.kind === "backoff") {
        validateBackoff(options.pacing);
    }
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs < 0) {
        throw new RangeError(`timeoutMs must be a finite number >= 0, got ${options.timeoutMs}`);
    }
    if (!Number.isFinite(options.notVisibleGraceMs) || options.notVisibleGraceMs < 0) {
        throw new RangeError(`notVisibleGraceMs must be a finite number >= 0, got ${options.notVisibleGraceMs}`);
    }
    const expected = options.expectedRecords;
    if (expected !== undefined && (!Number.isInteger(expected) || expected < 1)) {
        throw new RangeError(`expectedRecords must be a whole number >= 1, got ${expected}`);
    }
}

/**
 * True when an error says trying again cannot help: it carries `retryable: false` (as a `PurgeApiError` for a
 * permission or parameter problem does). Errors without that flag are assumed transient.
 *
 * @example
 * isPermanentError(new PurgeApiError({ ..., retryable: false })); // true
 */
function isPermanentError(error: unknown): boolean {
    return typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === false;
}

/** How long the check made at the deadline may still take before the wait gives up on it. */
export const DEFAULT_FINAL_CHECK_GRACE_MS = 2000;

/**
 * Waits for a purge. First check at once; then a jittered, capped exponential backoff; never sleeps past the
 * deadline (the last sleep is cut short so one final check happens at the deadline). Fails at the first
 * answer with a failed record; is done only when every record is done (as `options.records` reads them). See {@link WaitResult}.
 *
 * @example
 * const result = await runWaitLoop({ check: (s) => readRecordsOfTask(api, id, s), clock: Date, sleep,
 *     timeoutMs: 600_000, notVisibleGraceMs: 30_000,
 *     pacing: { kind: "backoff", minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random } });
 * if (result.state !== "done") throw new Error(describeWaitResult(result, `purge task ${id}`));
 */
export async function runWaitLoop<R>(options: WaitLoopOptions<R>): Promise<WaitResult<R>> {
    validateWaitOptions(options);
    const { clock, signal, expectedRecords, pacing } = options;
    // Without a kind the records are CDN's (the default type argument).
    const kind = options.records;
    const tallyRecords = (records: readonly R[]): Tally<R> => tallyBy(kind, records);
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    const elapsed = (): number => clock.now() - start;
    let attempts = 0;
    // The last answer that listed records. A task seen once and then missing stays pending on these records:
    // a vanished task must never turn into "done".
    let lastSeen: readonly R[] = [];
    let lastError: unknown;
    // When the checks started failing in a row; cleared by the next check that answers.
    let failingSince: number | undefined;

    const report = (tally: Tally<R>, nextCheckInMs: number | null): void => {
        const seen = tally.done.length + tally.failed.length + tally.pending.length;
        const total = Math.max(seen, expectedRecords ?? 0);
        try {
            options.onProgress?.({ done: tally.done.length, failed: tally.failed.length,
                pending: total - tally.done.length - tally.failed.length, total, attempt: attempts,
                nextCheckInMs, elapsedMs: elapsed(),
                ...(failingSince === undefined ? {} : { retrying: { error: lastError, forMs: clock.now() - failingSince } }) });
        } catch {
            // A broken progress reporter must not change the outcome of the wait.
        }
    };
    const aborted = (): WaitResult<R> =>
        ({ state: "aborted", reason: signal?.reason, records: lastSeen, attempts, elapsedMs: elapsed() });
    const timedOut = (): WaitResult<R> => ({ state: "timedOut", pending: tallyRecords(lastSeen).pending,
        records: lastSeen, expectedRecords, lastError, attempts, elapsedMs: elapsed() });

    for (;;) {
        if (signal?.aborted) {
            return aborted();
        }
        attempts += 1;
        let answer: readonly R[] | undefined;
        const checkStartedAt = clock.now();
        try {
            // A check must not hold the wait past its deadline: a poller round may start after it, and a read
            // against a failing endpoint retries for longer than the deadline leaves. The last backoff check is
            // made at the deadline itself, so it gets a short grace.
            const graceMs = pacing.kind === "checkWaits" ? 0 : pacing.finalCheckGraceMs ?? DEFAULT_FINAL_CHECK_GRACE_MS;
            const reply = await checkBeforeDeadline(options.check, options.sleep, deadline - clock.now() + graceMs, signal);
            if (reply === DEADLINE_REACHED) {
                // An error an earlier check ended with names the cause better than the abandoned check can.
                if (pacing.kind === "backoff" && lastError === undefined) {
                    lastError = new Error("no answer from the API before the wait's deadline (the read was still being retried)");
                }
                report(tallyRecords(lastSeen), null);
                return timedOut();
            }
            answer = reply;
            failingSince = undefined;
        } catch (error) {
            if (signal?.aborted) {
                return aborted();
            }
            if (isPermanentError(error)) {
                return { state: "error", error, attempts, elapsedMs: elapsed() };
            }
            lastError = error;
            failingSince ??= checkStartedAt;
        }
        if (answer !== undefined && answer.length > 0) {
            lastSeen = answer;
            const tally = tallyRecords(answer);
            if (tally.failed.length > 0) {
                report(tally, null);
                return { state: "failed", failed: tally.failed, records: answer, attempts, elapsedMs: elapsed() };
            }
            if (allDone(tally, expectedRecords) && everyJobListed(options.jobIds, answer, options.records)) {
                report(tally, null);
                return { state: "done", records: answer, attempts, elapsedMs: elapsed() };
            }
        }
        const tally = tallyRecords(lastSeen);
        // Only an actual empty answer proves "not there"; a check that threw proves nothing.
        const neverSeen = lastSeen.length === 0 && answer !== undefined;
        if (neverSeen && elapsed() >= options.notVisibleGraceMs) {
            report(tally, null);
            return { state: "notFound", graceMs: options.notVisibleGraceMs, lastError, attempts, elapsedMs: elapsed() };
        }
        const remainingMs = deadline - clock.now();
        if (remainingMs <= 0) {
            report(tally, null);
            return timedOut();
        }
        if (pacing.kind === "checkWaits") {
            report(tally, Math.min(Math.max(0, pacing.nextCheckInMs()), remainingMs));
            continue;
        }
        const delayMs = Math.min(backoffDelayMs(attempts + 1, pacing), remainingMs);
        report(tally, delayMs);
        try {
            await options.sleep(delayMs, signal);
        } catch (error) {
            if (signal?.aborted) {
                return aborted();
            }
            throw error;
        }
    }
}

/** Returned instead of records when the deadline came before the check answered. */
const DEADLINE_REACHED: unique symbol = Symbol("deadlineReached");

/**
 * Runs `check` and resolves with its records, or with {@link DEADLINE_REACHED} after `remainingMs` (measured
 * with the injected `sleep`), aborting the check. The caller's `signal` aborts both.
 *
 * @example
 * const answer = await checkBeforeDeadline(check, sleep, 5000, signal);
 * if (answer === DEADLINE_REACHED) { ... }
 */
async function checkBeforeDeadline<R>(
    check: PurgeCheck<R>,
    sleep: Sleep,
    remainingMs: number,
    signal?: AbortSignal,
): Promise<readonly R[] | typeof DEADLINE_REACHED> {
    const forCheck = new AbortController();
    const forTimer = new AbortController();
    const onAbort = (): void => {
        forCheck.abort(signal?.reason);
        forTimer.abort(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    // The timer loses most races and is then cancelled; `Promise.race` subscribes to it, so that rejection
    // is handled, and a rejection from the caller's abort ends the race even if the check ignores its signal.
    const reached = (): typeof DEADLINE_REACHED => DEADLINE_REACHED;
    const timer = sleep(Math.max(0, remainingMs), forTimer.signal).then(reached);
    try {
        const answer = await Promise.race([check(forCheck.signal), timer]);
        if (answer === DEADLINE_REACHED) {
            forCheck.abort(new Error("wait deadline reached"));
        }
        return answer;
    } finally {
        forTimer.abort();
        signal?.removeEventListener("abort", onAbort);
    }
}

/** True when `records` hold a record of every one of `jobIds` (or no job ids are asked for). */
function everyJobListed<R>(jobIds: readonly string[] | undefined, records: readonly R[], kind: RecordKind<R>): boolean {
    if (jobIds === undefined) {
        return true;
    }
    const listed = new Set(records.map((r) => kind.jobOf(r)));
    return jobIds.every((id) => listed.has(id));
}
