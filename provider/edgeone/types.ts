/**
 * The shapes of EdgeOne's purge API (service `teo`, 2022-09-01) as this package presents them: camel-case,
 * lower-case status, and `null` where the API may leave a field out. A submission follows from `edgeone.Purge`'s
 * description: its checked inputs but the wait's own.
 */
import type { EDGEONE_PURGE } from "./description";
import type { RequestValuesOf } from "../description";

/**
 * A task's state: `processing`, then one of the four endings.
 *
 * @example
 * const failed: EdgeOneStatus[] = ["failed", "timeout", "canceled"];
 */
export type EdgeOneStatus = "processing" | "success" | "failed" | "timeout" | "canceled";
/**
 * What a purge covers: URLs, URL prefixes, whole hosts, the whole zone, or cache tags.
 *
 * @example
 * const type: EdgeOnePurgeType = "purge_prefix";
 */
export type EdgeOnePurgeType = "purge_url" | "purge_prefix" | "purge_host" | "purge_all" | "purge_cache_tag";
/**
 * `invalidate` marks cached content stale (revalidated on the next request); `delete` drops it.
 *
 * @example
 * const method: EdgeOneMethod = "delete"; // prefix, host and all only
 */
export type EdgeOneMethod = "invalidate" | "delete";

export const EDGEONE_STATUSES: readonly EdgeOneStatus[] = ["processing", "success", "failed", "timeout", "canceled"];
export const EDGEONE_PURGE_TYPES: readonly EdgeOnePurgeType[] = ["purge_url", "purge_prefix", "purge_host", "purge_all", "purge_cache_tag"];
export const EDGEONE_METHODS: readonly EdgeOneMethod[] = ["invalidate", "delete"];

/**
 * What every EdgeOne task says, a purge's or a prefetch's: its job, its target, its status (lower-cased) and times.
 *
 * @example
 * const t: EdgeOneTask = { jobId: "1379afjk91u32h", target: "https://www.example.com/a.png", status: "success",
 *     createTime: "2026-12-04T20:00:00+08:00", updateTime: "2026-12-04T20:05:00+08:00", failType: null, failMessage: null };
 */
export interface EdgeOneTask {
    readonly jobId: string | null;
    readonly target: string | null;
    readonly status: string | null;
    readonly createTime: string | null;
    readonly updateTime: string | null;
    readonly failType: string | null;
    readonly failMessage: string | null;
}

/**
 * One task of an EdgeOne purge job: a job shows as one task per target.
 *
 * @example
 * const t: EdgeOnePurgeTask = { jobId: "1379afjk91u32h", target: "https://www.example.com/a.png", type: "purge_url",
 *     method: "invalidate", status: "failed", createTime: "2026-12-04T20:00:00+08:00",
 *     updateTime: "2026-12-04T20:00:07+08:00", failType: "originPullFailed", failMessage: "origin answered 502" };
 */
export interface EdgeOnePurgeTask extends EdgeOneTask {
    readonly jobId: string | null;
    readonly target: string | null;
    readonly type: EdgeOnePurgeType | null;
    readonly method: EdgeOneMethod | null;
    /** Lower-cased; anything but the four endings means not finished. */
    readonly status: EdgeOneStatus | null;
    /** ISO 8601 with an offset, as the API gives it. */
    readonly createTime: string | null;
    /** When the task finished (ISO 8601). */
    readonly updateTime: string | null;
    /** Why it failed: `taskFailed`, `quotaExceeded`, `downloadManifestFailed`, `accessDenied`, `originPullFailed`. */
    readonly failType: string | null;
    readonly failMessage: string | null;
}

/** One DescribePurgeTasks filter, as the API takes it (DescribePrefetchTasks takes all but `type`). */
export interface EdgeOneFilter {
    readonly name: "job-id" | "target" | "domains" | "statuses" | "type";
    readonly values: readonly string[];
}

/** A validated DescribePurgeTasks query, in the API's formats. */
export interface EdgeOneTaskQuery {
    readonly zoneId: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly filters?: readonly EdgeOneFilter[];
    readonly offset?: number;
    readonly limit?: number;
}

/** One page of DescribePurgeTasks (or, with prefetch tasks, of DescribePrefetchTasks). */
export interface EdgeOneTaskPage<T extends EdgeOneTask = EdgeOnePurgeTask> {
    readonly tasks: readonly T[];
    readonly totalCount: number | null;
    readonly requestId: string;
}

/** Targets CreatePurgeTask refused at submission, with the reason. */
export interface EdgeOneRefusal {
    readonly reason: string;
    readonly targets: readonly string[];
}

/** What CreatePurgeTask answers. */
export interface EdgeOneSubmission {
    readonly jobId: string;
    readonly failedList: readonly EdgeOneRefusal[];
    readonly requestId: string;
}

