/**
 * Validates the arguments of getPurgeTasks by their description and turns them into the API's query. Nothing is
 * sent until this has passed.
 */
import { GET_PURGE_TASKS } from "./description";
import { validateInputs } from "../description";
import { DescribePurgeTasksQuery } from "./types";
import { InvalidArgumentError } from "../description/validation";

/** The most records the API returns in one page, as far as this package asks for. */
export const MAX_LIMIT = GET_PURGE_TASKS.inputs.limit.max;

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
    return validateInputs(GET_PURGE_TASKS, args as Record<string, unknown>);
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
