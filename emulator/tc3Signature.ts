/**
 * TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0 (the official SDKs' default), computed the way
 * they sign: canonical request (method, path, query, signed headers, payload hash), string to sign, derived key.
 */
import * as crypto from "crypto";

/** The parts of a request that its TC3-HMAC-SHA256 signature covers. */
export interface SignatureParts {
    readonly secretKey: string;
    /** The credential scope's service, e.g. `cdn` (the SDK uses the endpoint host's first dot-label). */
    readonly service: string;
    /** Unix seconds, as sent in `X-TC-Timestamp`. */
    readonly timestamp: number;
    /** The exact request body. */
    readonly payload: string | Buffer;
    /** The Content-Type header value. */
    readonly contentType: string;
    /** The host as the client signs it: `127.0.0.1` (Node.js SDK) or with its port, `127.0.0.1:9000` (Go SDK). */
    readonly host: string;
    /** Defaults to `POST`. */
    readonly method?: string;
    /** Defaults to `/`. */
    readonly path?: string;
    /** The query string without `?`; defaults to empty. */
    readonly query?: string;
    /** Extra signed headers beyond content-type and host, e.g. `x-tc-action`; all signed headers are sorted by name. */
    readonly extraHeaders?: ReadonlyArray<readonly [string, string]>;
}

/** A computed signature with the pieces a caller needs to build or check an Authorization header. */
export interface Signature {
    readonly signature: string;
    /** `YYYY-MM-DD` (UTC) of the timestamp. */
    readonly date: string;
    /** `<date>/<service>/tc3_request`. */
    readonly credentialScope: string;
    /** `content-type;host` plus any extra headers, sorted. */
    readonly signedHeaders: string;
}

const sha256Hex = (data: string | Buffer): string => crypto.createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => crypto.createHmac("sha256", key).update(data).digest();

/**
 * The UTC calendar date of a Unix timestamp in seconds, as the credential scope names it.
 *
 * @example
 * utcDate(1700000000); // "2023-11-14"
 */
export function utcDate(timestamp: number): string {
    return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/**
 * Computes a TC3-HMAC-SHA256 signature from the request parts.
 *
 * @example
 * computeSignature({ secretKey: "testkey", service: "cdn", timestamp: 1700000000,
 *     payload: '{"Urls":["https://www.example.com/a.png"]}', contentType: "application/json", host: "127.0.0.1" })
 *     .signature; // "f00b3444b590e4c073c8eb7ff925ede03e2fb62ed42f232bd918cab683e53881"
 */
export function computeSignature(parts: SignatureParts): Signature {
    const headers: Array<readonly [string, string]> = [
        ["content-type", parts.contentType.trim().toLowerCase()] as const,
        ["host", parts.host.trim().toLowerCase()] as const,
        ...(parts.extraHeaders ?? []).map(([k, v]) => [k.toLowerCase(), v.trim().toLowerCase()] as const),
    ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const signedHeaders = headers.map(([k]) => k).join(";");
    const canonicalRequest = [
        (parts.method ?? "POST").toUpperCase(),
        parts.path ?? "/",
        parts.query ?? "",
        headers.map(([k, v]) => `${k}:${v}\n`).join(""),
        signedHeaders,
        sha256Hex(parts.payload),
    ].join("\n");
    const date = utcDate(parts.timestamp);
    const credentialScope = `${date}/${parts.service}/tc3_request`;
    const stringToSign = ["TC3-HMAC-SHA256", String(parts.timestamp), credentialScope, sha256Hex(canonicalRequest)]
        .join("\n");
    const kDate = hmac("TC3" + parts.secretKey, date);
    const kService = hmac(kDate, parts.service);
    const kSigning = hmac(kService, "tc3_request");
    const signature = crypto.createHmac("sha256", kSigning).update(stringToSign).digest("hex");
    return { signature, date, credentialScope, signedHeaders };
}

/**
 * Builds the `Authorization` header value the SDK would send, for signing requests by hand (tests, curl).
 *
 * @example
 * const auth = authorizationHeader("AKIDtestid", { secretKey: "testkey", service: "cdn", timestamp: 1700000000,
 *     payload: "{}", contentType: "application/json", host: "127.0.0.1" });
 * // "TC3-HMAC-SHA256 Credential=AKIDtestid/2023-11-14/cdn/tc3_request, SignedHeaders=content-type;host, Signature=..."
 */
export function authorizationHeader(secretId: string, parts: SignatureParts): string {
    const s = computeSignature(parts);
    return `TC3-HMAC-SHA256 Credential=${secretId}/${s.credentialScope}, ` +
        `SignedHeaders=${s.signedHeaders}, Signature=${s.signature}`;
}
