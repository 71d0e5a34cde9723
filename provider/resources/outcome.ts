/**
 * Shared pieces of the resource providers: the overall status of a set of records, change detection, and the
 * error that keeps a partly created resource in the state.
 */
import { isAllDone, tallyRecords } from "../records";
import { PurgeTask } from "../types";

/**
 * `done` when every record is done, `fail` when any failed, `process` otherwise (also when none are seen).
 *
 * @example
 * overallStatus(records, urls.length); // "process"
 */
export function overallStatus(records: readonly PurgeTask[], expected = 1): "done" | "fail" | "process" {
    const tally = tallyRecords(records);
    if (tally.failed.length > 0) {
        return "fail";
    }
    return isAllDone(tally, expected) ? "done" : "process";
}

/**
 * The names among `keys` whose values differ between the old state and the new inputs.
 *
 * @example
 * changedKeys({ urls: ["a"] }, { urls: ["b"] }, ["urls", "area"]); // ["urls"]
 */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>, keys: readonly string[]): string[] {
    return keys.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
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
