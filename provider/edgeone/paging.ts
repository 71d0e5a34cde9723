/**
 * Every task of an EdgeOne query, page by page with Limit up to 1000 (the API's most). Tasks of jobs submitted
 * while we read push older ones to later offsets, so a task seen at a page boundary twice is kept once.
 */
import { EdgeOnePrefetchApi, EdgeOnePrefetchTask, EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing, EdgeOneTaskQuery } from "./types";

/** The API's largest page. */
export const EDGEONE_MAX_LIMIT = 1000;

/** What makes two listed tasks the same task. */
const taskKey = (t: EdgeOneTask): string => `${t.jobId}\u0000${t.target}\u0000${t.createTime}`;

/** Every task of a query, the RequestId of each page, and how many API calls that took. */
export interface EdgeOneTasksRead<T extends EdgeOneTask = EdgeOnePurgeTask> {
    readonly tasks: readonly T[];
    readonly requestIds: readonly string[];
    /** The last total the API gave. */
    readonly totalCount: number | null;
}

/**
 * Reads every page of `query` (its own offset and limit are replaced).
 *
 * @example
 * const { tasks } = await readAllEdgeOnePages(client, { zoneId, filters: [{ name: "job-id", values: [jobId] }] }); // 2,500 targets: 3 calls
 */
export async function readAllEdgeOnePages<T extends EdgeOneTask = EdgeOnePurgeTask>(
    api: EdgeOneTaskListing<T>, query: EdgeOneTaskQuery, options: { readonly pageSize?: number; readonly signal?: AbortSignal } = {},
): Promise<EdgeOneTasksRead<T>> {
    const limit = options.pageSize ?? EDGEONE_MAX_LIMIT;
    const tasks: T[] = [];
    const requestIds: string[] = [];
    const seen = new Set<string>();
    let totalCount: number | null = null;
    for (let offset = 0; ; offset += limit) {
        const page = await api.describePurgeTasks({ ...query, offset, limit }, options.signal);
        requestIds.push(page.requestId);
        totalCount = page.totalCount;
        for (const task of page.tasks) {
            const key = taskKey(task);
            if (!seen.has(key)) {
                seen.add(key);
                tasks.push(task);
            }
        }
        const end = totalCount === null ? page.tasks.length < limit : offset + limit >= totalCount;
        if (end || page.tasks.length === 0) {
            return { tasks, requestIds, totalCount };
        }
    }
}

/**
 * Every task of one job (a job shows one task per target, so one with 2,500 targets takes three pages).
 *
 * @example
 * const tasks = await readJobTasks(client, "zone-2noz78a8ev6k", "1379afjk91u32h");
 */
export async function readJobTasks<T extends EdgeOneTask = EdgeOnePurgeTask>(
    api: EdgeOneTaskListing<T>, zoneId: string, jobId: string, signal?: AbortSignal): Promise<readonly T[]> {
    return (await readAllEdgeOnePages(api, { zoneId, filters: [{ name: "job-id", values: [jobId] }] }, { signal })).tasks;
}

/**
 * Every task of several jobs of a zone, read by id.
 *
 * @example
 * const tasks = await readJobsTasks(client, zoneId, ["1379afjk91u32h", "1379afjk91u32i"]);
 */
export async function readJobsTasks<T extends EdgeOneTask = EdgeOnePurgeTask>(
    api: EdgeOneTaskListing<T>, zoneId: string, jobIds: readonly string[], signal?: AbortSignal): Promise<T[]> {
    return (await Promise.all(jobIds.map((id) => readJobTasks(api, zoneId, id, signal)))).flat();
}

const prefetchListings = new WeakMap<EdgeOnePrefetchApi, EdgeOneTaskListing<EdgeOnePrefetchTask>>();

/**
 * DescribePrefetchTasks as a listing the paging above, the poller's reader and the recent durations read: the
 * same query, the same page. One object per client, so what is kept per listing (a zone's poller, its recent
 * durations) is kept apart from the purge listing's.
 *
 * @example
 * const tasks = await readJobTasks(prefetchListing(client), "zone-2noz78a8ev6k", jobId);
 */
export function prefetchListing(api: EdgeOnePrefetchApi): EdgeOneTaskListing<EdgeOnePrefetchTask> {
    let listing = prefetchListings.get(api);
    if (!listing) {
        listing = { describePurgeTasks: (query, signal) => api.describePrefetchTasks(query, signal) };
        prefetchListings.set(api, listing);
    }
    return listing;
}
