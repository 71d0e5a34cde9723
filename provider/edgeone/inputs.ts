/**
 * `edgeone.Purge` inputs as the engine side uses them: checked by its one description (`description.ts`), then
 * read into the request.
 */
import { EDGEONE_PURGE } from "./description";
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
