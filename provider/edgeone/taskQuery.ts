/**
 * Checks `edgeone.getPurgeTasks` arguments and turns them into a DescribePurgeTasks query, before any request:
 * a zone id, a time range (or a job id), the filters with as many values as each takes, offset and limit.
 */
import { InvalidArgumentError, optionalEnum, optionalInteger, optionalText } from "../validation";
import { formatIsoApiTime, parseIsoApiTime } from "./isoTime";
import { EDGEONE_MAX_LIMIT } from "./paging";
import { EDGEONE_PURGE_TYPES, EDGEONE_STATUSES, EdgeOneFilter, EdgeOneTaskQuery } from "./types";

/** An EdgeOne zone id: `zone-` and lower-case letters and digits, e.g. `zone-2noz78a8ev6k`. */
const ZONE_ID = /^zone-[0-9a-z]{6,32}$/;
/** The most values a filter with several values (`domains`, `statuses`) takes. */
export const MAX_FILTER_VALUES = 20;

const shown = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : v instanceof Date ? "an invalid Date" : typeof v);

/**
 * A zone id, or an error naming `name`.
 *
 * @example
 * zoneIdOf("zoneId", "zone-2noz78a8ev6k"); // "zone-2noz78a8ev6k"
 */
export function zoneIdOf(name: string, value: unknown): string {
    if (typeof value !== "string" || !ZONE_ID.test(value)) {
        throw new InvalidArgumentError(name, `is required: an EdgeOne zone id such as "zone-2noz78a8ev6k" ` +
            `("zone-" and 6 to 32 lower-case letters or digits), got ${value === undefined ? "nothing" : shown(value)}`);
    }
    return value;
}

/**
 * A time as EdgeOne wants it (ISO 8601 with `+08:00`), from a `Date` or ISO-8601 text with a zone.
 *
 * @example
 * isoTimeOf("startTime", new Date("2026-12-04T12:00:00Z")); // "2026-12-04T20:00:00+08:00"
 */
export function isoTimeOf(name: string, value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const instant = value instanceof Date ? value : typeof value === "string" ? parseIsoApiTime(value) : undefined;
    if (instant === undefined || Number.isNaN(instant.getTime())) {
        throw new InvalidArgumentError(name, `must be a Date or an ISO-8601 time with a zone (e.g. "2026-12-04T20:00:00+08:00" ` +
            `or "2026-12-04T12:00:00Z"), got ${shown(value)}`);
    }
    return formatIsoApiTime(instant);
}

function listOf(name: string, value: unknown, check: (v: unknown, i: number) => string): string[] | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_FILTER_VALUES) {
        throw new InvalidArgumentError(name, `must be a list of 1 to ${MAX_FILTER_VALUES} values, got ` +
            `${Array.isArray(value) ? `${value.length} values` : shown(value)}`);
    }
    return value.map(check);
}

/**
 * The query for `args`; throws an {@link InvalidArgumentError} naming the argument and what is valid.
 *
 * @example
 * toEdgeOneQuery({ zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3), statuses: ["failed"] });
 */
export function toEdgeOneQuery(args: unknown, now: () => Date = () => new Date()): EdgeOneTaskQuery {
    const a = (args ?? {}) as Record<string, unknown>;
    const zoneId = zoneIdOf("zoneId", a.zoneId);
    const jobId = optionalText("jobId", a.jobId, 64);
    const target = optionalText("target", a.target, 4096);
    const domains = listOf("domains", a.domains, (v, i) => optionalText(`domains[${i}]`, v, 253) ?? "");
    const statuses = listOf("statuses", a.statuses, (v, i) => optionalEnum(`statuses[${i}]`, v, EDGEONE_STATUSES) ?? "");
    const type = optionalEnum("type", a.type, EDGEONE_PURGE_TYPES);
    const offset = optionalInteger("offset", a.offset, 0, Number.MAX_SAFE_INTEGER);
    const limit = optionalInteger("limit", a.limit, 1, EDGEONE_MAX_LIMIT);
    const startTime = isoTimeOf("startTime", a.startTime);
    let endTime = isoTimeOf("endTime", a.endTime);
    if (startTime === undefined && jobId === undefined) {
        throw new InvalidArgumentError("startTime", "give startTime (with endTime, or up to now), or jobId: EdgeOne needs a time range or a job id");
    }
    if (startTime !== undefined && endTime === undefined) {
        endTime = formatIsoApiTime(now()); // the API needs both ends of a range
    }
    if (startTime === undefined && endTime !== undefined) {
        throw new InvalidArgumentError("endTime", "needs startTime too");
    }
    if (startTime !== undefined && endTime !== undefined && parseIsoApiTime(endTime)! < parseIsoApiTime(startTime)!) {
        throw new InvalidArgumentError("endTime", `must not be before startTime (${startTime}), got ${endTime}`);
    }
    const filters: EdgeOneFilter[] = [];
    const add = (name: EdgeOneFilter["name"], values: readonly string[] | undefined) => values && filters.push({ name, values });
    add("job-id", jobId === undefined ? undefined : [jobId]);
    add("target", target === undefined ? undefined : [target]);
    add("domains", domains);
    add("statuses", statuses);
    add("type", type === undefined ? undefined : [type]);
    return { zoneId, startTime, endTime, filters, offset, limit };
}

/**
 * True when the query asks for one page (`offset` or `limit` given), false when every page is wanted.
 *
 * @example
 * isOneEdgeOnePage({ zoneId, limit: 50 }); // true
 */
export function isOneEdgeOnePage(query: EdgeOneTaskQuery): boolean {
    return query.offset !== undefined || query.limit !== undefined;
}
