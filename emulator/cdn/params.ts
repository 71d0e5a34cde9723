/**
 * The CDN actions' parameter readers: the core's, answering `InvalidParameter.CdnParamError`, plus the CDN's own
 * time format and URL lists.
 */
import { ApiError } from "../errors";
import { paramReaders, Params } from "../params";
import { parseApiTime } from "../../provider/base/time";
import { CDN_ERROR_CODES, paramError } from "./errors";

/**
 * The core's readers with the CDN's parameter error.
 *
 * @example
 * optionalEnum({ Status: "done" }, "Status", ["done", "fail", "process"] as const); // "done"
 */
export const { optionalString, optionalEnum, optionalInteger, optionalBoolean } = paramReaders(paramError);

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
        throw new ApiError(CDN_ERROR_CODES.cdnUrlInvalid, `Invalid URL '${bad}': it must start with http:// or https://.`);
    }
    return v as string[];
}
