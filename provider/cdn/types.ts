/**
 * The shapes of the CDN purge API as this package presents them: camel-case, lower-case status, and
 * `null` where the API may leave a field out. What the package sends follows from the description: a query is
 * getPurgeTasks' checked arguments, a submission a purge resource's checked inputs but the wait's own.
 */
import type { GET_PURGE_TASKS, PATH_PURGE, URL_PURGE } from "./description";
import type { RequestValuesOf, StoredValuesOf } from "../description";

/**
 * A purge task's state. The API documents these three; its own example answers `Done`, so we lower-case.
 *
 * @example
 * const failed = (await getPurgeTasks({ taskId })).purgeLogs.filter((r) => r.status === "fail");
 */
export type PurgeStatus = "done" | "process" | "fail";
/**
 * What a purge record is for: a single URL, or a directory (path) prefix.
 *
 * @example
 * await getPurgeTasks({ startTime: "2026-11-29 00:00:00", purgeType: "path" });
 */
export type PurgeType = "url" | "path";
/**
 * How a directory purge treats cached content: `flush` only changed resources, `delete` everything under the path.
 *
 * @example
 * new PathPurge("static", { paths: ["https://www.example.com/static/"], flushType: "delete" });
 */
export type FlushType = "flush" | "delete";
/**
 * Where a purge (or a prefetch) applies.
 *
 * @example
 * new UrlPurge("site", { urls: ["https://www.example.com/index.html"], area: "global" });
 */
export type PurgeArea = "mainland" | "overseas" | "global";

export const PURGE_STATUSES: readonly PurgeStatus[] = ["done", "process", "fail"];
export const PURGE_TYPES: readonly PurgeType[] = ["url", "path"];
export const FLUSH_TYPES: readonly FlushType[] = ["flush", "delete"];
export const PURGE_AREAS: readonly PurgeArea[] = ["mainland", "overseas", "global"];

/**
 * One record of a purge task. A task submitted with many URLs shows as many records sharing a `taskId`.
 *
 * @example
 * const t: PurgeTask = { taskId: "1533", url: "https://www.example.com/", status: "done",
 *     purgeType: "url", flushType: "flush", createTime: "2026-11-29 10:00:00" };
 */
export interface PurgeTask {
    readonly taskId: string | null;
    readonly url: string | null;
    /** Lower-cased; `null` when the API gives none. Anything but `done` or `fail` means not finished. */
    readonly status: PurgeStatus | null;
    readonly purgeType: PurgeType | null;
    readonly flushType: FlushType | null;
    /** As the API gives it: `YYYY-MM-DD HH:mm:ss`, Beijing time. */
    readonly createTime: string | null;
}

/**
 * The API's DescribePurgeTasks filters, already validated and in the API's own formats: getPurgeTasks' arguments.
 *
 * @example
 * const query: DescribePurgeTasksQuery = { keyword: "www.example.com", startTime: "2026-11-29 00:00:00", limit: 100 };
 */
export type DescribePurgeTasksQuery = StoredValuesOf<typeof GET_PURGE_TASKS.inputs>;

/**
 * What PurgeUrlsCache sends: UrlPurge's inputs but the wait's own, as checked.
 *
 * @example
 * const req: PurgeUrlsRequest = { urls: ["https://www.example.com/index.html"], area: "mainland" };
 */
export type PurgeUrlsRequest = RequestValuesOf<typeof URL_PURGE.inputs>;

/**
 * What PurgePathCache sends: PathPurge's inputs but the wait's own, as checked.
 *
 * @example
 * const req: PurgePathsRequest = { paths: ["https://www.example.com/static/"], flushType: "delete" };
 */
export type PurgePathsRequest = RequestValuesOf<typeof PATH_PURGE.inputs>;

/** One page of DescribePurgeTasks. */
export interface PurgeTaskPage {
    readonly purgeLogs: readonly PurgeTask[];
    /** All matching records, on every page; `null` when the API gives none. */
    readonly totalCount: number | null;
    readonly requestId: string;
}

/** What a submission (PurgeUrlsCache or PurgePathCache) answers. */
export interface PurgeSubmission {
    readonly taskId: string;
    readonly requestId: string;
}

/** One line of DescribePurgeQuota. */
export interface PurgeQuota {
    /** Most URLs or paths in one request. */
    readonly batch: number;
    /** Daily allowance. */
    readonly total: number;
    /** What is left of it today. */
    readonly available: number;
    readonly area: string;
}

export interface PurgeQuotas {
    readonly urlPurge: readonly PurgeQuota[];
    readonly pathPurge: readonly PurgeQuota[];
    readonly requestId: string;
}

/**
 * The calls the rest of the package makes to the API. {@link PurgeClient} implements it over the official
 * SDK; tests may pass their own.
 */
export interface PurgeApi {
    describePurgeTasks(query: DescribePurgeTasksQuery, signal?: AbortSignal): Promise<PurgeTaskPage>;
    purgeUrlsCache(req: PurgeUrlsRequest, signal?: AbortSignal): Promise<PurgeSubmission>;
    purgePathCache(req: PurgePathsRequest, signal?: AbortSignal): Promise<PurgeSubmission>;
    describePurgeQuota(signal?: AbortSignal): Promise<PurgeQuotas>;
}