/**
 * A CreatePurgeTask request: `edgeone.Purge`'s inputs but the wait's own, as checked; `targets` always present
 * (empty for `purge_all`).
 *
 * @example
 * const req: EdgeOnePurgeRequest = { zoneId: "zone-2noz78a8ev6k", type: "purge_prefix", targets: ["https://www.example.com/static/"] };
 */
export type EdgeOnePurgeRequest = Omit<RequestValuesOf<typeof EDGEONE_PURGE.inputs>, "targets"> & { readonly targets: readonly string[] };

/** One line of DescribeContentQuota's PurgeQuota. */
export interface EdgeOneQuota {
    readonly type: string;
    /** Most targets in one CreatePurgeTask. */
    readonly batch: number;
    readonly daily: number;
    readonly dailyAvailable: number;
}

/**
 * The EdgeOne calls the rest of the package makes. {@link EdgeOneClient} implements it over the official SDK.
 */
export interface EdgeOneApi {
    describePurgeTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage>;
    createPurgeTask(request: EdgeOnePurgeRequest, signal?: AbortSignal): Promise<EdgeOneSubmission>;
    describeContentQuota(zoneId: string, signal?: AbortSignal): Promise<readonly EdgeOneQuota[]>;
}

/**
 * A prefetch task's state: `processing`, then one of five endings; `invalid` means the origin answered 4xx/5xx.
 *
 * @example
 * const failed: EdgeOnePrefetchStatus[] = ["failed", "timeout", "canceled", "invalid"];
 */
export type EdgeOnePrefetchStatus = EdgeOneStatus | "invalid";
export const EDGEONE_PREFETCH_STATUSES: readonly EdgeOnePrefetchStatus[] = [...EDGEONE_STATUSES, "invalid"];
/**
 * Where a prefetch warms: `default` the middle tier, `edge` the edge too (allow-listed accounts).
 *
 * @example
 * const mode: EdgeOnePrefetchMode = "edge";
 */
export type EdgeOnePrefetchMode = "default" | "edge";
export const EDGEONE_PREFETCH_MODES: readonly EdgeOnePrefetchMode[] = ["default", "edge"];
/**
 * `on` prefetches the segments an M3U8 playlist lists (up to 3 levels), `off` only the playlist.
 *
 * @example
 * const segments: EdgeOneSwitch = "on";
 */
export type EdgeOneSwitch = "on" | "off";
export const EDGEONE_SWITCHES: readonly EdgeOneSwitch[] = ["on", "off"];

/**
 * One task of an EdgeOne prefetch job: a job shows as one task per URL.
 *
 * @example
 * const t: EdgeOnePrefetchTask = { jobId: "1379afjk91u32h", target: "https://www.example.com/missing.js",
 *     status: "invalid", createTime: "2026-12-04T20:00:00+08:00", updateTime: "2026-12-04T20:06:00+08:00",
 *     failType: "originPullFailed", failMessage: "the origin answered 404" };
 */
export interface EdgeOnePrefetchTask extends EdgeOneTask {
    readonly status: EdgeOnePrefetchStatus | null;
}

/**
 * An HTTP header a prefetch sends to the origin; its value is kept secret in the state.
 *
 * @example
 * const header: EdgeOneHeader = { name: "Authorization", value: originToken };
 */
export interface EdgeOneHeader {
    readonly name: string;
    readonly value: string;
}

/** A CreatePrefetchTask request. */
export interface EdgeOnePrefetchRequest {
    readonly zoneId: string;
    readonly targets: readonly string[];
    readonly mode?: EdgeOnePrefetchMode;
    readonly headers?: readonly EdgeOneHeader[];
    readonly prefetchMediaSegments?: EdgeOneSwitch;
}

/**
 * The EdgeOne prefetch calls. {@link EdgeOneClient} implements it beside {@link EdgeOneApi}.
 */
export interface EdgeOnePrefetchApi {
    describePrefetchTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage<EdgeOnePrefetchTask>>;
    createPrefetchTask(request: EdgeOnePrefetchRequest, signal?: AbortSignal): Promise<EdgeOneSubmission>;
    /** DescribeContentQuota's `PrefetchQuota` (the `prefetch_url` line). */
    describePrefetchQuota(zoneId: string, signal?: AbortSignal): Promise<readonly EdgeOneQuota[]>;
}

/**
 * A listing of EdgeOne tasks in DescribePurgeTasks's shape, which paging, the poller's reader and the recent
 * durations read. {@link EdgeOneApi} is the purge listing as it is; `prefetchListing` gives DescribePrefetchTasks
 * the same face.
 */
export interface EdgeOneTaskListing<T extends EdgeOneTask = EdgeOnePurgeTask> {
    describePurgeTasks(query: EdgeOneTaskQuery, signal?: AbortSignal): Promise<EdgeOneTaskPage<T>>;
}
