/**
 * `edgeone.Purge` and `edgeone.PurgeTaskWaiter` inputs as the engine side uses them: checked by their one
 * description (`description.ts`), then read into the request and the wait's target.
 */
import { EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER } from "./description";
import { StoredValuesOf, validateInputs, withoutWaitOptions } from "../description";
import { EdgeOnePurgeRequest } from "./types";

/**
 * Validates `edgeone.Purge` inputs; `targets` is undefined while unknown (and empty for `purge_all`).
 *
 * @example
 * edgeOnePurgeRequest({ zoneId: "zone-2noz78a8ev6k", type: "purge_host", targets: ["www.example.com"] }).targets;
 */
export function edgeOnePurgeRequest(inputs: Record<string, unknown>): Partial<EdgeOnePurgeRequest> {
    return edgeOneRequestOf(validateInputs(EDGEONE_PURGE, inputs));
}

/**
 * The request from `edgeone.Purge` inputs already checked by its description.
 *
 * @example
 * edgeOneRequestOf(validateInputs(EDGEONE_PURGE, inputs)).targets;
 */
export function edgeOneRequestOf(known: StoredValuesOf<typeof EDGEONE_PURGE.inputs>): Partial<EdgeOnePurgeRequest> {
    const sent = withoutWaitOptions(known);
    return { ...sent, targets: sent.type === "purge_all" ? [] : sent.targets };
}

/** What an `edgeone.PurgeTaskWaiter` waits for: jobs of one zone. */
export interface EdgeOneWaitTarget {
    readonly zoneId?: string;
    readonly jobIds?: readonly string[];
}

/**
 * Validates a waiter's inputs: `zoneId`, and `jobId` or `jobIds` (not both).
 *
 * @example
 * edgeOneWaitTarget({ zoneId: "zone-2noz78a8ev6k", jobIds: ["1379afjk91u32h"] }).jobIds; // ["1379afjk91u32h"]
 */
export function edgeOneWaitTarget(inputs: Record<string, unknown>): EdgeOneWaitTarget {
    const known = validateInputs(EDGEONE_PURGE_TASK_WAITER, inputs);
    const jobIds = (known.jobIds as string[] | undefined) ?? (typeof known.jobId === "string" ? [known.jobId] : undefined);
    return { zoneId: known.zoneId as string | undefined, jobIds };
}
