/**
 * The CDN's three push (prefetch) actions: PushUrlsCache within the push quota, DescribePushTasks with its
 * filters and paging, DescribePushQuota.
 */
import { Params } from "../params";
import { paramError } from "./errors";
import { optionalBoolean, optionalEnum, optionalString, urlList } from "./params";
import { spellStatus, StatusCase, taskListing } from "./query";
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

/**
 * DescribePushTasks: TaskId or StartTime required; filters Keyword, Area, Status; Offset and Limit (default 20).
 *
 * @example
 * describePushTasks(ctx, { TaskId: id }); // { PushLogs: [...], TotalCount: 1 }
 */
export function describePushTasks(ctx: PushContext, params: Params): { PushLogs: Array<Record<string, unknown>>; TotalCount: number } {
    const listing = taskListing(params, ["fail", "done", "process", "invalid"]);
    const found = ctx.pushes.records().filter((r: PushRecord) => listing.matches(r));
    return {
        PushLogs: listing.page(found).map((r) => ({
            TaskId: r.taskId, Url: r.url, Status: spellStatus(r.status, ctx.statusCase), Percent: r.percent,
            CreateTime: r.createTime, Area: r.area, UpdateTime: r.updateTime,
        })),
        TotalCount: found.length,
    };
}
