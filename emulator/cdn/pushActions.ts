/**
 * The CDN's three push (prefetch) actions: PushUrlsCache within the push quota, DescribePushTasks with its
 * filters and paging, DescribePushQuota.
 */
import { Params } from "../params";
import { parseApiTime } from "../../provider/base/time";
import { paramError } from "./errors";
import { optionalApiTime, optionalBoolean, optionalEnum, optionalInteger, optionalString, urlList } from "./params";
import { keywordMatches, StatusCase } from "./query";
import { PushQuota } from "./pushQuota";
import { PushRecord, PushStore } from "./pushStore";
import { Area } from "./store";

/** What the push actions work on. */
export interface PushContext {
    readonly pushes: PushStore;
    readonly pushQuota: PushQuota;
    readonly statusCase: StatusCase;
}

const encodeUrl = (url: string): string => url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

/** The API's limits on Headers: at most 20, names up to 128 bytes, values up to 1024. */
function checkHeaders(params: Params): void {
    const headers = params.Headers;
    if (headers === undefined) {
        return;
    }
    if (!Array.isArray(headers) || headers.length > 20) {
        throw paramError("Headers must be a list of at most 20 {Name, Value}.");
    }
    headers.forEach((h, i) => {
        const { Name, Value } = (h ?? {}) as Record<string, unknown>;
        if (typeof Name !== "string" || Name === "" || Buffer.byteLength(Name) > 128 || typeof Value !== "string" || Buffer.byteLength(Value) > 1024) {
            throw paramError(`Headers[${i}] must have a Name of 1-128 bytes and a Value of at most 1024 bytes.`);
        }
    });
}

/**
 * PushUrlsCache: charges the push quota of the area (both for `global`) and records one task.
 *
 * @example
 * pushUrlsCache(ctx, { Urls: ["https://a.com/x"], Area: "global" }); // { TaskId: "..." }
 */
export function pushUrlsCache(ctx: PushContext, params: Params): { TaskId: string } {
    const urls = urlList(params, "Urls");
    const area: Area = optionalEnum(params, "Area", ["mainland", "overseas", "global"] as const) ?? "mainland";
    optionalEnum(params, "Layer", ["middle"] as const);
    optionalString(params, "UserAgent");
    optionalBoolean(params, "ParseM3U8");
    optionalBoolean(params, "DisableRange");
    checkHeaders(params);
    const encode = optionalBoolean(params, "UrlEncode") ?? false;
    ctx.pushQuota.charge(area, urls.length);
    return { TaskId: ctx.pushes.submit(area, encode ? urls.map(encodeUrl) : urls) };
}

const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * DescribePushTasks: TaskId or StartTime required; filters Keyword, Area, Status; Offset and Limit (default 20).
 *
 * @example
 * describePushTasks(ctx, { TaskId: id }); // { PushLogs: [...], TotalCount: 1 }
 */
export function describePushTasks(ctx: PushContext, params: Params): { PushLogs: Array<Record<string, unknown>>; TotalCount: number } {
    const taskId = optionalString(params, "TaskId");
    const start = optionalApiTime(params, "StartTime");
    const end = optionalApiTime(params, "EndTime");
    const status = optionalEnum(params, "Status", ["fail", "done", "process", "invalid"] as const);
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
    const found = ctx.pushes.records().filter((r: PushRecord) => {
        const created = parseApiTime(r.createTime)?.getTime() ?? r.createdAtMs;
        return (!taskId || r.taskId === taskId) && (start === undefined || created >= start) &&
            (end === undefined || created <= end) && (!status || r.status === status) && (!area || r.area === area) &&
            (!keyword || keywordMatches(r.url, keyword));
    });
    return {
        PushLogs: found.slice(offset, offset + limit).map((r) => ({
            TaskId: r.taskId, Url: r.url, Status: ctx.statusCase === "title" ? title(r.status) : r.status, Percent: r.percent,
            CreateTime: r.createTime, Area: r.area, UpdateTime: r.updateTime,
        })),
        TotalCount: found.length,
    };
}
