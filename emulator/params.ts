/**
 * Small readers for request parameters: each returns the typed value or throws the CDN API's parameter error.
 */
import { ApiError, ERROR_CODES, paramError } from "./errors";
import { parseApiTime } from "../provider/base/time";

/** A request body after JSON parsing. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * Reads an optional string parameter.
 *
 * @example
 * optionalString({ TaskId: "1" }, "TaskId"); // "1"
 */
export function optionalString(params: Params, name: string): string | undefined {
    const v = params[name];
    if (v === undefined || v === null) {
        return undefined;
    }
    if (typeof v !== "string") {
        throw paramError(`${name} must be a string.`);
    }
    return v;
}

/**
 * Reads an optional string parameter that must be one of `allowed`.
 *
 * @example
 * optionalEnum({ Status: "done" }, "Status", ["done", "fail", "process"] as const); // "done"
 */
export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
    const v = optionalString(params, name);
    if (v !== undefined && !(allowed as readonly string[]).includes(v)) {
        throw paramError(`${name} must be one of ${allowed.join(", ")}.`);
    }
    return v as T | undefined;
}

/**
 * Reads an optional integer within [min, max].
 *
 * @example
 * optionalInteger({ Limit: 50 }, "Limit", 1, 1000); // 50
 */
export function optionalInteger(params: Params, name: string, min: number, max: number): number | undefined {
    const v = params[name];
    if (v === undefined || v === null) {
        return undefined;
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
        throw paramError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return v;
}

/**
 * Reads an optional boolean.
 *
 * @example
 * optionalBoolean({ UrlEncode: true }, "UrlEncode"); // true
 */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
    const v = params[name];
    if (v === undefined || v === null) {
        return undefined;
    }
    if (typeof v !== "boolean") {
        throw paramError(`${name} must be a boolean.`);
    }
    return v;
}

/**
 * Reads an optional `YYYY-MM-DD HH:mm:ss` Beijing time as epoch milliseconds.
 *
 * @example
 * optionalApiTime({ StartTime: "2018-08-08 00:00:00" }, "StartTime"); // 1533657600000
 */
export function optionalApiTime(params: Params, name: string): number | undefined {
    const v = optionalString(params, name);
    if (v === undefined) {
        return undefined;
    }
    const t = parseApiTime(v);
    if (!t) {
        throw paramError(`${name} must look like 2018-08-08 00:00:00 (Beijing time).`);
    }
    return t.getTime();
}

/**
 * Reads a required, non-empty list of http(s) URLs.
 *
 * @example
 * urlList({ Urls: ["https://a.com/x"] }, "Urls"); // ["https://a.com/x"]
 */
export function urlList(params: Params, name: string): string[] {
    const v = params[name];
    if (!Array.isArray(v) || v.length === 0 || v.some((u) => typeof u !== "string")) {
        throw paramError(`${name} must be a non-empty list of URLs.`);
    }
    const bad = (v as string[]).find((u) => !/^https?:\/\/[^/\s]+/i.test(u));
    if (bad !== undefined) {
        throw new ApiError(ERROR_CODES.cdnUrlInvalid, `Invalid URL '${bad}': it must start with http:// or https://.`);
    }
    return v as string[];
}
