/**
 * Checks a request's signature against the credentials the emulator knows, answering the real API's codes in its
 * order: missing or malformed parts (`MissingParameter`, `AuthFailure.InvalidAuthorization`), then the timestamp
 * (`AuthFailure.SignatureExpire`), the SecretId (`AuthFailure.SecretIdNotFound`), the signature
 * (`AuthFailure.SignatureFailure`) and last the session token (`AuthFailure.TokenFailure`).
 * Two signature families: TC3-HMAC-SHA256 in the Authorization header ({@link verifyRequest}) and the v1
 * HmacSHA1/HmacSHA256 parameters ({@link verifyV1Request}).
 */
import * as crypto from "crypto";
import { ApiError, CORE_ERROR_CODES } from "./errors";
import { computeSignature, utcDate } from "./tc3Signature";
import { computeV1Signature, V1_SIGNATURE_METHODS, V1SignatureMethod } from "./v1Signature";

/**
 * A key pair the emulator accepts. With `token`, requests must carry the same token (`X-TC-Token`, or the v1
 * `Token` parameter); with `expiresAtMs` (temporary credentials from STS) they are refused from then on.
 */
export interface EmulatorCredential {
    readonly secretId: string;
    readonly secretKey: string;
    readonly token?: string;
    /** Epoch milliseconds from which the credential answers `AuthFailure.TokenFailure`. */
    readonly expiresAtMs?: number;
}

/** What {@link verifyRequest} needs from an HTTP request. Header names are lower case. */
export interface SignedRequest {
    readonly method: string;
    readonly path: string;
    /** The query string as sent, without `?` (TC3 signs it as it is). */
    readonly query: string;
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly body: Buffer;
}

/** What {@link verifyV1Request} needs: the request line, the Host header and every parameter, decoded. */
export interface V1SignedRequest {
    readonly method: string;
    readonly path: string;
    /** The Host header as sent. */
    readonly host: string;
    readonly params: Readonly<Record<string, string>>;
}

/**
 * The largest distance, in seconds, between a request's timestamp and the emulator's clock.
 *
 * @example
 * const tooOld = Math.floor(Date.now() / 1000) - MAX_CLOCK_SKEW_SECONDS - 1; // answers AuthFailure.SignatureExpire
 */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The parts of a TC3-HMAC-SHA256 Authorization header. */
export interface Tc3Authorization {
    readonly secretId: string;
    /** `YYYY-MM-DD` of the credential scope. */
    readonly date: string;
    /** The credential scope's service, e.g. `cdn`, `sts`, or the endpoint's first dot-label (`127`). */
    readonly service: string;
    /** Lower case, as listed. */
    readonly signedHeaders: readonly string[];
    readonly signature: string;
}

const AUTH = new RegExp("^TC3-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/,\\s]+)/tc3_request\\s*,\\s*" +
    "SignedHeaders=([a-z0-9;-]+)\\s*,\\s*Signature=([0-9a-f]{64})$", "i");

/**
 * Reads a TC3-HMAC-SHA256 Authorization header; undefined when it is missing or malformed.
 *
 * @example
 * parseAuthorization("TC3-HMAC-SHA256 Credential=AKIDx/2023-11-14/cdn/tc3_request, SignedHeaders=content-type;host, Signature=...")?.service; // "cdn"
 */
export function parseAuthorization(value: string | undefined): Tc3Authorization | undefined {
    const m = AUTH.exec((value ?? "").trim());
    return m ? {
        secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].toLowerCase().split(";"),
        signature: m[5].toLowerCase(),
    } : undefined;
}

/**
 * Compares two strings in constant time (for equal lengths); false when the lengths differ.
 *
 * @example
 * constantTimeEqual("abc", "abc"); // true
 */
export function constantTimeEqual(a: string, b: string): boolean {
    const x = Buffer.from(a, "utf8");
    const y = Buffer.from(b, "utf8");
    return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const header = (req: SignedRequest, name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
};

const fail = (code: string, message: string): never => {
    throw new ApiError(code, message);
};

/**
 * The host forms a client may have signed: the Host header as sent, and without its port. The Go SDK signs its
 * endpoint as given (`127.0.0.1:9000`), the Node.js SDK the host name alone; the real API takes both.
 */
function hostForms(hostHeader: string): string[] {
    const sent = hostHeader.trim().toLowerCase();
    const m = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(sent);
    return m && m[2] ? [sent, m[1]] : [sent];
}

/** Checks a timestamp in seconds (as text) against the clock; answers the API's codes. */
function checkTimestamp(text: string | undefined, name: string, nowMs: number): number {
    if (text === undefined || text === "") {
        return fail(CORE_ERROR_CODES.missingParameter, `The request is missing the required parameter ${name}.`);
    }
    if (!/^\d{1,12}$/.test(text)) {
        return fail(CORE_ERROR_CODES.invalidAuthorization, `${name} must be a number of seconds since 1970.`);
    }
    const timestamp = Number(text);
    if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
        fail(CORE_ERROR_CODES.signatureExpire,
            `Signature expired: the timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} seconds from server time.`);
    }
    return timestamp;
}

