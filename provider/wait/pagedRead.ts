/**
 * Paging through DescribePurgeTasks: one request per page, as an async iterator (memory stays flat for a
 * caller that handles pages as they come) and as a whole read that also counts the calls it made.
 */
import { DescribePurgeTasksQuery, PurgeApi, PurgeTask, PurgeTaskPage } from "../types";

/** Records per request. The API's default is 20; larger pages mean fewer calls against the 20/s limit. */
export const PAGE_SIZE = 100;

/**
 * Yields every page of a query, from offset 0. With a `totalCount`, it stops once the pages reached it (or a
 * page comes back empty) and moves on by the records actually received, so a server that caps `Limit` below
 * the page size still gets read to the end. Without one (`null`), a short page is the end.
 *
 * @example
 * for await (const page of purgeTaskPages(api, { taskId: "1533" })) { handle(page.purgeLogs); }
 */
export async function* purgeTaskPages(
    api: PurgeApi, query: DescribePurgeTasksQuery, signal?: AbortSignal, pageSize = PAGE_SIZE,
): AsyncGenerator<PurgeTaskPage, void, undefined> {
    let offset = 0;
    for (;;) {
        const page = await api.describePurgeTasks({ ...query, offset, limit: pageSize }, signal);
        yield page;
        const received = page.purgeLogs.length;
        offset += received;
        const finished = page.totalCount === null
            ? received < pageSize
            : received === 0 || offset >= page.totalCount;
        if (finished) {
            return;
        }
    }
}

/** Every record of a query, the calls it took, and the last `totalCount` the API gave. */
export interface PagedRecords {
    readonly records: readonly PurgeTask[];
    readonly apiCalls: number;
    readonly totalCount: number | null;
}

/**
 * Reads every page of a query into one array.
 *
 * @example
 * const { records, apiCalls } = await readAllPages(api, { taskId: "1533" }); // 1,000 records: 10 calls
 */
export async function readAllPages(
    api: PurgeApi, query: DescribePurgeTasksQuery, signal?: AbortSignal, pageSize = PAGE_SIZE,
): Promise<PagedRecords> {
    const records: PurgeTask[] = [];
    let apiCalls = 0;
    let totalCount: number | null = null;
    for await (const page of purgeTaskPages(api, query, signal, pageSize)) {
        apiCalls += 1;
        totalCount = page.totalCount;
        records.push(...page.purgeLogs);
    }
    return { records, apiCalls, totalCount };
}
