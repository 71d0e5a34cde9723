/**
 * The one way this package calls EdgeOne (purges and prefetches): the official SDK's `teo` v20220901 client through the shared
 * {@link ApiCaller} (the same rate limits, retries, credentials and error classification as CDN).
 */
import { edgeOneHint } from "./apiHints";
import { ApiCaller, PurgeClientOptions, SdkClient, sdkClientConfig } from "../client/apiCaller";
import { ConnectionSettings, forEdgeOne } from "../client/connection";
import { toPurgeApiError } from "../client/classifyError";
import { toEdgeOneTask } from "./records";
import { toEdgeOnePrefetchTask } from "./prefetchRecords";
import { EdgeOneApi, EdgeOnePrefetchApi, EdgeOnePrefetchRequest, EdgeOnePrefetchTask, EdgeOnePurgeRequest, EdgeOneQuota, EdgeOneSubmission,
    EdgeOneTask, EdgeOneTaskPage, EdgeOneTaskQuery } from "./types";

type Answer = Record<string, unknown> & { RequestId?: unknown };

/** The query as DescribePurgeTasks and DescribePrefetchTasks both take it. */
const queryParams = (query: EdgeOneTaskQuery) => ({
    ZoneId: query.zoneId, StartTime: query.startTime, EndTime: query.endTime, Offset: query.offset, Limit: query.limit,
    Filters: query.filters?.map((f) => ({ Name: f.name, Values: f.values })),
});

/** A page of either listing, its tasks mapped by `toTask`. */
function pageOf<T extends EdgeOneTask>(r: Answer, toTask: (raw: unknown) => T): EdgeOneTaskPage<T> {
    return {
        tasks: (Array.isArray(r.Tasks) ? r.Tasks : []).map(toTask),
        totalCount: typeof r.TotalCount === "number" ? r.TotalCount : null,
        requestId: String(r.RequestId ?? ""),
    };
}

/** CreatePurgeTask's or CreatePrefetchTask's answer: the JobId (which it must have) and the targets it refused. */
function submissionOf(action: string, r: Answer): EdgeOneSubmission {
    if (typeof r.JobId !== "string" || r.JobId === "") {
        throw toPurgeApiError(action, new TypeError("the answer has no JobId"), []);
    }
    const failed = Array.isArray(r.FailedList) ? r.FailedList : [];
    return {
        jobId: r.JobId,
        failedList: failed.map((f: { Reason?: unknown; Targets?: unknown }) => ({
            reason: String(f?.Reason ?? ""), targets: Array.isArray(f?.Targets) ? f.Targets.map(String) : [],
        })),
        requestId: String(r.RequestId ?? ""),
    };
}

/** DescribeContentQuota's lines of one kind (`PurgeQuota`, `PrefetchQuota`). */
const quotaLines = (lines: unknown): EdgeOneQuota[] => (Array.isArray(lines) ? lines : []).map((q: Record<string, unknown>) => ({
    type: String(q?.Type ?? ""), batch: Number(q?.Batch ?? 0), daily: Number(q?.Daily ?? 0), dailyAvailable: Number(q?.DailyAvailable ?? 0),
}));

/**
 * Calls the EdgeOne API.
 *
 * @example
 * const client = new EdgeOneClient(resolveConnection());
 * const page = await client.describePurgeTasks({ zoneId: "zone-2noz78a8ev6k", filters: [{ name: "job-id", values: [jobId] }] });
 */
export class EdgeOneClient implements EdgeOneApi, EdgeOnePrefetchApi {
    private readonly caller: ApiCaller;

    constructor(settings: ConnectionSettings, options: PurgeClientOptions = {}) {
        const teoSettings = forEdgeOne(settings);
        // Each of EdgeOne's actions has its own 20/s, apart from CDN's action of the same name.
        this.caller = new ApiCaller(teoSettings, options, (action) => `teo:${action}`, () => {
            // Required by path, here: the SDK root would load every product.
            const { teo } = require("tencentcloud-sdk-nodejs/tencentcloud/services/teo");
            return new teo.v20220901.Client(sdkClientConfig(teoSettings)) as SdkClient;
        }, edgeOneHint);
    }

    async describePurgeTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage> {
        return pageOf(await this.caller.call("DescribePurgeTasks", queryParams(query), signal), toEdgeOneTask);
    }

    async describePrefetchTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage<EdgeOnePrefetchTask>> {
        return pageOf(await this.caller.call("DescribePrefetchTasks", queryParams(query), signal), toEdgeOnePrefetchTask);
    }

    async createPrefetchTask(request: EdgeOnePrefetchRequest, signal?: AbortSignal): Promise<EdgeOneSubmission> {
        return submissionOf("CreatePrefetchTask", await this.caller.submit("CreatePrefetchTask", {
            ZoneId: request.zoneId, Targets: request.targets, Mode: request.mode,
            Headers: request.headers?.map((h) => ({ Name: h.name, Value: h.value })),
            PrefetchMediaSegments: request.prefetchMediaSegments,
        }, signal));
    }

    async describePrefetchQuota(zoneId: string, signal?: AbortSignal): Promise<readonly EdgeOneQuota[]> {
        return quotaLines((await this.caller.call("DescribeContentQuota", { ZoneId: zoneId }, signal)).PrefetchQuota);
    }

    async createPurgeTask(request: EdgeOnePurgeRequest, signal?: AbortSignal): Promise<EdgeOneSubmission> {
        return submissionOf("CreatePurgeTask", await this.caller.submit("CreatePurgeTask", {
            ZoneId: request.zoneId, Type: request.type, Method: request.method,
            Targets: request.targets.length > 0 ? request.targets : undefined,
            CacheTag: request.cacheTagDomains ? { Domains: request.cacheTagDomains } : undefined,
        }, signal));
    }

    async describeContentQuota(zoneId: string, signal?: AbortSignal): Promise<readonly EdgeOneQuota[]> {
        return quotaLines((await this.caller.call("DescribeContentQuota", { ZoneId: zoneId }, signal)).PurgeQuota);
    }
}
