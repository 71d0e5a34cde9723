/**
 * Shared pieces of the resource providers: the overall status of a set of records, a changed serialized provider, and the
 * error that keeps a partly created resource in the state.
 */
import { allDone, RecordKind, RecordState, tallyBy } from "../base/recordKind";

/**
 * `done` when every record is done (at least `expected` of them), `failed` when any failed, `pending` otherwise
 * (also when none are seen).
 *
 * @example
 * overallState(EDGEONE_RECORDS, tasks, targets.length); // "pending"
 */
export function overallState<R>(kind: RecordKind<R>, records: readonly R[], expected = 1): RecordState {
    const tally = tallyBy(kind, records);
    if (tally.failed.length > 0) {
        return "failed";
    }
    return allDone(tally, expected) ? "done" : "pending";
}

/**
 * The state a refresh stores for a purge not yet seen done (a stored done is kept without reading: it cannot be
 * undone, and its records may be gone). Purge records expire at the API, so a stored failure is kept when the API
 * no longer lists any record; only records that are still listed can move a purge on. A job never seen done is
 * never reported done.
 *
 * @example
 * refreshedState(EDGEONE_RECORDS, true, []); // "failed", although the records have expired
 */
export function refreshedState<R>(kind: RecordKind<R>, storedFailed: boolean, records: readonly R[], expected?: number): RecordState {
    if (records.length === 0 && storedFailed) {
        return "failed";
    }
    return overallState(kind, records, expected);
}

/** The key under which the dynamic-provider host stores a resource's serialized provider. */
const SERIALIZED_PROVIDER_KEY = "__provider";

/**
 * True when the serialized provider in the state differs from the one the program gives now (after the package
 * was upgraded, or the state was written by a version that stored something else there). Reporting it as a
 * change lets the next `pulumi up` store the current one, without purging or waiting again.
 *
 * @example
 * providerChanged(olds, news); // true once after an upgrade
 */
export function providerChanged(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
    const now = news[SERIALIZED_PROVIDER_KEY];
    return typeof now === "string" && olds[SERIALIZED_PROVIDER_KEY] !== now;
}

/**
 * An error the dynamic-provider host reports as "created, but not finished": the engine keeps `properties`
 * (with the task ids) in the state, and the next `pulumi up` updates the resource instead of creating it.
 *
 * @example
 * throw partialFailure("timed out waiting for purge task 1533", "1533", { ...outs, status: "process" });
 */
export function partialFailure(message: string, id: string, properties: Record<string, unknown>): Error {
    return Object.assign(new Error(message), { id, properties, reasons: [message] });
}
