/**
 * The one way this package calls the CDN API (purge and push): the official SDK's CDN client through the shared {@link ApiCaller}
 * (rate limiter, retries, error classification), with answers mapped to this package's types.
 */
import { cdnHint } from "./apiHints";
import { ConnectionSettings } from "../client/connection";
import { ApiCaller, PurgeClientOptions, SdkClient, sdkClientConfig } from "../client/apiCaller";
import { toPurgeApiError } from "../client/classifyError";
import { toPurgeTask } from "./records";
import { toPushTask } from "./pushRecords";
import { DescribePushTasksQuery, PushApi, PushOptions, PushQuotas, PushTaskPage } from "./pushTypes";
import {
    DescribePurgeTasksQuery, PurgeApi, PurgePathsRequest, PurgeQuota, PurgeQuotas, PurgeSubmission, PurgeTaskPage, PurgeUrlsRequest,
} from "./types";

export type { PurgeClientOptions } from "../client/apiCaller";

/**
 * Calls the CDN API.
 *
 * @example
 * const client = new PurgeClient(resolveConnection());
 * const page = await client.describePurgeTasks({ taskId: "1533" });
 */
export class PurgeClient implements PurgeApi, PushApi {
    private readonly caller: ApiCaller;

    constructor(settings: ConnectionSettings, options: PurgeClientOptions = {}) {
        // CDN's actions keep their bare names as limiter keys; other products prefix theirs.
        this.caller = new ApiCaller(settings, options, (action) => action, () => {
            // Required here, not at the top: importing this package must not load the SDK.
            const { cdn } = require("tencentcloud-sdk-nodejs/tencentcloud/services/cdn");
            return new cdn.v20180606.Client(sdkClientConfig(settings)) as SdkClient;
        }, cdnHint);
    }

    async describePurgeTasks(query: DescribePurgeTasksQuery, signal?: AbortSignal): Promise<PurgeTaskPage> {
        const r = await this.call("DescribePurgeTasks", {
            TaskId: query.taskId, StartTime: query.startTime, EndTime: query.endTime, PurgeType: query.purgeType,
            Status: query.status, Area: query.area, Keyword: query.keyword, Offset: query.offset, Limit: query.limit,
        }, signal);
        const logs = Array.isArray(r.PurgeLogs) ? r.PurgeLogs : [];
        return {
            purgeLogs: logs.map(toPurgeTask),
            totalCount: typeof r.TotalCount === "number" ? r.TotalCount : null,
            requestId: String(r.RequestId ?? ""),
        };
    }

    async purgeUrlsCache(req: PurgeUrlsRequest, signal?: AbortSignal): Promise<PurgeSubmission> {
        const r = await this.caller.submit("PurgeUrlsCache", { Urls: req.urls, Area: req.area, UrlEncode: req.urlEncode }, signal);
        return this.submission("PurgeUrlsCache", r);
    }

    async purgePathCache(req: PurgePathsRequest, signal?: AbortSignal): Promise<PurgeSubmission> {
        const r = await this.caller.submit("PurgePathCache", {
            Paths: req.paths, FlushType: req.flushType, Area: req.area, UrlEncode: req.urlEncode,
        }, signal);
        return this.submission("PurgePathCache", r);
    }

    async describePurgeQuota(signal?: AbortSignal): Promise<PurgeQuotas> {
        const r = await this.call("DescribePurgeQuota", {}, signal);
        const quotas = (v: unknown): PurgeQuota[] => (Array.isArray(v) ? v : []).map((q) => ({
            batch: Number(q?.Batch ?? 0), total: Number(q?.Total ?? 0),
            available: Number(q?.Available ?? 0), area: String(q?.Area ?? ""),
        }));
        return { urlPurge: quotas(r.UrlPurge), pathPurge: quotas(r.PathPurge), requestId: String(r.RequestId ?? "") };
    }

    async describePushTasks(query: DescribePushTasksQuery, signal?: AbortSignal): Promise<PushTaskPage> {
        const r = await this.call("DescribePushTasks", {
            TaskId: query.taskId, StartTime: query.startTime, EndTime: query.endTime, Keyword: query.keyword,
            Area: query.area, Status: query.status, Offset: query.offset, Limit: query.limit,
        }, signal);
        return {
            pushLogs: (Array.isArray(r.PushLogs) ? r.PushLogs : []).map(toPushTask),
            totalCount: typeof r.TotalCount === "number" ? r.TotalCount : null,
            requestId: String(r.RequestId ?? ""),
        };
    }

    async pushUrlsCache(req: PushOptions & { urls: readonly string[] }, signal?: AbortSignal): Promise<PurgeSubmission> {
        const r = await this.caller.submit("PushUrlsCache", {
            Urls: req.urls, Area: req.area, Layer: req.layer, UserAgent: req.userAgent, ParseM3U8: req.parseM3U8,
            DisableRange: req.disableRange, UrlEncode: req.urlEncode,
            Headers: req.headers?.map((h) => ({ Name: h.name, Value: h.value })),
        }, signal);
        return this.submission("PushUrlsCache", r);
    }

    async describePushQuota(signal?: AbortSignal): Promise<PushQuotas> {
        const r = await this.call("DescribePushQuota", {}, signal);
        const lines = (Array.isArray(r.UrlPush) ? r.UrlPush : []).map((q) => ({
            batch: Number(q?.Batch ?? 0), total: Number(q?.Total ?? 0), available: Number(q?.Available ?? 0), area: String(q?.Area ?? ""),
        }));
        return { urlPush: lines, requestId: String(r.RequestId ?? "") };
    }

    private submission(action: string, r: Record<string, unknown>): PurgeSubmission {
        if (typeof r.TaskId !== "string" || r.TaskId === "") {
            throw toPurgeApiError(action, new TypeError("the answer has no TaskId"), []);
        }
        return { taskId: r.TaskId, requestId: String(r.RequestId ?? "") };
    }

    private call(action: string, params: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
        return this.caller.call(action, params, signal);
    }
}