function findCredential(credentials: readonly EmulatorCredential[], secretId: string): EmulatorCredential {
    return credentials.find((c) => c.secretId === secretId)
        ?? fail(CORE_ERROR_CODES.secretIdNotFound, "The SecretId is not found, please ensure that your SecretId is correct.");
}

/** The session-token check both signature families end with. */
function checkToken(credential: EmulatorCredential, token: string | undefined, nowMs: number): void {
    if (credential.token !== undefined && !constantTimeEqual(credential.token, token ?? "")) {
        fail(CORE_ERROR_CODES.tokenFailure, "Token verification failed. Please check your Token is correct.");
    }
    if (credential.expiresAtMs !== undefined && nowMs >= credential.expiresAtMs) {
        fail(CORE_ERROR_CODES.tokenFailure, "Token verification failed: the temporary credentials have expired.");
    }
}

const signatureFailure = (): never => fail(CORE_ERROR_CODES.signatureFailure,
    "The provided credentials could not be validated. Please check your signature is correct.");

/**
 * Verifies a TC3-HMAC-SHA256 request; returns the matching credential or throws an {@link ApiError}.
 * The credential scope's service must be one of `services` or the Host header's first dot-label (what the
 * Node.js SDK signs with when its endpoint is an address). The host may be signed with or without its port; any
 * extra signed headers are checked; `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` leaves the body out, as the Go SDK's
 * `UnsignedPayload` option asks.
 *
 * @example
 * const cred = verifyRequest(req, [EMULATOR_CREDENTIALS], Date.now());
 */
export function verifyRequest(req: SignedRequest, credentials: readonly EmulatorCredential[],
    nowMs: number, services: readonly string[] = ["cdn"]): EmulatorCredential {
    const auth = parseAuthorization(header(req, "authorization"))
        ?? fail(CORE_ERROR_CODES.invalidAuthorization, "Authorization header is missing or not TC3-HMAC-SHA256.");
    if (!auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host")) {
        fail(CORE_ERROR_CODES.invalidAuthorization, "SignedHeaders must include content-type and host.");
    }
    const hosts = hostForms(header(req, "host") ?? "");
    if (!services.includes(auth.service) && auth.service !== hosts[hosts.length - 1].split(".")[0]) {
        fail(CORE_ERROR_CODES.invalidAuthorization, `Credential scope service '${auth.service}' does not match this API.`);
    }
    const timestamp = checkTimestamp(header(req, "x-tc-timestamp"), "X-TC-Timestamp", nowMs);
    const credential = findCredential(credentials, auth.secretId);
    const unsigned = (header(req, "x-tc-content-sha256") ?? "").trim().toUpperCase() === "UNSIGNED-PAYLOAD";
    const extraHeaders = auth.signedHeaders.filter((h) => h !== "content-type" && h !== "host")
        .map((h) => [h, header(req, h) ?? ""] as const);
    const matches = hosts.some((host) => {
        const expected = computeSignature({
            secretKey: credential.secretKey, service: auth.service, timestamp,
            payload: unsigned ? "UNSIGNED-PAYLOAD" : req.body, contentType: header(req, "content-type") ?? "",
            host, method: req.method, path: req.path, query: req.query, extraHeaders,
        });
        return expected.signedHeaders === auth.signedHeaders.join(";") && constantTimeEqual(expected.signature, auth.signature);
    });
    if (auth.date !== utcDate(timestamp) || !matches) {
        signatureFailure();
    }
    checkToken(credential, header(req, "x-tc-token"), nowMs);
    return credential;
}

/**
 * Verifies a v1 (HmacSHA1 / HmacSHA256) request from its parameters; returns the matching credential or throws
 * an {@link ApiError}. `Timestamp`, `Nonce`, `SecretId` and `Signature` are required (`MissingParameter`);
 * `SignatureMethod` defaults to HmacSHA1. The host may be signed with or without its port.
 *
 * @example
 * const cred = verifyV1Request({ method: "GET", path: "/", host: "127.0.0.1:9000", params }, [EMULATOR_CREDENTIALS], Date.now());
 */
export function verifyV1Request(req: V1SignedRequest, credentials: readonly EmulatorCredential[],
    nowMs: number): EmulatorCredential {
    const p = req.params;
    for (const name of ["Timestamp", "Nonce", "SecretId", "Signature"]) {
        if (p[name] === undefined || p[name] === "") {
            fail(CORE_ERROR_CODES.missingParameter, `The request is missing the required parameter ${name}.`);
        }
    }
    const method = (p.SignatureMethod ?? "HmacSHA1") as V1SignatureMethod;
    if (!V1_SIGNATURE_METHODS.includes(method)) {
        fail(CORE_ERROR_CODES.invalidParameterValue, `SignatureMethod must be one of ${V1_SIGNATURE_METHODS.join(", ")}.`);
    }
    checkTimestamp(p.Timestamp, "Timestamp", nowMs);
    const credential = findCredential(credentials, p.SecretId);
    const matches = hostForms(req.host).some((host) => constantTimeEqual(p.Signature,
        computeV1Signature(credential.secretKey, method, { method: req.method, host, path: req.path, params: p })));
    if (!matches) {
        signatureFailure();
    }
    checkToken(credential, p.Token, nowMs);
    return credential;
}
