/**
 * `edgeone.getPrefetchTasks`: its arguments checked and turned into a DescribePrefetchTasks query before any
 * request (the same query as getPurgeTasks', without `type`), and its answer: one page when the query asks for
 * one, every page otherwise.
 */
import { EDGEONE_GET_PREFETCH_TASKS } from "./prefetchDescription";
import { validateInputs } from "../description";
import { formatIsoApiTime } from "../base/isoTime";
import { isOneEdgeOnePage } from "./getPurgeTasksQuery";
import { prefetchListing, readAllEdgeOnePages } from "./paging";
import { EdgeOneTasksFound } from "./getPurgeTasksAnswer";
import { EdgeOneFilter, EdgeOnePrefetchApi, EdgeOnePrefetchTask, EdgeOneTaskQuery } from "./types";

/**
 * The DescribePrefetchTasks query for `args`, checked by the function's one description first; throws an
 * InvalidArgumentError naming the argument and what is valid.
 *
 * @example
 * toEdgeOnePrefetchQuery({ zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3), statuses: ["invalid"] });
 */
export function toEdgeOnePrefetchQuery(args: unknown, now: () => Date = () => new Date()): EdgeOneTaskQuery {
    const a = validateInputs(EDGEONE_GET_PREFETCH_TASKS, (args ?? {}) as Record<string, unknown>);
    const filters: EdgeOneFilter[] = [];
    const add = (name: EdgeOneFilter["name"], values: readonly string[] | undefined) => values && filters.push({ name, values });
    add("job-id", a.jobId === undefined ? undefined : [a.jobId as string]);
    add("target", a.target === undefined ? undefined : [a.target as string]);
    add("domains", a.domains as string[] | undefined);
    add("statuses", a.statuses as string[] | undefined);
    const startTime = a.startTime as string | undefined;
    // The API needs both ends of a range: a range given only its start runs up to now.
    const endTime = (a.endTime as string | undefined) ?? (startTime !== undefined ? formatIsoApiTime(now()) : undefined);
    return { zoneId: a.zoneId as string, startTime, endTime, filters, offset: a.offset as number | undefined, limit: a.limit as number | undefined };
}

/**
 * Reads the prefetch tasks of a query already validated by {@link toEdgeOnePrefetchQuery}.
 *
 * @example
 * const { tasks } = await answerEdgeOneGetPrefetchTasks(client, toEdgeOnePrefetchQuery({ zoneId, jobId }));
 */
export async function answerEdgeOneGetPrefetchTasks(api: EdgeOnePrefetchApi, query: EdgeOneTaskQuery, signal?: AbortSignal):
    Promise<EdgeOneTasksFound<EdgeOnePrefetchTask>> {
    if (isOneEdgeOnePage(query)) {
        const page = await api.describePrefetchTasks(query, signal);
        return { tasks: page.tasks, totalCount: page.totalCount ?? (query.offset ?? 0) + page.tasks.length,
            requestId: page.requestId, requestIds: [page.requestId] };
    }
    const read = await readAllEdgeOnePages(prefetchListing(api), query, { signal });
    return { tasks: read.tasks, totalCount: read.tasks.length, requestId: read.requestIds[0] ?? "", requestIds: read.requestIds };
}
