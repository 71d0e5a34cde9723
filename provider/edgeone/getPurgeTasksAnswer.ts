/**
 * What `edgeone.getPurgeTasks` answers: one page when the query asks for one, every page otherwise.
 */
import { readAllEdgeOnePages } from "./paging";
import { isOneEdgeOnePage } from "./getPurgeTasksQuery";
import { EdgeOneApi, EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskQuery } from "./types";

/** The tasks found, with the request ids to quote to support. */
export interface EdgeOneTasksFound<T extends EdgeOneTask = EdgeOnePurgeTask> {
    readonly tasks: readonly T[];
    readonly totalCount: number;
    readonly requestId: string;
    readonly requestIds: readonly string[];
}

/**
 * Reads the tasks of a query already validated by `toEdgeOneQuery`.
 *
 * @example
 * const { tasks } = await answerEdgeOneGetPurgeTasks(client, toEdgeOneQuery({ zoneId, jobId }));
 */
export async function answerEdgeOneGetPurgeTasks(api: EdgeOneApi, query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTasksFound> {
    if (isOneEdgeOnePage(query)) {
        const page = await api.describePurgeTasks(query, signal);
        return { tasks: page.tasks, totalCount: page.totalCount ?? (query.offset ?? 0) + page.tasks.length,
            requestId: page.requestId, requestIds: [page.requestId] };
    }
    const read = await readAllEdgeOnePages(api, query, { signal });
    return { tasks: read.tasks, totalCount: read.tasks.length, requestId: read.requestIds[0] ?? "", requestIds: read.requestIds };
}
