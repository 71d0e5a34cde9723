/**
 * One call to a Tencent Cloud API through an official SDK client, the same way for every product (CDN, EdgeOne):
 * the process-wide limiter of the action, credentials asked after the grant (renewed when due), retries with
 * jittered back-off, and every failure classified as a `PurgeApiError` without secrets.
 */
import { realTiming, Timing } from "../base/clock";
import { ConnectionSettings } from "./connection";
import { connectionHint } from "./connectionHints";
import { signingCredential } from "./credentials/signingCredential";
import { limiterFor } from "./actionLimiters";
import { DEFAULT_RETRY_POLICY, READ_RETRY, RetryPolicy, RetryRule, SUBMISSION_RETRY, withRetry } from "./retry";
import { isAbort, toPurgeApiError } from "./classifyError";

/** Tuning for tests and benchmarks; the defaults suit production. */
export interface PurgeClientOptions {
    readonly retry?: RetryPolicy;
    readonly timing?: Timing;
    readonly random?: () => number;
    /** Limiter per action; defaults to the process-wide ones. */
    readonly limiterFor?: typeof limiterFor;
}

/** What this package needs of an official SDK client. */
export interface SdkClient {
    request(action: string, req: object, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
}

/**
 * Calls the actions of one product's API.
 *
 * @example
 * const caller = new ApiCaller(settings, {}, (a) => a, () => new cdn.v20180606.Client({ ... }));
 * const answer = await caller.call("DescribePurgeQuota", {});
 */
export class ApiCaller {
    private sdk?: SdkClient;

    /**
     * @param limiterKey the limiter an action counts against: each product's actions have their own 20/s.
     * @param makeSdk builds the SDK client on first use, so importing this package never loads the SDK.
     * @param productHint what to do about the product's own error codes, by the action that failed.
     */
    constructor(
        private readonly settings: ConnectionSettings,
        private readonly options: PurgeClientOptions,
        private readonly limiterKey: (action: string) => string,
        private readonly makeSdk: () => SdkClient,
        private readonly productHint: (action: string, code: string) => string | undefined = () => undefined,
    ) {}

    /** Calls `action` with `params` (undefined fields left out) and returns the answer's fields. */
    call(action: string, params: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
        return this.send(action, params, signal, READ_RETRY);
    }

    /**
     * Calls an action that creates something (a purge task): never sent twice. It is tried again only after a
     * failure the API answered itself; a failure that leaves its outcome unknown is thrown with `inDoubt` set, and
     * the caller must look for what it may have created before sending anything again.
     *
     * @example
     * const answer = await caller.submit("PurgeUrlsCache", { Urls: urls }, signal);
     */
    submit(action: string, params: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
        return this.send(action, params, signal, SUBMISSION_RETRY);
    }

    private async send(action: string, params: object, signal: AbortSignal | undefined, retryIf: RetryRule): Promise<Record<string, unknown>> {
        const timing = this.options.timing ?? realTiming;
        const limiter = (this.options.limiterFor ?? limiterFor)(this.limiterKey(action), timing);
        const once = async () => {
            // The SDK is loaded before the grant, so loading it cannot delay a granted request into the next one's slot.
            this.sdk ??= this.makeSdk();
            const sdk = this.sdk;
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
                throw toPurgeApiError(action, e, secrets, (code) => connectionHint(code, this.settings) ?? this.productHint(action, code));
            }
        };
        return withRetry(once, this.options.retry ?? DEFAULT_RETRY_POLICY, timing, this.options.random ?? Math.random, signal, retryIf);
    }
}

/**
 * The options the official SDK's clients take for a connection: its credential source, region, and our own
 * keep-alive agent (the SDK would otherwise route through `http_proxy`, ignoring NO_PROXY).
 *
 * @example
 * new cdn.v20180606.Client(sdkClientConfig(settings));
 */
export function sdkClientConfig(s: ConnectionSettings): object {
    const mod: typeof import("http") = s.protocol === "http://" ? require("http") : require("https");
    return {
        credential: s.credentials,
        region: s.region ?? "",
        profile: {
            httpProfile: {
                endpoint: s.host, protocol: s.protocol, reqTimeout: s.requestTimeoutSeconds,
                agent: new mod.Agent({ keepAlive: true }),
            },
        },
    };
}

function withoutUndefined(params: object): object {
    return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
