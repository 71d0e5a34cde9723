import { DescribePurgeTasksQuery, PurgeApi, PurgeTask, PurgeTaskPage } from "../../provider/types";

/** A PurgeApi over an in-memory list of records, newest first, counting calls. */
export class FakePurgeApi implements PurgeApi {
    readonly queries: DescribePurgeTasksQuery[] = [];
    /** Called before each answer; may change `records` to model tasks arriving while paging. */
    beforeAnswer: (call: number) => void = () => undefined;
    nullTotal = false;

    constructor(public records: PurgeTask[]) {}

    async describePurgeTasks(query: DescribePurgeTasksQuery): Promise<PurgeTaskPage> {
        this.queries.push(query);
        this.beforeAnswer(this.queries.length);
        const matching = this.records.filter((r) => !query.taskId || r.taskId === query.taskId);
        const offset = query.offset ?? 0;
        return {
            purgeLogs: matching.slice(offset, offset + (query.limit ?? 20)),
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
