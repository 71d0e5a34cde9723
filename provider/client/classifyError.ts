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
const NETWORK = /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|other side closed/i;

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
    const make = (code: string, text: string, httpStatus?: number) =>
        new PurgeApiError({ action, code, message: text, requestId, httpStatus, retryable: isRetryableCode(code), hint: hint(code) });

    if (typeof f.code === "string" && f.code !== "" && !/^E[A-Z]+$/.test(f.code)) {
        return make(f.code, message);
    }
    if (typeof f.httpCode === "number") {
        const code = f.httpCode >= 500 ? `HTTP${f.httpCode}` : f.httpCode === 429 ? "RequestLimitExceeded" : `HTTP${f.httpCode}`;
        return make(code, `HTTP ${f.httpCode} ${message}`.trim(), f.httpCode);
    }
    if (f.type === "invalid-json" || f.name === "TypeError" || f.name === "SyntaxError") {
        return make("InvalidResponse", `the answer was not a Tencent Cloud API response (${message})`);
    }
    if (TLS.test(message) || TLS.test(String(f.code ?? ""))) {
        return make("TlsFailed", message);
    }
    if (/timeout/i.test(message)) {
        return make("Timeout", message);
    }
    if (NETWORK.test(message) || NETWORK.test(String(f.code ?? ""))) {
        return make("ConnectionFailed", message);
    }
    return new PurgeApiError({ action, code: "ClientError", message, requestId, retryable: false });
}

function scrub(text: string, secrets: readonly (string | undefined)[]): string {
    return secrets.reduce<string>((t, s) => (s && s.length >= 4 ? t.split(s).join("***") : t), text);
}
