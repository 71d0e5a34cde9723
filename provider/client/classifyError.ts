/**
 * Turns whatever the official SDK throws into a {@link PurgeApiError}. The SDK reports API errors with a
 * `code`, non-200 answers with an `httpCode`, network failures as a bare message, a non-JSON 200 as a raw
 * FetchError and a 200 `{}` as a TypeError; each is classified here, once.
 */
import { isRetryableCode, PurgeApiError } from "./apiError";

interface SdkFailure {
    readonly name?: string;
    readonly message?: string;
    readonly code?: unknown;
    readonly requestId?: unknown;
    readonly httpCode?: unknown;
    readonly type?: unknown;
}

/** Node's and OpenSSL's words for a failed TLS handshake, e.g. https:// against a plain-HTTP server. */
const TLS = /EPROTO|SSL routines|wrong version number|certificate|CERT_|DEPTH_ZERO_SELF_SIGNED|ERR_TLS/i;
const NETWORK = /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|socket hang up|other side closed|Premature close|ERR_STREAM_PREMATURE_CLOSE|socket disconnected/i;
/** Failures before any connection was made: the request cannot have reached the API. */
const NEVER_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|connect ETIMEDOUT/i;
/** Codes of Node's and its HTTP clients' own errors, which are no answer of the API's. */
const CLIENT_CODE = /^(E[A-Z]+|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;

/**
 * True when `e` is the abort of an AbortSignal, which must pass through untouched.
 *
 * @example
 * if (signal?.aborted && isAbort(e)) throw e;
 */
export function isAbort(e: unknown): boolean {
    const f = e as SdkFailure | undefined;
    return f?.name === "AbortError" || /aborted/i.test(String(f?.message ?? "")) && f?.code === undefined;
}

/**
 * Classifies an SDK failure. `secrets` are scrubbed from the message, in case an endpoint ever echoes one.
 * `hint` may give a better hint for a code than the generic one (e.g. naming where the credentials came from).
 *
 * @example
 * toPurgeApiError("DescribePurgeTasks", e, [settings.secretKey], (code) => connectionHint(code, settings)).retryable;
 */
export function toPurgeApiError(
    action: string, e: unknown, secrets: readonly (string | undefined)[], hint: (code: string) => string | undefined = () => undefined,
): PurgeApiError {
    if (e instanceof PurgeApiError) {
        return e;
    }
    const f = (e ?? {}) as SdkFailure;
    const message = scrub(String(f.message ?? e), secrets).trim();
    const requestId = typeof f.requestId === "string" && f.requestId !== "" ? f.requestId : undefined;
    // `inDoubt`: whether the request may have been carried out though no answer of the API's says so.
    const make = (code: string, text: string, inDoubt: boolean, httpStatus?: number) => new PurgeApiError({
        action, code, message: text, requestId, httpStatus, retryable: isRetryableCode(code), inDoubt, hint: hint(code) });

    if (typeof f.code === "string" && f.code !== "" && f.type !== "system" && !CLIENT_CODE.test(f.code)) {
        return make(f.code, message, false); // the API's own answer: it did not carry the request out
    }
    if (typeof f.httpCode === "number") {
        const code = f.httpCode >= 500 ? `HTTP${f.httpCode}` : f.httpCode === 429 ? "RequestLimitExceeded" : `HTTP${f.httpCode}`;
        // A gateway's 5xx page may come after the API behind it acted; a 4xx is the gateway refusing the request.
        return make(code, `HTTP ${f.httpCode} ${message}`.trim(), f.httpCode >= 500, f.httpCode);
    }
    if (f.type === "invalid-json" || f.name === "TypeError" || f.name === "SyntaxError") {
        return make("InvalidResponse", `the answer was not a Tencent Cloud API response (${message})`, true);
    }
    if (TLS.test(message) || TLS.test(String(f.code ?? ""))) {
        return make("TlsFailed", message, false); // the handshake failed before anything was sent
    }
    if (/timeout/i.test(message)) {
        return make("Timeout", message, true);
    }
    const network = `${message} ${String(f.code ?? "")}`;
    if (NETWORK.test(network)) {
        return make("ConnectionFailed", message, !NEVER_CONNECTED.test(network));
    }
    return new PurgeApiError({ action, code: "ClientError", message, requestId, retryable: false, inDoubt: true });
}

function scrub(text: string, secrets: readonly (string | undefined)[]): string {
    return secrets.reduce<string>((t, s) => (s && s.length >= 4 ? t.split(s).join("***") : t), text);
}
