/**
 * Checks a request's TC3-HMAC-SHA256 Authorization header against the configured credentials, answering the
 * real API's AuthFailure codes.
 */
import { ApiError, ERROR_CODES } from "./errors";
import { computeSignature, constantTimeEqual, utcDate } from "./tc3Signature";

/** A key pair the emulator accepts; with `token`, requests must carry the same `X-TC-Token`. */
export interface EmulatorCredential {
    readonly secretId: string;
    readonly secretKey: string;
    readonly token?: string;
}

/** What {@link verifyRequest} needs from an HTTP request. Header names are lower case. */
export interface SignedRequest {
    readonly method: string;
    readonly path: string;
    readonly query: string;
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly body: Buffer;
}

/**
 * The largest distance, in seconds, between a request's timestamp and the emulator's clock.
 *
 * @example
 * const tooOld = Math.floor(Date.now() / 1000) - MAX_CLOCK_SKEW_SECONDS - 1; // answers AuthFailure.SignatureExpire
 */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const AUTH = new RegExp("^TC3-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/,\\s]+)/tc3_request\\s*,\\s*" +
    "SignedHeaders=([a-z0-9;-]+)\\s*,\\s*Signature=([0-9a-f]{64})$", "i");

const header = (req: SignedRequest, name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
};

const fail = (code: string, message: string): never => {
    throw new ApiError(code, message);
};

/** The host name of a Host header value, without port (IPv6 brackets kept). */
function hostName(hostHeader: string): string {
    const m = /^(\[[^\]]*\]|[^:]*)/.exec(hostHeader.trim());
    return (m ? m[1] : hostHeader).toLowerCase();
}

/**
 * Verifies the request's signature; returns the matching credential or throws an {@link ApiError} with
 * `AuthFailure.InvalidAuthorization`, `.SecretIdNotFound`, `.SignatureExpire`, `.SignatureFailure` or `.TokenFailure`.
 * The credential scope's service may be `cdn` or the Host header's first dot-label (what the SDK signs with).
 *
 * @example
 * const cred = verifyRequest(req, [EMULATOR_CREDENTIALS], Date.now());
 */
export function verifyRequest(req: SignedRequest, credentials: readonly EmulatorCredential[],
    nowMs: number): EmulatorCredential {
    const m = AUTH.exec((header(req, "authorization") ?? "").trim());
    if (!m) {
        return fail(ERROR_CODES.invalidAuthorization, "Authorization header is missing or not TC3-HMAC-SHA256.");
    }
    const [, secretId, date, service, signedHeaderList, signature] = m;
    const signed = signedHeaderList.toLowerCase().split(";");
    if (!signed.includes("content-type") || !signed.includes("host")) {
        fail(ERROR_CODES.invalidAuthorization, "SignedHeaders must include content-type and host.");
    }
    const host = hostName(header(req, "host") ?? "");
    if (service !== "cdn" && service !== host.split(".")[0]) {
        fail(ERROR_CODES.invalidAuthorization, `Credential scope service '${service}' does not match this API.`);
    }
    const credential = credentials.find((c) => c.secretId === secretId);
    if (!credential) {
        return fail(ERROR_CODES.secretIdNotFound, "The SecretId is not found, please ensure that your SecretId is correct.");
    }
    const timestampText = header(req, "x-tc-timestamp") ?? "";
    const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : NaN;
    if (Number.isNaN(timestamp)) {
        fail(ERROR_CODES.invalidAuthorization, "X-TC-Timestamp is missing or not a number of seconds.");
    }
    if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
        fail(ERROR_CODES.signatureExpire, "Signature expired: the timestamp is more than 300 seconds from server time.");
    }
    const extraHeaders = signed.filter((h) => h !== "content-type" && h !== "host")
        .map((h) => [h, header(req, h) ?? ""] as const);
    const expected = computeSignature({
        secretKey: credential.secretKey, service, timestamp, payload: req.body,
        contentType: header(req, "content-type") ?? "", host, method: req.method, path: req.path, query: req.query,
        extraHeaders,
    });
    const sorted = expected.signedHeaders === signed.join(";");
    if (date !== utcDate(timestamp) || !sorted || !constantTimeEqual(expected.signature, signature.toLowerCase())) {
        fail(ERROR_CODES.signatureFailure,
            "The provided credentials could not be validated. Please check your signature is correct.");
    }
    if (credential.token !== undefined && !constantTimeEqual(credential.token, header(req, "x-tc-token") ?? "")) {
        fail(ERROR_CODES.tokenFailure, "The provided token is missing or invalid.");
    }
    return credential;
}
