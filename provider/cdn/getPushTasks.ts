/**
 * getPushTasks for both hosts: its arguments checked by the description and turned into the API's query, then
 * one page when the query asks for one, every page otherwise.
 */
import { validateInputs } from "../description";
import { InvalidArgumentError } from "../description/validation";
import { GET_PUSH_TASKS } from "./pushDescription";
import { readAllPushPages } from "./pushPaging";
import { DescribePushTasksQuery, PushApi, PushTask } from "./pushTypes";

/** The records found, with the request ids to quote to support. */
export interface GetPushTasksAnswer {
    readonly pushLogs: readonly PushTask[];
    /** Matching records in all; when the API gives no count, the number of records read. */
    readonly totalCount: number;
    readonly requestId: string;
    readonly requestIds: readonly string[];
}

/**
 * Validates getPushTasks' arguments; nothing is sent until this has passed.
 *
 * @example
 * toPushQuery({ startTime: new Date(), status: "invalid" }).status; // "invalid"
 */
export function toPushQuery(args: unknown): DescribePushTasksQuery {
    if (args === null || typeof args !== "object" || Array.isArray(args)) {
        throw new InvalidArgumentError("args", `must be an object such as { taskId: "..." } or { startTime: "..." }, ` +
            `got ${args === null ? "null" : Array.isArray(args) ? "an array" : typeof args}`);
    }
    return validateInputs(GET_PUSH_TASKS, args as Record<string, unknown>) as DescribePushTasksQuery;
}

/**
 * Reads the push records matching a query already validated by {@link toPushQuery}.
 *
 * @example
 * const { pushLogs } = await answerGetPushTasks(api, toPushQuery({ taskId: "1533" }));
 */
export async function answerGetPushTasks(api: PushApi, query: DescribePushTasksQuery, opts: { readonly signal?: AbortSignal } = {}):
    Promise<GetPushTasksAnswer> {
    if (query.offset !== undefined || query.limit !== undefined) {
        const page = await api.describePushTasks(query, opts.signal);
        return { pushLogs: page.pushLogs, totalCount: page.totalCount ?? (query.offset ?? 0) + page.pushLogs.length,
            requestId: page.requestId, requestIds: [page.requestId] };
    }
    const { pushLogs, requestIds } = await readAllPushPages(api, query, opts);
    return { pushLogs, totalCount: pushLogs.length, requestId: requestIds[0] ?? "", requestIds };
}
