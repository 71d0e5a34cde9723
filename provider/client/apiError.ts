/**
 * Every failure of an API call reaches callers as a {@link PurgeApiError}: the API's code and message, the
 * request id to quote to support, whether trying again can help, and a hint that says what to do.
 */

/** Codes that mean "too many requests": wait and try again. */
const THROTTLING = new Set(["UnauthorizedOperation.OperationTooOften", "RequestLimitExceeded"]);

/** Server-side faults worth another try. `InternalError.CdnDbError` and friends are documented as transient. */
const TRANSIENT_PREFIXES = ["InternalError", "ServiceUnavailable", "ResourceUnavailable"];

/**
 * Hints that hold for every product; a product's client adds those of its own codes (`ApiCaller`'s `productHint`),
 * chosen by the action that failed.
 */
const HINTS: Record<string, string> = {
    "UnauthorizedOperation.OpNoAuth": "this operation is not enabled for the account; open a ticket with Tencent Cloud",
    "AuthFailure.SecretIdNotFound": "the SecretId is unknown to the API: check the place it was set (the connection " +
        "option, stack config tencentcloud-purge:secretId or tencentcloud:secretId, or TENCENTCLOUD_SECRET_ID)",
    "AuthFailure.SignatureFailure": "the signature was rejected: the SecretKey does not belong to the SecretId",
    "AuthFailure.SignatureExpire": "the request's timestamp is too far from the server's clock: sync this machine's clock",
    "AuthFailure.TokenFailure":
        "the session token was rejected: it is expired or does not match the temporary SecretId/SecretKey",
    "AuthFailure.InvalidAuthorization": "the Authorization header was malformed",
    "RequestLimitExceeded": "the account's request rate limit was exceeded",
    CredentialsUnavailable: "the credential source named in the message failed: fix what it says. Temporary credentials that " +
        "worked before are tried again until the wait's deadline",
    Timeout: "no answer in time: check the endpoint and the network, or raise the request timeout",
    ConnectionFailed: "could not reach the endpoint: check it (the connection option, stack config " +
        "tencentcloud-purge:endpoint or TENCENTCLOUD_CDN_ENDPOINT) and the network",
    InvalidResponse: "the endpoint answered something that is not the CDN API: check it (the connection option, " +
        "stack config tencentcloud-purge:endpoint or TENCENTCLOUD_CDN_ENDPOINT)",
    TlsFailed: "the TLS handshake failed: if the endpoint speaks plain HTTP (as the emulator does), write it with " +
        "http://; otherwise check its certificate",
};

/** Options for {@link PurgeApiError}. */
export interface PurgeApiErrorInit {
    readonly action: string;
    readonly code: string;
    readonly message: string;
    readonly requestId?: string;
    readonly httpStatus?: number;
    readonly retryable: boolean;
    /**
     * True when the request may have reached the API and been carried out though no answer says so (no answer in
     * time, the connection lost after sending, a gateway's error page, an answer that is not the API's). A call
     * that creates something is never sent again on such an error: see {@link ApiCaller.submit}.
     */
    readonly inDoubt?: boolean;
    /** A hint that knows more than the code alone (e.g. where the credentials came from); default {@link hintFor}. */
    readonly hint?: string;
}

/**
 * A failed call to the CDN API, after any retries.
 *
 * @example
 * try { await getPurgeTasks({ taskId: "1" }); }
 * catch (e) { if (e instanceof PurgeApiError && e.code === "ResourceNotFound.CdnUserNotExists") { ... } }
 */
export class PurgeApiError extends Error {
    readonly action: string;
    readonly code: string;
    readonly apiMessage: string;
    readonly requestId?: string;
    readonly httpStatus?: number;
    readonly retryable: boolean;
    /** The request may have been carried out: see {@link PurgeApiErrorInit.inDoubt}. */
    readonly inDoubt: boolean;
    readonly hint?: string;

    constructor(init: PurgeApiErrorInit) {
        const hint = init.hint ?? hintFor(init.code, init.action);
        const where = init.requestId ? ` (RequestId ${init.requestId})` : "";
        super(`${init.action} failed: ${init.code}: ${init.message}${where}${hint ? `. Hint: ${hint}` : ""}`);
        this.name = "PurgeApiError";
        this.action = init.action;
        this.code = init.code;
        this.apiMessage = init.message;
        this.requestId = init.requestId;
        this.httpStatus = init.httpStatus;
        this.retryable = init.retryable;
        this.inDoubt = init.inDoubt ?? false;
        this.hint = hint;
    }
}

/**
 * The hint for an error code that holds for every product, if we know a useful one; `action` is the call that
 * failed.
 *
 * @example
 * hintFor("UnauthorizedOperation.OperationTooOften", "DescribePushTasks"); // "the API allows 20 DescribePushTasks requests ..."
 */
export function hintFor(code: string, action = "such"): string | undefined {
    if (HINTS[code]) {
        return HINTS[code];
    }
    if (code === "UnauthorizedOperation.OperationTooOften") {
        return `the API allows 20 ${action} requests per second per account; other programs share that budget`;
    }
    if (code.startsWith("InternalError")) {
        return "a fault on Tencent Cloud's side; retried already. If it persists, open a ticket quoting the RequestId";
    }
    if (code.startsWith("HTTP5")) {
        return "the endpoint answered a server error; retried already";
    }
    return undefined;
}

/**
 * True for codes that mean the request was throttled.
 *
 * @example
 * isThrottling("UnauthorizedOperation.OperationTooOften"); // true
 */
export function isThrottling(code: string): boolean {
    return THROTTLING.has(code);
}

/**
 * True for API codes that a later try may not get. Parameter, auth and permission codes are not.
 *
 * @example
 * isRetryableCode("InternalError.CdnDbError"); // true
 * isRetryableCode("AuthFailure.SignatureFailure"); // false
 */
export function isRetryableCode(code: string): boolean {
    return isThrottling(code) || TRANSIENT_PREFIXES.some((p) => code === p || code.startsWith(`${p}.`)) ||
        code.startsWith("HTTP5") || code === "Timeout" || code === "ConnectionFailed" || code === "InvalidResponse";
}

/**
 * The message of any thrown value.
 *
 * @example
 * messageOf(new Error("boom")); // "boom"
 */
export function messageOf(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}
