/**
 * The CDN resources' inputs as the engine side uses them: checked by the one description of each resource, then
 * read into the shapes the submissions and waits take.
 */
import { FlushType, PurgeArea, PurgeType } from "./types";

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

/** The inputs of UrlPurge and PathPurge. */
export interface PurgeRequest {
    readonly kind: "url" | "path";
    readonly items: readonly string[];
    readonly flushType: FlushType;
    readonly area?: PurgeArea;
    readonly urlEncode?: boolean;
}

/**
 * A purge resource's request from its inputs already checked by its description (`items` undefined while unknown).
 *
 * @example
 * purgeRequestOf("path", validateInputs(PATH_PURGE, { paths: ["https://www.example.com/static/"], flushType: "delete" })).items;
 */
export function purgeRequestOf(kind: "url" | "path", known: Readonly<Record<string, unknown>>):
    Omit<PurgeRequest, "items"> & { items?: readonly string[] } {
    return {
        kind,
        items: (kind === "url" ? known.urls : known.paths) as readonly string[] | undefined,
        flushType: kind === "url" ? "flush" : (known.flushType ?? "flush") as FlushType,
        area: known.area as PurgeArea | undefined,
        urlEncode: known.urlEncode as boolean | undefined,
    };
}
