/**
 * The CDN resources' inputs as the engine side uses them: checked by the one description of each resource, then
 * read into the shapes the submissions and waits take.
 */
import { PATH_PURGE, URL_PURGE } from "./description";
import { StoredValuesOf, withoutWaitOptions } from "../description";
import { PurgeArea, PurgePathsRequest, PurgeType, PurgeUrlsRequest } from "./types";

/** What a PurgeTaskWaiter waits for: one task, several (`taskIds`), or every task matching a filter. */
export interface WaitTarget {
    readonly taskId?: string;
    readonly taskIds?: readonly string[];
    readonly keyword?: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly purgeType?: PurgeType;
    readonly area?: PurgeArea;
}

/**
 * A UrlPurge's or a PathPurge's request, built once from its checked inputs and handed whole to the submission
 * and the client: the fields are the description's, `kind` says which call takes them.
 *
 * @example
 * const req: PurgeRequest = { kind: "path", paths: ["https://www.example.com/static/"], flushType: "delete" };
 */
export type PurgeRequest = ({ readonly kind: "url" } & PurgeUrlsRequest) | ({ readonly kind: "path" } & PurgePathsRequest);

/** A list the request cannot be sent without, once the preview's placeholders are gone. */
function needed<T>(name: string, value: T | undefined): T {
    if (value === undefined) {
        throw new Error(`${name} must be known before the purge is submitted`);
    }
    return value;
}

/**
 * UrlPurge's request from its inputs already checked by its description.
 *
 * @example
 * urlPurgeRequest(validateInputs(URL_PURGE, { urls: ["https://www.example.com/"], area: "mainland" })).urls;
 */
export function urlPurgeRequest(checked: StoredValuesOf<typeof URL_PURGE.inputs>): PurgeRequest {
    const sent = withoutWaitOptions(checked);
    return { kind: "url", ...sent, urls: needed("urls", sent.urls) };
}

/**
 * PathPurge's request from its inputs already checked by its description.
 *
 * @example
 * pathPurgeRequest(validateInputs(PATH_PURGE, { paths: ["https://www.example.com/static/"], flushType: "delete" })).paths;
 */
export function pathPurgeRequest(checked: StoredValuesOf<typeof PATH_PURGE.inputs>): PurgeRequest {
    const sent = withoutWaitOptions(checked);
    return { kind: "path", ...sent, paths: needed("paths", sent.paths), flushType: sent.flushType ?? "flush" };
}

/**
 * The URLs or directories of a request, in submission order.
 *
 * @example
 * itemsOf({ kind: "url", urls: ["https://www.example.com/"] }); // ["https://www.example.com/"]
 */
export function itemsOf(req: PurgeRequest): readonly string[] {
    return req.kind === "url" ? req.urls : req.paths;
}

/**
 * The same request for only `items`: a batch, or what a failed purge still needs.
 *
 * @example
 * withItems(req, ["https://www.example.com/a"]);
 */
export function withItems(req: PurgeRequest, items: readonly string[]): PurgeRequest {
    return req.kind === "url" ? { ...req, urls: items } : { ...req, paths: items };
}
