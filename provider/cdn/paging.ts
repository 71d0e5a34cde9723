/**
 * Reading every record that matches a query of one of the CDN's listings, page by page. After the first page the total is known, so a few
 * pages are fetched ahead (the shared rate limiter keeps the pace legal). New tasks arriving while we read
 * push older records to later offsets: pages are re-planned as the total grows, and records seen twice at a
 * page boundary are dropped, remembering only the last two pages so memory stays flat.
 */
import { DescribePurgeTasksQuery, PurgeApi, PurgeTask, PurgeTaskPage } from "./types";

export const DEFAULT_PAGE_SIZE = 100;

/** How to page. */
export interface PagingOptions {
    /** Records per request, 1..1000. Default 100. */
    readonly pageSize?: number;
    /** Pages in flight at once. Default 4. */
    readonly lookahead?: number;
    readonly signal?: AbortSignal;
}

/**
 * What makes two listed records the same record (a record shifted across a page boundary shows twice).
 *
 * @example
 * recordKey(a) === recordKey(b); // the same record, seen on two pages
 */
export const recordKey = (t: PurgeTask): string => `${t.taskId}\u0000${t.url}\u0000${t.createTime}\u0000${t.purgeType}`;

/** One page of any of the CDN's listings (purge tasks, push tasks): its records, the total, the RequestId. */
export interface ListedPage<T> {
    readonly records: readonly T[];
    readonly totalCount: number | null;
    readonly requestId: string;
}

/**
 * One of the CDN's paged listings: how to read the page at `offset` of `limit` records, and what makes two
 * listed records the same record.
 */
export interface Listing<T> {
    page(offset: number, limit: number, signal: AbortSignal): Promise<ListedPage<T>>;
    key(record: T): string;
}

/**
 * Yields the pages of a listing, each without records already yielded.
 *
 * @example
 * for await (const page of iterateListing(listing)) { console.log(page.records.length); }
 */
export async function* iterateListing<T>(listing: Listing<T>, options: PagingOptions = {}): AsyncGenerator<ListedPage<T>> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    const lookahead = Math.max(1, options.lookahead ?? 4);
    const stop = new AbortController();
    const onAbort = () => stop.abort(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const fetchAt = (offset: number) => {
        const p = listing.page(offset, pageSize, stop.signal);
        p.catch(() => undefined); // awaited below in order; this only keeps an early failure from going unhandled
        return p;
    };
    let recent = new Set<string>();
    let previous = new Set<string>();
    try {
        const first = await fetchAt(0);
        let total = first.totalCount;
        // A server that caps Limit below our page size shows it on the first page: page by its size instead.
        const served = first.records.length;
        const pageStep = total !== null && served > 0 && served < pageSize && served < total ? served : pageSize;
        let nextOffset = pageStep;
        const inFlight: Promise<ListedPage<T>>[] = [];
        const plan = () => {
            // Without a total, read one page at a time until a short one.
            const limit = total === null ? 1 : lookahead;
            while (inFlight.length < limit && (total === null || nextOffset < total)) {
                inFlight.push(fetchAt(nextOffset));
                nextOffset += pageStep;
            }
        };
        let page: ListedPage<T> | undefined = first;
        while (page) {
            const fresh = page.records.filter((t) => !recent.has(listing.key(t)) && !previous.has(listing.key(t)));
            previous = recent;
            recent = new Set(page.records.map(listing.key));
            if (page.totalCount !== null && (total === null || page.totalCount > total)) {
                total = page.totalCount;
            }
            yield fresh.length === page.records.length ? page : { ...page, records: fresh };
            if (total === null && page.records.length < pageStep) {
                return;
            }
            plan();
            page = await inFlight.shift();
        }
    } finally {
        options.signal?.removeEventListener("abort", onAbort);
        stop.abort();
    }
}

/**
 * Yields the pages of `query` (its own offset and limit are ignored), each without records already yielded.
 *
 * @example
 * for await (const page of iteratePages(client, { startTime: "2026-11-29 00:00:00" })) { console.log(page.purgeLogs.length); }
 */
export async function* iteratePages(
    api: PurgeApi, query: DescribePurgeTasksQuery, options: PagingOptions = {},
): AsyncGenerator<PurgeTaskPage> {
    const listing: Listing<PurgeTask> = {
        page: async (offset, limit, signal) => {
            const p = await api.describePurgeTasks({ ...query, offset, limit }, signal);
            return { ...p, records: p.purgeLogs };
        },
        key: recordKey,
    };
    for await (const { records, totalCount, requestId } of iterateListing(listing, options)) {
        yield { purgeLogs: records, totalCount, requestId };
    }
}

/** Every record of a query, the RequestId of each page (one per API call), and the last total the API gave. */
export interface PagedRecords {
    readonly purgeLogs: PurgeTask[];
    readonly requestIds: string[];
    readonly totalCount: number | null;
}

/**
 * Every record of `query`, read through all pages.
 *
 * @example
 * const { purgeLogs, requestIds } = await readAllPages(client, { taskId: "1533" }); // 1,000 records: 10 calls
 */
export async function readAllPages(
    api: PurgeApi, query: DescribePurgeTasksQuery, options: PagingOptions = {},
): Promise<PagedRecords> {
    const purgeLogs: PurgeTask[] = [];
    const requestIds: string[] = [];
    let totalCount: number | null = null;
    for await (const page of iteratePages(api, query, options)) {
        purgeLogs.push(...page.purgeLogs);
        requestIds.push(page.requestId);
        totalCount = page.totalCount;
    }
    return { purgeLogs, requestIds, totalCount };
}
