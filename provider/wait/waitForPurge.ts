/**
 * The wait loop: checks a purge until it is done, failed, out of time or cancelled. A pure async function:
 * the check, clock, sleep and randomness are injected (Smithy's `util-waiter` shape), so it runs the same in
 * the provider host, in the benchmark's simulated time, and in tests.
 */
import { PurgeTask } from "../types";
import { backoffDelayMs } from "./backoff";
import { checkBeforeDeadline, DEADLINE_REACHED } from "./deadlineRace";
import { isAllDone, RecordTally, tallyRecords } from "./tally";
import { isPermanentError, validateWaitOptions, WaitForPurgeOptions } from "./waitOptions";
import { WaitResult } from "./waitResult";

export { describeWaitResult } from "./describeWaitResult";

/** How long the check made at the deadline may still take before the wait gives up on it. */
export const DEFAULT_FINAL_CHECK_GRACE_MS = 2000;
export type { PurgeCheck, WaitForPurgeOptions, WaitPacing } from "./waitOptions";
export type { WaitProgress, WaitResult, WaitState } from "./waitResult";

/**
 * Waits for a purge. First check at once; then a jittered, capped exponential backoff; never sleeps past the
 * deadline (the last sleep is cut short so one final check happens at the deadline). Fails at the first
 * answer with a `fail` record; is done only when every record is `done`. See {@link WaitResult}.
 *
 * @example
 * const result = await waitForPurge({ check: (s) => readTaskRecords(api, id, s), clock: Date, sleep,
 *     timeoutMs: 600_000, minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random, notVisibleGraceMs: 30_000 });
 * if (result.state !== "done") throw new Error(describeWaitResult(result, `purge task ${id}`));
 */
export async function waitForPurge(options: WaitForPurgeOptions): Promise<WaitResult> {
    validateWaitOptions(options);
    const { clock, signal, expectedRecords } = options;
    const pacing = options.pacing ?? { kind: "backoff" };
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    const elapsed = (): number => clock.now() - start;
    let attempts = 0;
    // The last answer that listed records. A task seen once and then missing stays pending on these records:
    // a vanished task must never turn into "done".
    let lastSeen: readonly PurgeTask[] = [];
    let lastError: unknown;
    // When the checks started failing in a row; cleared by the next check that answers.
    let failingSince: number | undefined;

    const report = (tally: RecordTally, nextCheckInMs: number | null): void => {
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
    const aborted = (): WaitResult =>
        ({ state: "aborted", reason: signal?.reason, records: lastSeen, attempts, elapsedMs: elapsed() });
    const timedOut = (): WaitResult => ({ state: "timedOut", pending: tallyRecords(lastSeen).pending,
        records: lastSeen, expectedRecords, lastError, attempts, elapsedMs: elapsed() });

    for (;;) {
        if (signal?.aborted) {
            return aborted();
        }
        attempts += 1;
        let answer: readonly PurgeTask[] | undefined;
        const checkStartedAt = clock.now();
        try {
            // A check must not hold the wait past its deadline: a poller round may start after it, and a read
            // against a failing endpoint retries for longer than the deadline leaves. The last backoff check is
            // made at the deadline itself, so it gets a short grace.
            const graceMs = pacing.kind === "checkWaits" ? 0 : options.finalCheckGraceMs ?? DEFAULT_FINAL_CHECK_GRACE_MS;
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
            if (isAllDone(tally, expectedRecords)) {
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
        const delayMs = Math.min(backoffDelayMs(attempts + 1, options), remainingMs);
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
