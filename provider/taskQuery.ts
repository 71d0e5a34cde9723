/**
 * Validates the arguments of getPurgeTasks and turns them into the API's query. Nothing is sent until this
 * has passed.
 */
import { parseApiTime } from "./time";
import { PURGE_AREAS, PURGE_STATUSES, PURGE_TYPES, DescribePurgeTasksQuery } from "./types";
import { InvalidArgumentError, optionalEnum, optionalInteger, optionalText, optionalTime } from "./validation";

/** The most records the API returns in one page, as far as this package asks for. */
export const MAX_LIMIT = 1000;
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/**
 * Validates getPurgeTasks' arguments.
 *
 * @example
 * toTaskQuery({ keyword: "www.example.com", startTime: new Date() }).keyword; // "www.example.com"
 */
export function toTaskQuery(args: unknown): DescribePurgeTasksQuery {
    if (args === null || typeof args !== "object" || Array.isArray(args)) {
        throw new InvalidArgumentError("args", `must be an object such as { taskId: "..." } or { startTime: "..." }, ` +
            `got ${args === null ? "null" : Array.isArray(args) ? "an array" : typeof args}`);
    }
    const a = args as Record<string, unknown>;
    const query: DescribePurgeTasksQuery = {
        taskId: optionalText("taskId", a.taskId, 128),
        startTime: optionalTime("startTime", a.startTime),
        endTime: optionalTime("endTime", a.endTime),
        purgeType: optionalEnum("purgeType", a.purgeType, PURGE_TYPES),
        status: optionalEnum("status", a.status, PURGE_STATUSES),
        area: optionalEnum("area", a.area, PURGE_AREAS),
        keyword: keyword(a.keyword),
        offset: optionalInteger("offset", a.offset, 0, Number.MAX_SAFE_INTEGER),
        limit: optionalInteger("limit", a.limit, 1, MAX_LIMIT),
    };
    if (query.taskId === undefined && query.startTime === undefined) {
        throw new InvalidArgumentError("taskId", "either taskId or startTime must be given (the API requires one of them)");
    }
    if (query.startTime && query.endTime && parseApiTime(query.startTime)! > parseApiTime(query.endTime)!) {
        throw new InvalidArgumentError("endTime", `must not be before startTime (${query.startTime}), got ${query.endTime}`);
    }
    return query;
}

/**
 * True when the caller asked for one page (offset or limit given), false to read every page.
 *
 * @example
 * isSinglePage({ taskId: "1", limit: 5 }); // true
 */
export function isSinglePage(query: DescribePurgeTasksQuery): boolean {
    return query.offset !== undefined || query.limit !== undefined;
}

function keyword(value: unknown): string | undefined {
    const text = optionalText("keyword", value, 1024);
    if (text === undefined) {
        return undefined;
    }
    if (/^https?:\/\//i.test(text)) {
        try {
            new URL(text);
            return text;
        } catch {
            // fall through to the error below
        }
    } else if (DOMAIN.test(text)) {
        return text;
    }
    throw new InvalidArgumentError("keyword", `must be a domain such as "www.example.com" or a full URL starting with ` +
        `http:// or https://, got ${JSON.stringify(text.slice(0, 80))}`);
}
