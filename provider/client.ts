/**
 * The one way this package calls the CDN API: the official SDK's CDN client, behind a shared rate limiter,
 * retries and error classification, with answers mapped to this package's types.
 */
import type * as http from "http";
import { realTiming, Timing } from "./clock";
import { ConnectionSettings } from "./connection";
import { connectionHint } from "./connectionHints";
import { signingCredential } from "./credentials/signingCredential";
import { limiterFor } from "./actionLimiters";
import { DEFAULT_RETRY_POLICY, RetryPolicy, withRetry } from "./retry";
import { isAbort, toPurgeApiError } from "./sdkErrors";
import { toPurgeTask } from "./records";
import {
    DescribePurgeTasksQuery, FlushType, PurgeApi, PurgeArea, PurgeQuota, PurgeQuotas, PurgeSubmission, PurgeTaskPage,
} from "./types";

/** Tuning for tests and benchmarks; the defaults suit production. */
export interface PurgeClientOptions {
    readonly retry?: RetryPolicy;
    readonly timing?: Timing;
    readonly random?: () => number;
    /** Limiter per action; defaults to the process-wide ones. */
    readonly limiterFor?: typeof limiterFor;
}

interface SdkClient {
    request(action: string, req: object, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
}

/**
 * Calls the CDN API.
 *
 * @example
 * const client = new PurgeClient(resolveConnection());
 * const page = await client.describePurgeTasks({ taskId: "1533" });
 */
export class PurgeClient implements PurgeApi {
    private sdk?: SdkClient;

    constructor(private readonly settings: ConnectionSettings, private readonly options: PurgeClientOptions = {}) {}

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

    async purgeUrlsCache(req: { urls: readonly string[]; area?: PurgeArea; urlEncode?: boolean }, signal?: AbortSignal): Promise<PurgeSubmission> {
        const r = await this.call("PurgeUrlsCache", { Urls: req.urls, Area: req.area, UrlEncode: req.urlEncode }, signal);
        return this.submission("PurgeUrlsCache", r);
    }

    async purgePathCache(req: {
        paths: readonly string[]; flushType: FlushType; area?: PurgeArea; urlEncode?: boolean;
    }, signal?: AbortSignal): Promise<PurgeSubmission> {
        const r = await this.call("PurgePathCache", {
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

    private submission(action: string, r: Record<string, unknown>): PurgeSubmission {
        if (typeof r.TaskId !== "string" || r.TaskId === "") {
            throw toPurgeApiError(action, new TypeError("the answer has no TaskId"), []);
        }
        return { taskId: r.TaskId, requestId: String(r.RequestId ?? "") };
    }

    private async call(action: string, params: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
        const timing = this.options.timing ?? realTiming;
        const limiter = (this.options.limiterFor ?? limiterFor)(action, timing);
        const once = async () => {
            // The SDK is loaded before the grant, so loading it cannot delay a granted request into the next one's slot.
            const sdk = this.client();
            await limiter.acquire(signal);
            // Asked here, after the grant: temporary credentials are renewed when due, and a source that fails is
            // reported as such (the SDK would turn its error into a bare message). The SDK then asks the same source
            // and gets the same credentials.
            const credential = await signingCredential(action, this.settings.credentials);
            const secrets = [credential.secretKey, credential.token];
            try {
                const answer = await sdk.request(action, withoutUndefined(params), { signal });
                if (answer === null || typeof answer !== "object") {
                    throw new TypeError("empty answer");
                }
                return answer;
            } catch (e) {
                if (signal?.aborted && isAbort(e)) {
                    throw e;
                }
                throw toPurgeApiError(action, e, secrets, (code) => connectionHint(code, this.settings));
            }
        };
        return withRetry(once, this.options.retry ?? DEFAULT_RETRY_POLICY, timing, this.options.random ?? Math.random, signal);
    }

    private client(): SdkClient {
        if (!this.sdk) {
            // Required here, not at the top: importing this package must not load the SDK.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { cdn } = require("tencentcloud-sdk-nodejs/tencentcloud/services/cdn");
            const s = this.settings;
            // Our own agent: the SDK would otherwise route through `http_proxy`, ignoring NO_PROXY.
            const mod: typeof http = s.protocol === "http://" ? require("http") : require("https");
            this.sdk = new cdn.v20180606.Client({
                credential: s.credentials,
                region: s.region ?? "",
                profile: {
                    httpProfile: {
                        endpoint: s.host, protocol: s.protocol, reqTimeout: s.requestTimeoutSeconds,
                        agent: new mod.Agent({ keepAlive: true }),
                    },
                },
            }) as SdkClient;
        }
        return this.sdk;
    }
}

function withoutUndefined(params: object): object {
    return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
