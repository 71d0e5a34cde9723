/**
 * Validation of `edgeone.Purge` and `edgeone.PurgeTaskWaiter` inputs, in the style of the CDN resources'
 * (resources/inputs.ts): shared by `check` in the provider host and by the resource classes, unknown values
 * (preview) pass and are checked again once known. Every message names the input and what is valid.
 */
import { InvalidArgumentError, optionalEnum, optionalText } from "../validation";
import { isUnknown } from "./inputs";
import { zoneIdOf } from "../edgeone/taskQuery";
import { EDGEONE_METHODS, EDGEONE_PURGE_TYPES, EdgeOneMethod, EdgeOnePurgeRequest, EdgeOnePurgeType } from "../edgeone/types";

/** The most targets one `edgeone.Purge` takes (they are sent in batches of the zone's quota). */
const MAX_TARGETS = 100_000;
const HOST = /^(?=.{1,253}$)(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

const known = (v: unknown) => (isUnknown(v) ? undefined : v);
const shown = (v: unknown) => (Array.isArray(v) ? `${v.length} items` : JSON.stringify(v) ?? String(v));

/** What each type's targets are, for messages, and the check of one. */
const TARGETS: Readonly<Record<Exclude<EdgeOnePurgeType, "purge_all">, { what: string; ok: (t: string) => boolean }>> = {
    purge_url: { what: "full URLs with their protocol, e.g. https://www.example.com/index.html", ok: isUrl },
    purge_prefix: { what: "URL prefixes with their protocol, e.g. https://www.example.com/static/", ok: isUrl },
    purge_host: { what: "host names, e.g. www.example.com", ok: (t) => HOST.test(t) },
    purge_cache_tag: { what: "cache tags, e.g. product-42", ok: (t) => t.trim() !== "" && !/\s/.test(t) },
};

function isUrl(text: string): boolean {
    try {
        return /^https?:\/\//i.test(text) && !!new URL(text).host;
    } catch {
        return false;
    }
}

/** A list of distinct texts checked by `ok`; undefined while unknown. */
function textList(name: string, value: unknown, what: string, ok: (t: string) => boolean, max: number): string[] | undefined {
    if (isUnknown(value)) {
        return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || value.length > max) {
        throw new InvalidArgumentError(name, `must be a list of 1 to ${max} ${what}, got ${shown(value)}`);
    }
    const seen = new Set<string>();
    value.forEach((v, i) => {
        const text = optionalText(`${name}[${i}]`, v, 4096);
        if (text === undefined || !ok(text)) {
            throw new InvalidArgumentError(`${name}[${i}]`, `must be one of ${what}, got ${JSON.stringify(v)}`);
        }
        if (seen.has(text)) {
            throw new InvalidArgumentError(`${name}[${i}]`, `is listed twice: ${JSON.stringify(text)}`);
        }
        seen.add(text);
    });
    return value as string[];
}

/**
 * Validates `edgeone.Purge` inputs; `targets` is undefined while unknown (and empty for `purge_all`).
 *
 * @example
 * edgeOnePurgeRequest({ zoneId: "zone-2noz78a8ev6k", type: "purge_prefix", targets: ["https://www.example.com/static/"], method: "delete" });
 */
export function edgeOnePurgeRequest(inputs: Record<string, unknown>): Partial<EdgeOnePurgeRequest> {
    const zoneId = isUnknown(inputs.zoneId) ? undefined : zoneIdOf("zoneId", inputs.zoneId);
    const typeValue = known(inputs.type);
    if (typeValue === undefined && !isUnknown(inputs.type)) {
        throw new InvalidArgumentError("type", `is required: one of ${EDGEONE_PURGE_TYPES.map((t) => `"${t}"`).join(", ")}`);
    }
    const type = optionalEnum("type", typeValue, EDGEONE_PURGE_TYPES);
    const method = optionalEnum("method", known(inputs.method), EDGEONE_METHODS) as EdgeOneMethod | undefined;
    if (method === "delete" && (type === "purge_url" || type === "purge_cache_tag")) {
        throw new InvalidArgumentError("method", `"delete" is for purge_prefix, purge_host and purge_all; ${type} takes only "invalidate"`);
    }
    const wait = known(inputs.wait);
    if (wait !== undefined && wait !== null && typeof wait !== "boolean") {
        throw new InvalidArgumentError("wait", `must be true or false, got ${JSON.stringify(wait)}`);
    }
    const rawTargets = inputs.targets;
    let targets: string[] | undefined;
    if (type === "purge_all") {
        if (rawTargets !== undefined && rawTargets !== null && !(Array.isArray(rawTargets) && rawTargets.length === 0)) {
            throw new InvalidArgumentError("targets", "must be left out for purge_all: it purges the whole zone");
        }
        targets = [];
    } else if (type !== undefined) {
        if (rawTargets === undefined || rawTargets === null) {
            throw new InvalidArgumentError("targets", `is required for ${type}: a list of ${TARGETS[type].what}`);
        }
        targets = textList("targets", rawTargets, TARGETS[type].what, TARGETS[type].ok, MAX_TARGETS);
    }
    const rawDomains = inputs.cacheTagDomains;
    let cacheTagDomains: string[] | undefined;
    if (type === "purge_cache_tag") {
        if (rawDomains === undefined || rawDomains === null) {
            throw new InvalidArgumentError("cacheTagDomains", "is required for purge_cache_tag: the host names whose cache tags to purge");
        }
        cacheTagDomains = textList("cacheTagDomains", rawDomains, "host names, e.g. www.example.com", (t) => HOST.test(t), 100);
    } else if (type !== undefined && rawDomains !== undefined && rawDomains !== null) {
        throw new InvalidArgumentError("cacheTagDomains", `is only for purge_cache_tag, not ${type}`);
    }
    return { zoneId, type, method, targets, cacheTagDomains };
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
    const zoneId = isUnknown(inputs.zoneId) ? undefined : zoneIdOf("zoneId", inputs.zoneId);
    const jobId = optionalText("jobId", known(inputs.jobId), 64);
    const listGiven = inputs.jobIds !== undefined && inputs.jobIds !== null;
    if (jobId !== undefined && listGiven) {
        throw new InvalidArgumentError("jobIds", "give jobId or jobIds, not both");
    }
    if (listGiven) {
        const jobIds = textList("jobIds", inputs.jobIds, "job ids, e.g. 1379afjk91u32h", (t) => t.length <= 64, 1000);
        return { zoneId, jobIds };
    }
    if (jobId === undefined && !isUnknown(inputs.jobId)) {
        throw new InvalidArgumentError("jobId", "give jobId, or jobIds: the EdgeOne jobs to wait for (CreatePurgeTask's JobId)");
    }
    return { zoneId, jobIds: jobId === undefined ? undefined : [jobId] };
}
