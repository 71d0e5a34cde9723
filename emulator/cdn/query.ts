/**
 * DescribePurgeTasks: filters, ordering and paging over the task store, as the real API answers them.
 */
import { Params } from "../params";
import { parseApiTime } from "../../provider/base/time";
import { paramError } from "./errors";
import { optionalApiTime, optionalEnum, optionalInteger, optionalString } from "./params";
import { TaskRecord } from "./store";

/** How statuses are spelled in answers: `done` (default) or `Done` as the vendor's example shows. */
export type StatusCase = "lower" | "title";

/** The body of a DescribePurgeTasks answer, before RequestId is added. */
export interface PurgeTasksAnswer {
    readonly PurgeLogs: Array<Record<string, string>>;
    readonly TotalCount: number;
}

/**
 * True when a record matches the Keyword filter: a full-URL keyword (http:// or https://) matches URLs that start
 * with it; any other keyword is a domain that must equal the URL's host.
 *
 * @example
 * keywordMatches("https://www.a.com/x.png", "www.a.com"); // true
 */
export function keywordMatches(url: string, keyword: string): boolean {
    if (/^https?:\/\//i.test(keyword)) {
        return url.startsWith(keyword);
    }
    const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? "";
    return host.toLowerCase() === keyword.toLowerCase();
}

/**
 * A status as the answers spell it.
 *
 * @example
 * spellStatus("done", "title"); // "Done"
 */
export const spellStatus = (status: string, statusCase: StatusCase): string =>
    (statusCase === "title" ? status.charAt(0).toUpperCase() + status.slice(1) : status);

/** What DescribePurgeTasks and DescribePushTasks filter a record by. */
interface ListedTask {
    readonly taskId: string;
    readonly url: string;
    readonly status: string;
    readonly area: string;
    readonly createTime: string;
    readonly createdAtMs: number;
}

/**
 * The filters and paging DescribePurgeTasks and DescribePushTasks share, read and checked as the API does: TaskId
 * or StartTime required, a time range in order, Status among `statuses`, Area, Keyword, Offset and Limit
 * (default 20). `matches` applies the filters; `page` cuts the page.
 *
 * @example
 * const q = taskListing(params, ["fail", "done", "process"]); q.page(records.filter(q.matches));
 */
export function taskListing(params: Params, statuses: readonly string[]) {
    const taskId = optionalString(params, "TaskId");
    const start = optionalApiTime(params, "StartTime");
    const end = optionalApiTime(params, "EndTime");
    const status = optionalEnum(params, "Status", statuses);
    const area = optionalEnum(params, "Area", ["mainland", "overseas", "global"] as const);
    const keyword = optionalString(params, "Keyword");
    const offset = optionalInteger(params, "Offset", 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = optionalInteger(params, "Limit", 1, 1000) ?? 20;
    if (!taskId && start === undefined) {
        throw paramError("Either TaskId or StartTime is required.");
    }
    if (start !== undefined && end !== undefined && end < start) {
        throw paramError("EndTime must not be before StartTime.");
    }
    return {
        matches(r: ListedTask): boolean {
            const created = parseApiTime(r.createTime)?.getTime() ?? r.createdAtMs;
            return (!taskId || r.taskId === taskId) &&
                (start === undefined || created >= start) &&
                (end === undefined || created <= end) &&
                (!status || r.status === status) &&
                (!area || r.area === area) &&
                (!keyword || keywordMatches(r.url, keyword));
        },
        page: <R>(matching: readonly R[]): readonly R[] => matching.slice(offset, offset + limit),
    };
}

/**
 * Answers DescribePurgeTasks from the visible records (already newest first). Throws
 * `InvalidParameter.CdnParamError` for bad input, or when neither TaskId nor StartTime is given.
 *
 * @example
 * describePurgeTasks(store.records(), { TaskId: id }, "lower"); // { PurgeLogs: [...], TotalCount: 1 }
 */
export function describePurgeTasks(records: readonly TaskRecord[], params: Params,
    statusCase: StatusCase): PurgeTasksAnswer {
    const purgeType = optionalEnum(params, "PurgeType", ["url", "path"] as const);
    const listing = taskListing(params, ["fail", "done", "process"]);
    const matches = records.filter((r) => listing.matches(r) && (!purgeType || r.purgeType === purgeType));
    const page = listing.page(matches).map((r) => ({
        TaskId: r.taskId,
        Url: r.url,
        Status: spellStatus(r.status, statusCase),
        PurgeType: r.purgeType,
        FlushType: r.flushType,
        CreateTime: r.createTime,
    }));
    return { PurgeLogs: page, TotalCount: matches.length };
}
