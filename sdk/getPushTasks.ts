/**
 * The data source over DescribePushTasks. Dynamic providers cannot serve invokes, so this runs in the program's
 * own process.
 */
import * as pulumi from "@pulumi/pulumi";
import { clientFor } from "../provider/cdn/clients";
import { ConnectionInput } from "../provider/client/connection";
import { answerGetPushTasks, toPushQuery } from "../provider/cdn/getPushTasks";
import { PurgeArea } from "../provider/cdn/types";
import { PushStatus, PushTask } from "../provider/cdn/pushTypes";
import { readingOutput, ReadingOutputOptions } from "./readingOutput";
import { programConfig, TaskListing } from "./taskListing";

/**
 * Filters of DescribePushTasks. Give `taskId` or `startTime`.
 *
 * @example
 * const args: GetPushTasksArgs = { startTime: "2026-11-29 00:00:00", status: "invalid" };
 */
export interface GetPushTasksArgs {
    /** A task id as PushUrlsCache returned it. */
    readonly taskId?: string;
    /** A `Date`, Beijing time `"YYYY-MM-DD HH:mm:ss"`, or ISO-8601 with a zone. */
    readonly startTime?: Date | string;
    readonly endTime?: Date | string;
    /** A domain (`www.example.com`) or a full URL starting with `http://` or `https://`. */
    readonly keyword?: string;
    readonly area?: PurgeArea;
    /** `done`, `process`, `fail` or `invalid` (the origin answered 4xx/5xx). */
    readonly status?: PushStatus;
    /** With `offset` or `limit`, one page is returned as the API gives it; without both, every page. */
    readonly offset?: number;
    /** Records in the one page, 1..100. */
    readonly limit?: number;
}

/**
 * {@link GetPushTasksArgs} whose fields may be Outputs.
 *
 * @example
 * const args: GetPushTasksOutputArgs = { taskId: warm.taskId };
 */
export type GetPushTasksOutputArgs = { readonly [K in keyof GetPushTasksArgs]?: pulumi.Input<GetPushTasksArgs[K]> };

/**
 * How to reach the API; everything else comes from stack config or the environment.
 *
 * @example
 * await getPushTasks({ taskId: "1533" }, { connection: { region: "ap-singapore" } });
 */
export interface GetPushTasksOptions {
    readonly connection?: ConnectionInput;
    readonly signal?: AbortSignal;
}

/**
 * What DescribePushTasks found.
 *
 * @example
 * const { pushLogs } = await getPushTasks({ taskId: "1533" }); // one record per URL, with its percent
 */
export interface GetPushTasksResult extends TaskListing {
    readonly pushLogs: readonly PushTask[];
}

/**
 * Reads push (prefetch) tasks. Arguments are checked before any request; without `offset`/`limit` every page is read.
 *
 * @example
 * const { pushLogs } = await getPushTasks({ taskId: warm.taskId });
 * const cold = pushLogs.filter((t) => t.status === "invalid");
 */
export async function getPushTasks(args: GetPushTasksArgs, opts: GetPushTasksOptions = {}): Promise<GetPushTasksResult> {
    const query = toPushQuery(args);
    return answerGetPushTasks(clientFor(opts.connection, programConfig), query, { signal: opts.signal });
}

/**
 * {@link getPushTasks} for Outputs: waits for its inputs and keeps their secretness.
 *
 * @example
 * export const invalid = getPushTasksOutput({ startTime: "2026-11-29 00:00:00", status: "invalid" }).pushLogs;
 */
export function getPushTasksOutput(args: GetPushTasksOutputArgs, opts: ReadingOutputOptions = {}): pulumi.Output<GetPushTasksResult> {
    return readingOutput(args, opts, toPushQuery, (a, connection) => getPushTasks(a as GetPushTasksArgs, { connection }));
}
