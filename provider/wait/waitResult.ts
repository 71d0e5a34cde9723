/**
 * What a wait for a purge ends with (over any product's records, CDN's by default): one explicit state per outcome, so callers `switch` on `state` and the
 * compiler makes them handle every case.
 */

/** Fields every outcome carries. */
interface WaitOutcome {
    /** Checks made, including any that threw. */
    readonly attempts: number;
    /** Time from the start of the wait to its end, by the injected clock. */
    readonly elapsedMs: number;
}

/** Every record was seen done (and there were as many as expected). */
export interface WaitDone<R> extends WaitOutcome {
    readonly state: "done";
    readonly records: readonly R[];
}

/** At least one record failed; the wait stopped at the first check that showed it. */
export interface WaitFailed<R> extends WaitOutcome {
    readonly state: "failed";
    /** Every record of that check whose status is a failure. */
    readonly failed: readonly R[];
    readonly records: readonly R[];
}

/** The deadline came first. `pending` is what was not yet done at the last answer that listed records. */
export interface WaitTimedOut<R> extends WaitOutcome {
    readonly state: "timedOut";
    readonly pending: readonly R[];
    readonly records: readonly R[];
    /** How many records were expected, when the caller said. */
    readonly expectedRecords?: number;
    /** The last error a check threw (and that was worth retrying), if any. */
    readonly lastError?: unknown;
}

/** The API never listed a record for the task within the grace period for "not visible yet". */
export interface WaitNotFound extends WaitOutcome {
    readonly state: "notFound";
    readonly graceMs: number;
    readonly lastError?: unknown;
}

/** A check threw an error that trying again cannot fix (e.g. missing permission). */
export interface WaitError extends WaitOutcome {
    readonly state: "error";
    readonly error: unknown;
}

/** The caller's `AbortSignal` fired. */
export interface WaitAborted<R> extends WaitOutcome {
    readonly state: "aborted";
    readonly reason: unknown;
    readonly records: readonly R[];
}

/**
 * The outcome of {@link runWaitLoop}.
 *
 * @example
 * const r: WaitResult = await runWaitLoop(options);
 * if (r.state !== "done") throw new Error(describeWaitResult(r, "purge task 123"));
 */
export type WaitResult<R> = WaitDone<R> | WaitFailed<R> | WaitTimedOut<R> | WaitNotFound | WaitError | WaitAborted<R>;

/** The state names, for callers that store or print them. */
export type WaitState = WaitResult<unknown>["state"];

/**
 * What the wait reports after each check, e.g. to show "3/5 done, next check in 4 s".
 *
 * @example
 * const onProgress = (p: WaitProgress) => log(`${p.done}/${p.total} done, next check in ${p.nextCheckInMs} ms`);
 */
export interface WaitProgress {
    readonly done: number;
    readonly failed: number;
    readonly pending: number;
    /** Records seen, or `expectedRecords` when that is more. */
    readonly total: number;
    readonly attempt: number;
    /** When the next check is planned; `null` when this check ended the wait. */
    readonly nextCheckInMs: number | null;
    readonly elapsedMs: number;
    /** Set while checks keep failing: the last error, and how long they have failed in a row. */
    readonly retrying?: { readonly error: unknown; readonly forMs: number };
}
