/**
 * `edgeone.Purge` inputs as the engine side uses them: checked by its one
 * description (`description.ts`), then read into the request.
 */
import { EDGEONE_PURGE } from "./description";
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
