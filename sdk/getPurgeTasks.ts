/**
 * The data source over DescribePurgeTasks. Dynamic providers cannot serve invokes, so this runs in the
 * program's own process.
 */
import * as pulumi from "@pulumi/pulumi";
import { clientFor } from "../provider/cdn/clients";
import { ConnectionInput } from "../provider/client/connection";
import { iteratePages } from "../provider/cdn/paging";
import { answerGetPurgeTasks } from "../provider/cdn/getPurgeTasksAnswer";
import { MAX_LIMIT, toTaskQuery } from "../provider/cdn/getPurgeTasksQuery";
import { optionalInteger } from "../provider/description/validation";
import { PurgeArea, PurgeStatus, PurgeTask, PurgeType } from "../provider/cdn/types";
import { readingOutput, ReadingOutputOptions } from "./readingOutput";
import { programConfig, TaskListing } from "./taskListing";

/**
 * Filters of DescribePurgeTasks. Give `taskId` or `startTime`.
 *
 * @example
 * const args: GetPurgeTasksArgs = { startTime: "2026-11-29 00:00:00", status: "fail" };
 */
export interface GetPurgeTasksArgs {
    /** A task id as PurgeUrlsCache or PurgePathCache returned it. */
    readonly taskId?: string;
    /** A `Date`, Beijing time `"YYYY-MM-DD HH:mm:ss"`, or ISO-8601 with a zone. */
    readonly startTime?: Date | string;
    readonly endTime?: Date | string;
    readonly purgeType?: PurgeType;
    readonly status?: PurgeStatus;
    readonly area?: PurgeArea;
    /** A domain (`www.example.com`) or a full URL starting with `http://` or `https://`. */
    readonly keyword?: string;
    /** With `offset` or `limit`, one page is returned as the API gives it; without both, every page. */
    readonly offset?: number;
    /** Records in the one page, 1..1000. */
    readonly limit?: number;
}

/**
 * {@link GetPurgeTasksArgs} whose fields may be Outputs.
 *
 * @example
 * const args: GetPurgeTasksOutputArgs = { taskId: site.taskId };
 */
export type GetPurgeTasksOutputArgs = { readonly [K in keyof GetPurgeTasksArgs]?: pulumi.Input<GetPurgeTasksArgs[K]> };

/**
 * How to reach the API; everything else comes from stack config or the environment.
 *
 * @example
 * await getPurgeTasks({ taskId: "1533" }, { connection: { region: "ap-singapore" } });
 */
export interface GetPurgeTasksOptions {
    readonly connection?: ConnectionInput;
    /** Records per request when reading every page, 1..1000. Default 100. */
    readonly pageSize?: number;
    readonly signal?: AbortSignal;
}

/**
 * {@link GetPurgeTasksOptions} for {@link getPurgeTasksOutput}: connection values may be (secret) Outputs, and
 * `dependsOn` orders the read after resources, as Pulumi's `InvokeOutputOptions.dependsOn` does for invokes.
 *
 * @example
 * getPurgeTasksOutput({ taskId: site.taskId }, { dependsOn: [site] });
 */
export interface GetPurgeTasksOutputOptions extends ReadingOutputOptions {
    readonly pageSize?: number;
}

/**
 * What DescribePurgeTasks found.
 *
 * @example
 * const { purgeLogs, totalCount } = await getPurgeTasks({ taskId: "1533" });
 */
export interface GetPurgeTasksResult extends TaskListing {
    readonly purgeLogs: readonly PurgeTask[];
}

/**
 * Reads purge tasks. Arguments are checked before any request; without `offset`/`limit` every page is read.
 *
 * @example
 * const { purgeLogs } = await getPurgeTasks({ keyword: "www.example.com", startTime: "2026-11-29 00:00:00" });
 * const failed = purgeLogs.filter((t) => t.status === "fail");
 */
export async function getPurgeTasks(args: GetPurgeTasksArgs, opts: GetPurgeTasksOptions = {}): Promise<GetPurgeTasksResult> {
    const query = toTaskQuery(args);
    const pageSize = checkPageSize(opts.pageSize);
    const client = clientFor(opts.connection, programConfig);
    return answerGetPurgeTasks(client, query, { pageSize, signal: opts.signal });
}

/**
 * {@link getPurgeTasks} for Outputs: waits for its inputs and keeps their secretness.
 *
 * @example
 * const recent = getPurgeTasksOutput({ keyword: site.domain, startTime: "2026-11-29 00:00:00" });
 * export const failed = recent.purgeLogs.apply((l) => l.filter((t) => t.status === "fail"));
 */
export function getPurgeTasksOutput(args: GetPurgeTasksOutputArgs, opts: GetPurgeTasksOutputOptions = {}): pulumi.Output<GetPurgeTasksResult> {
    checkPageSize(opts.pageSize);
    return readingOutput(args, opts, toTaskQuery,
        (a, connection) => getPurgeTasks(a as GetPurgeTasksArgs, { connection, pageSize: opts.pageSize }));
}

/**
 * Every matching record, one at a time, fetching pages as they are needed: memory stays flat however many
 * records match. `offset` and `limit` are ignored.
 *
 * @example
 * for await (const task of iteratePurgeTasks({ startTime: new Date(Date.now() - 86400e3) })) { if (task.status === "fail") ... }
 */
export async function* iteratePurgeTasks(args: GetPurgeTasksArgs, opts: GetPurgeTasksOptions = {}): AsyncGenerator<PurgeTask> {
    const query = toTaskQuery({ ...args, offset: undefined, limit: undefined });
    const pageSize = checkPageSize(opts.pageSize);
    const client = clientFor(opts.connection, programConfig);
    for await (const page of iteratePages(client, query, { pageSize, signal: opts.signal })) {
        yield* page.purgeLogs;
    }
}

function checkPageSize(pageSize: unknown): number | undefined {
    return optionalInteger("pageSize", pageSize, 1, MAX_LIMIT);
}
