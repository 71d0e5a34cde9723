/**
 * Reading push records page by page, on the CDN's shared paging ({@link iterateListing}), and the records of
 * push tasks by id.
 */
import { iterateListing, Listing, PagingOptions } from "./paging";
import { DescribePushTasksQuery, PushApi, PushTask } from "./pushTypes";

/**
 * Records per DescribePushTasks call. The API documents a default of 20 and no maximum (the purge listing's is
 * 1000): 100 is asked for, and the shared paging follows a smaller page if the API serves one.
 */
export const PUSH_PAGE_SIZE = 100;

/** A record's identity: a global push lists a URL once per area, and each of them is a record of its own. */
const pushKey = (t: PushTask): string => `${t.taskId}\u0000${t.url}\u0000${t.area}\u0000${t.createTime}`;

/** Every record of a push query, the RequestId of each page, and the last total the API gave. */
export interface PushRecords {
    readonly pushLogs: PushTask[];
    readonly requestIds: string[];
    readonly totalCount: number | null;
}

/**
 * Every record of `query` (its offset and limit ignored), read through all pages.
 *
 * @example
 * const { pushLogs } = await readAllPushPages(api, { taskId: "1533" });
 */
export async function readAllPushPages(api: PushApi, query: DescribePushTasksQuery, options: PagingOptions = {}): Promise<PushRecords> {
    const listing: Listing<PushTask> = {
        page: async (offset, limit, signal) => {
            const p = await api.describePushTasks({ ...query, offset, limit }, signal);
            return { records: p.pushLogs, totalCount: p.totalCount, requestId: p.requestId };
        },
        key: pushKey,
    };
    const pushLogs: PushTask[] = [];
    const requestIds: string[] = [];
    let totalCount: number | null = null;
    for await (const page of iterateListing(listing, { pageSize: PUSH_PAGE_SIZE, ...options })) {
        pushLogs.push(...page.records);
        requestIds.push(page.requestId);
        totalCount = page.totalCount;
    }
    return { pushLogs, requestIds, totalCount };
}

/**
 * Every record of several push tasks, read by id.
 *
 * @example
 * const records = await readPushTasks(api, ["1533", "1534"], signal);
 */
export async function readPushTasks(api: PushApi, taskIds: readonly string[], signal?: AbortSignal): Promise<PushTask[]> {
    return (await Promise.all(taskIds.map(async (taskId) => (await readAllPushPages(api, { taskId }, { signal })).pushLogs))).flat();
}
