/**
 * The one way this package calls EdgeOne: the official SDK's `teo` v20220901 client through the shared
 * {@link ApiCaller} (the same rate limits, retries, credentials and error classification as CDN).
 */
import { ApiCaller, PurgeClientOptions, SdkClient, sdkClientConfig } from "../client/apiCaller";
import { ConnectionSettings, forEdgeOne } from "../client/connection";
import { toPurgeApiError } from "../client/classifyError";
import { toEdgeOneTask } from "./records";
import { EdgeOneApi, EdgeOnePurgeRequest, EdgeOneQuota, EdgeOneSubmission, EdgeOneTaskPage, EdgeOneTaskQuery } from "./types";

/**
 * Calls the EdgeOne API.
 *
 * @example
 * const client = new EdgeOneClient(resolveConnection());
 * const page = await client.describePurgeTasks({ zoneId: "zone-2noz78a8ev6k", filters: [{ name: "job-id", values: [jobId] }] });
 */
export class EdgeOneClient implements EdgeOneApi {
    private readonly caller: ApiCaller;

    constructor(settings: ConnectionSettings, options: PurgeClientOptions = {}) {
        const teoSettings = forEdgeOne(settings);
        // Each of EdgeOne's actions has its own 20/s, apart from CDN's action of the same name.
        this.caller = new ApiCaller(teoSettings, options, (action) => `teo:${action}`, () => {
            // Required by path, here: the SDK root would load every product.
            const { teo } = require("tencentcloud-sdk-nodejs/tencentcloud/services/teo");
            return new teo.v20220901.Client(sdkClientConfig(teoSettings)) as SdkClient;
        });
    }

    async describePurgeTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage> {
        const r = await this.caller.call("DescribePurgeTasks", {
            ZoneId: query.zoneId, StartTime: query.startTime, EndTime: query.endTime, Offset: query.offset, Limit: query.limit,
            Filters: query.filters?.map((f) => ({ Name: f.name, Values: f.values })),
        }, signal);
        const tasks = Array.isArray(r.Tasks) ? r.Tasks : [];
        return {
            tasks: tasks.map(toEdgeOneTask),
            totalCount: typeof r.TotalCount === "number" ? r.TotalCount : null,
            requestId: String(r.RequestId ?? ""),
        };
    }

    async createPurgeTask(request: EdgeOnePurgeRequest, signal?: AbortSignal): Promise<EdgeOneSubmission> {
        const r = await this.caller.submit("CreatePurgeTask", {
            ZoneId: request.zoneId, Type: request.type, Method: request.method,
            Targets: request.targets.length > 0 ? request.targets : undefined,
            CacheTag: request.cacheTagDomains ? { Domains: request.cacheTagDomains } : undefined,
        }, signal);
        if (typeof r.JobId !== "string" || r.JobId === "") {
            throw toPurgeApiError("CreatePurgeTask", new TypeError("the answer has no JobId"), []);
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

    async describeContentQuota(zoneId: string, signal?: AbortSignal): Promise<readonly EdgeOneQuota[]> {
        const r = await this.caller.call("DescribeContentQuota", { ZoneId: zoneId }, signal);
        return (Array.isArray(r.PurgeQuota) ? r.PurgeQuota : []).map((q: Record<string, unknown>) => ({
            type: String(q?.Type ?? ""), batch: Number(q?.Batch ?? 0), daily: Number(q?.Daily ?? 0),
            dailyAvailable: Number(q?.DailyAvailable ?? 0),
        }));
    }
}
