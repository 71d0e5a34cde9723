/**
 * The shapes of the CDN push (prefetch) API as this package presents them: camel-case, lower-case status, and
 * `null` where the API may leave a field out.
 */
import { PurgeArea, PurgeQuota } from "./types";

/**
 * A pushed URL's state: `process` until it ends `done`, `fail`, or `invalid` (the origin answered 4xx/5xx).
 *
 * @example
 * const failed = (await getPushTasks({ taskId })).pushLogs.filter((r) => r.status === "invalid");
 */
export type PushStatus = "done" | "process" | "fail" | "invalid";
export const PUSH_STATUSES: readonly PushStatus[] = ["done", "process", "fail", "invalid"];

/**
 * One record of a push task: one per URL, sharing the task's `taskId`.
 *
 * @example
 * const t: PushTask = { taskId: "1533", url: "https://www.example.com/app.js", status: "done", percent: 100,
 *     area: "mainland", createTime: "2026-11-29 10:00:00", updateTime: "2026-11-29 10:06:12" };
 */
export interface PushTask {
    readonly taskId: string | null;
    readonly url: string | null;
    /** Lower-cased; `null` when the API gives none. */
    readonly status: PushStatus | null;
    readonly percent: number | null;
    readonly area: PurgeArea | null;
    /** `YYYY-MM-DD HH:mm:ss`, Beijing time, as the API gives it. */
    readonly createTime: string | null;
    readonly updateTime: string | null;
}

/** The API's DescribePushTasks filters, validated and in the API's own formats. */
export interface DescribePushTasksQuery {
    readonly taskId?: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly keyword?: string;
    readonly area?: PurgeArea;
    readonly status?: PushStatus;
    readonly offset?: number;
    readonly limit?: number;
}

/** One page of DescribePushTasks. */
export interface PushTaskPage {
    readonly pushLogs: readonly PushTask[];
    readonly totalCount: number | null;
    readonly requestId: string;
}

/**
 * One custom header sent to the origin with the prefetch requests; its value is kept secret in the state.
 *
 * @example
 * const header: PushHeader = { name: "X-Warm-Up", value: "release-42" };
 */
export interface PushHeader {
    readonly name: string;
    readonly value: string;
}

/** What PushUrlsCache takes, besides the URLs of one batch. */
export interface PushOptions {
    readonly area?: PurgeArea;
    readonly layer?: "middle";
    readonly userAgent?: string;
    readonly parseM3U8?: boolean;
    readonly disableRange?: boolean;
    readonly headers?: readonly PushHeader[];
    readonly urlEncode?: boolean;
}

/** The inputs of UrlPush as the engine side uses them. */
export interface PushRequest extends PushOptions {
    readonly items: readonly string[];
}

/** DescribePushQuota's answer: one line per area. */
export interface PushQuotas {
    readonly urlPush: readonly PurgeQuota[];
    readonly requestId: string;
}

/**
 * The push calls the package makes. {@link PurgeClient} implements them over the official SDK; tests may pass
 * their own.
 */
export interface PushApi {
    describePushTasks(query: DescribePushTasksQuery, signal?: AbortSignal): Promise<PushTaskPage>;
    pushUrlsCache(req: PushOptions & { urls: readonly string[] }, signal?: AbortSignal): Promise<{ taskId: string; requestId: string }>;
    describePushQuota(signal?: AbortSignal): Promise<PushQuotas>;
}
