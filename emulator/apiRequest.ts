/**
 * One API request as the pipeline reads it, whatever way the client sent it: TC3-HMAC-SHA256 with a JSON body
 * (POST) or a query string (GET), with action and version in `X-TC-*` headers; or v1-signed, with every
 * parameter in the query string (GET) or a form-encoded body (POST).
 */
import * as http from "http";
import { ApiError, CORE_ERROR_CODES } from "./errors";
import { nestParams, parseFlatParams, ParamKind } from "./formParams";

/**
 * The common parameters of a v1 request (and of a GET query, where clients may repeat them); the rest are the
 * action's own.
 *
 * @example
 * COMMON_PARAMS.includes("Signature"); // true
 */
const COMMON_PARAMS = ["Action", "Version", "Region", "Timestamp", "Nonce", "SecretId", "Signature",
    "SignatureMethod", "Token", "Language", "RequestClient"] as const;

/** How a request is signed: TC3 (an Authorization header), v1 (signature parameters), or not at all. */
export type Signing = "tc3" | "v1" | "none";

/** A request read off the wire, before any check. */
export interface ApiRequest {
    readonly method: string;
    readonly path: string;
    /** The query string as sent, without `?`. */
    readonly query: string;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: Buffer;
    readonly signing: Signing;
    /** `X-TC-Action`, or the `Action` parameter; empty when missing. */
    readonly action: string;
    /** `X-TC-Version`, or the `Version` parameter; empty when missing. */
    readonly version: string;
    /** The Host header as sent. */
    readonly host: string;
    /** Parameters that came flat (query string or form body), decoded; empty for a JSON body. */
    readonly flat: Readonly<Record<string, string>>;
}

const headerOf = (req: http.IncomingMessage, name: string): string => {
    const v = req.headers[name];
    return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
};

const isForm = (contentType: string): boolean => /^application\/x-www-form-urlencoded\b/i.test(contentType);

/**
 * Reads method, path, action, version, signing style and flat parameters of a request whose body was read.
 *
 * @example
 * const request = readApiRequest(req, body);
 * request.signing; // "tc3" when an Authorization header came
 */
export function readApiRequest(req: http.IncomingMessage, body: Buffer): ApiRequest {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? "" : url.slice(q + 1);
    const method = (req.method ?? "POST").toUpperCase();
    const flat = method === "GET" ? parseFlatParams(query)
        : isForm(headerOf(req, "content-type")) ? parseFlatParams(body.toString("utf8")) : {};
    const signing: Signing = headerOf(req, "authorization") !== "" ? "tc3"
        : flat.Signature !== undefined || flat.SecretId !== undefined ? "v1" : "none";
    return {
        method, path, query, headers: req.headers, body, signing, flat, host: headerOf(req, "host"),
        action: headerOf(req, "x-tc-action") || (flat.Action ?? ""),
        version: headerOf(req, "x-tc-version") || (flat.Version ?? ""),
    };
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
    let value: unknown;
    try {
        value = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch {
        throw new ApiError(CORE_ERROR_CODES.invalidParameter, "The request body is not valid JSON.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new ApiError(CORE_ERROR_CODES.invalidParameter, "The request body must be a JSON object.");
    }
    return value as Record<string, unknown>;
}

/**
 * The action's own parameters: the JSON body of a POST, or the flat parameters nested and typed by `kinds`.
 * Throws `InvalidParameter` for a JSON body that is not an object.
 *
 * @example
 * actionParams(request, { Limit: "integer" }); // { TaskId: "1", Limit: 10 }
 */
export function actionParams(request: ApiRequest, kinds: Readonly<Record<string, ParamKind>>): Record<string, unknown> {
    const flatBody = request.method === "GET" || isForm(String(request.headers["content-type"] ?? ""));
    return flatBody ? nestParams(request.flat, kinds, COMMON_PARAMS) : parseJsonObject(request.body);
}
