/**
 * `edgeone.Purge` and `edgeone.PurgeTaskWaiter` inputs as the engine side uses them: checked by their one
 * description (`provider/description/edgeone.ts`), then read into the request and the wait's target.
 */
import { EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER } from "./description";
import { validateInputs } from "../description";
import { EdgeOneMethod, EdgeOnePurgeRequest, EdgeOnePurgeType } from "./types";

/**
 * Validates `edgeone.Purge` inputs; `targets` is undefined while unknown (and empty for `purge_all`).
 *
 * @example
 * edgeOnePurgeRequest({ zoneId: "zone-2noz78a8ev6k", type: "purge_prefix", targets: ["https://www.example.com/static/"], method: "delete" });
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
export function edgeOneRequestOf(known: Readonly<Record<string, unknown>>): Partial<EdgeOnePurgeRequest> {
    const type = known.type as EdgeOnePurgeType | undefined;
    return {
        zoneId: known.zoneId as string | undefined,
        type,
        method: known.method as EdgeOneMethod | undefined,
        targets: type === "purge_all" ? [] : known.targets as string[] | undefined,
        cacheTagDomains: known.cacheTagDomains as string[] | undefined,
    };
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
