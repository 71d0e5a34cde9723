import { DescribePurgeTasksQuery, PurgeApi, PurgeTask, PurgeTaskPage } from "../../provider/cdn/types";

/** How {@link FakePurgeApi} deviates from a plain answer. */
export interface FakeApiOptions {
    /** Answer `TotalCount: null`, as the API may. */
    readonly nullTotal?: boolean;
    /** The most records a page holds, whatever Limit asks for (a server that caps Limit). */
    readonly maxLimit?: number;
}

/** A PurgeApi over an in-memory list of records, newest first, filtering by task id and time range, counting calls. */
export class FakePurgeApi implements PurgeApi {
    readonly queries: DescribePurgeTasksQuery[] = [];
    /** Called before each answer; may change `records` to model tasks arriving while paging. */
    beforeAnswer: (call: number, query: DescribePurgeTasksQuery) => void = () => undefined;
    nullTotal: boolean;

    constructor(public records: PurgeTask[], private readonly options: FakeApiOptions = {}) {
        this.nullTotal = options.nullTotal ?? false;
    }

    async describePurgeTasks(query: DescribePurgeTasksQuery): Promise<PurgeTaskPage> {
        this.queries.push(query);
        this.beforeAnswer(this.queries.length, query);
        const matching = this.records.filter((r) =>
            (!query.taskId || r.taskId === query.taskId) && (!query.startTime || (r.createTime ?? "") >= query.startTime) &&
            (!query.endTime || (r.createTime ?? "") <= query.endTime));
        const offset = query.offset ?? 0;
        const limit = Math.min(query.limit ?? 20, this.options.maxLimit ?? Infinity);
        return {
            purgeLogs: matching.slice(offset, offset + limit),
            totalCount: this.nullTotal ? null : matching.length,
            requestId: `req-${this.queries.length}`,
        };
    }
    async purgeUrlsCache(): Promise<never> { throw new Error("not used"); }
    async purgePathCache(): Promise<never> { throw new Error("not used"); }
    async describePurgeQuota(): Promise<never> { throw new Error("not used"); }
}

/** `n` records of one task, URLs numbered from `from`. */
export function records(n: number, taskId = "t1", from = 0): PurgeTask[] {
    return Array.from({ length: n }, (_, i) => ({
        taskId, url: `https://www.example.com/${from + i}`, status: "done", purgeType: "url", flushType: "flush",
        createTime: "2026-11-29 10:00:00",
    }));
}
