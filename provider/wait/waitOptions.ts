/**
 * The inputs of {@link waitForPurge}: everything it touches is injected (the check, the clock, the sleep, the
 * randomness), so the loop is pure and a test can drive hours of waiting in microseconds.
 */
import { PurgeTask } from "../types";
import { validateBackoff } from "./backoff";
import { WaitProgress } from "./waitResult";

/**
 * Reads the current records of what is waited on (every record of a task id, every page). An empty array
 * means "not visible yet". Throwing an error with `retryable === false` ends the wait; any other error is
 * tried again at the next check.
 *
 * @example
 * const check: PurgeCheck = (signal) => readTaskRecords(api, "1533", signal);
 */
export type PurgeCheck = (signal?: AbortSignal) => Promise<readonly PurgeTask[]>;

/**
 * Who sets the pace of checks.
 * - `backoff` (the default): `check` answers at once and the loop sleeps between checks by the backoff schedule.
 * - `checkWaits`: `check` itself waits for fresh data (as a {@link CoalescingPoller} check does, until its next
 *   shared round), so the loop never sleeps on top of it; a check still running at the deadline is abandoned.
 *   Such a check must not answer at once every time (the loop would spin). `nextCheckInMs` only feeds progress.
 *
 * @example
 * const pacing: WaitPacing = { kind: "checkWaits", nextCheckInMs: () => poller.nextRoundInMs() };
 */
export type WaitPacing =
    | { readonly kind: "backoff" }
    | { readonly kind: "checkWaits"; nextCheckInMs(): number };

/**
 * Options of {@link waitForPurge}.
 *
 * @example
 * const options: WaitForPurgeOptions = { check, clock: Date, sleep, timeoutMs: 600_000, minDelayMs: 1000,
 *     maxDelayMs: 10_000, random: Math.random, notVisibleGraceMs: 30_000 };
 */
export interface WaitForPurgeOptions {
    readonly check: PurgeCheck;
    readonly clock: { now(): number };
    /** Resolves after `ms`; rejects when `signal` aborts (the wait must be interruptible). */
    readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    /** The wait's own deadline: the engine's dynamic-provider host ignores `customTimeouts`. */
    readonly timeoutMs: number;
    readonly minDelayMs: number;
    readonly maxDelayMs: number;
    readonly random: () => number;
    /** How long an empty answer still means "submitted but not visible yet" rather than "no such task". */
    readonly notVisibleGraceMs: number;
    /** When given, `done` also needs at least this many records (e.g. the number of URLs submitted). */
    readonly expectedRecords?: number;
    readonly signal?: AbortSignal;
    /** Called after each check. Errors it throws are ignored: reporting must never break the wait. */
    readonly onProgress?: (progress: WaitProgress) => void;
    readonly pacing?: WaitPacing;
    /** With backoff pacing, how long a check may run past the deadline before it is abandoned. Default 2000. */
    readonly finalCheckGraceMs?: number;
}

/**
 * Throws a `RangeError` for options that would make the wait meaningless (negative timeout, bad delays).
 *
 * @example
 * validateWaitOptions({ ...options, timeoutMs: -1 }); // throws RangeError
 */
export function validateWaitOptions(options: WaitForPurgeOptions): void {
    validateBackoff(options);
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
export function isPermanentError(error: unknown): boolean {
    return typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === false;
}
