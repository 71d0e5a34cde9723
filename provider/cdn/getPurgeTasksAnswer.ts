/**
 * What getPurgeTasks answers, for both hosts: the TypeScript function in the program's process and the provider
 * plugin's invoke. One page when the query asks for one, every page otherwise.
 */
import { readAllPages } from "./paging";
import { isSinglePage } from "./getPurgeTasksQuery";
import { DescribePurgeTasksQuery, PurgeApi, PurgeTask } from "./types";

/** The records found, with the request ids to quote to support. */
export interface GetPurgeTasksAnswer {
    readonly purgeLogs: readonly PurgeTask[];
    /** Matching records in all; when the API gives no count, the number of records read. */
    readonly totalCount: number;
    /** The RequestId of the first request. */
    readonly requestId: string;
    /** The RequestId of every page read. */
    readonly requestIds: readonly string[];
}

/**
 * Reads the records matching a query already validated by `toTaskQuery`.
 *
 * @example
 * const { purgeLogs } = await answerGetPurgeTasks(api, toTaskQuery({ taskId: "1533" }));
 */
export async function answerGetPurgeTasks(
    api: PurgeApi, query: DescribePurgeTasksQuery, opts: { readonly pageSize?: number; readonly signal?: AbortSignal } = {},
): Promise<GetPurgeTasksAnswer> {
    if (isSinglePage(query)) {
        const page = await api.describePurgeTasks(query, opts.signal);
        return {
            purgeLogs: page.purgeLogs,
            totalCount: page.totalCount ?? (query.offset ?? 0) + page.purgeLogs.length,
            requestId: page.requestId,
            requestIds: [page.requestId],
        };
    }
    const { purgeLogs, requestIds } = await readAllPages(api, query, opts);
    return { purgeLogs, totalCount: purgeLogs.length, requestId: requestIds[0] ?? "", requestIds };
}
