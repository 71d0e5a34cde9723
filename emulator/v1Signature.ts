/**
 * The v1 signature of Tencent Cloud API 3.0 (`HmacSHA1` or `HmacSHA256`), which older clients and the SDKs'
 * `signMethod` option still use: every parameter, the signature's own included, travels in the query string (GET)
 * or a form-encoded body (POST), and the signature is a base64 HMAC of the method, host, path and sorted
 * parameters.
 */
import * as crypto from "crypto";

/**
 * The v1 signature methods, as the `SignatureMethod` parameter names them; without the parameter the API
 * takes HmacSHA1.
 *
 * @example
 * V1_SIGNATURE_METHODS.includes("HmacSHA256"); // true
 */
export const V1_SIGNATURE_METHODS = ["HmacSHA1", "HmacSHA256"] as const;

/** One of {@link V1_SIGNATURE_METHODS}. */
export type V1SignatureMethod = typeof V1_SIGNATURE_METHODS[number];

/** What a v1 signature covers. */
export interface V1SignatureParts {
    /** `GET` or `POST`. */
    readonly method: string;
    /** The host as the client signed it: the SDKs sign their endpoint, port included when it has one. */
    readonly host: string;
    /** Defaults to `/`. */
    readonly path?: string;
    /** Every parameter as sent, decoded; `Signature` itself is left out of the string to sign. */
    readonly params: Readonly<Record<string, string>>;
}

/**
 * The string a v1 signature signs: `METHOD` + host + path + `?` + `key=value` pairs sorted by key and joined by
 * `&`, with the values as they are (not URL-encoded).
 *
 * @example
 * v1StringToSign({ method: "GET", host: "cdn.tencentcloudapi.com", params: { Nonce: "1", Action: "DescribePurgeQuota" } });
 * // "GETcdn.tencentcloudapi.com/?Action=DescribePurgeQuota&Nonce=1"
 */
export function v1StringToSign(parts: V1SignatureParts): string {
    const pairs = Object.keys(parts.params).filter((k) => k !== "Signature")
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((k) => `${k}=${parts.params[k]}`);
    return `${parts.method.toUpperCase()}${parts.host}${parts.path ?? "/"}?${pairs.join("&")}`;
}

/**
 * Computes a v1 signature: base64 of the HMAC (SHA-1 or SHA-256) of {@link v1StringToSign} with the secret key.
 *
 * @example
 * computeV1Signature("testkey", "HmacSHA256", { method: "POST", host: "127.0.0.1:9000", params: { Action: "DescribePurgeQuota" } });
 */
export function computeV1Signature(secretKey: string, method: V1SignatureMethod, parts: V1SignatureParts): string {
    const algorithm = method === "HmacSHA256" ? "sha256" : "sha1";
    return crypto.createHmac(algorithm, secretKey).update(v1StringToSign(parts), "utf8").digest("base64");
}
