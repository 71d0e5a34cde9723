/**
 * The data source over EdgeOne's DescribePurgeTasks. Like CDN's, it runs in the program's own process (dynamic
 * providers cannot serve invokes).
 */
import * as pulumi from "@pulumi/pulumi";
import { edgeOneClientFor } from "../../provider/edgeone/clients";
import { ConnectionInput } from "../../provider/client/connection";
import { answerEdgeOneGetPurgeTasks } from "../../provider/edgeone/getPurgeTasksAnswer";
import { toEdgeOneQuery } from "../../provider/edgeone/getPurgeTasksQuery";
import { EdgeOnePurgeTask, EdgeOnePurgeType, EdgeOneStatus } from "../../provider/edgeone/types";
import { GetPurgeTasksOutputOptions } from "../getPurgeTasks";
import { readingOutput } from "../readingOutput";
import { programConfig, TaskListing } from "../taskListing";

/**
 * The filters EdgeOne's DescribePurgeTasks and DescribePrefetchTasks share: the zone, a time range, host names
 * and the page.
 *
 * @example
 * const filter: EdgeOneTaskFilter = { zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3) };
 */
export interface EdgeOneTaskFilter {
    /** The zone, e.g. `zone-2noz78a8ev6k`. */
    readonly zoneId: string;
    /** A `Date` or ISO-8601 text with a zone (`2026-12-04T20:00:00+08:00`). */
    readonly startTime?: Date | string;
    /** Default: now, when `startTime` is given. */
    readonly endTime?: Date | string;
    /** Host names, 1 to 20. */
    readonly domains?: readonly string[];
    /** With `offset` or `limit`, one page as the API gives it; without both, every page. */
    readonly offset?: number;
    /** Tasks in the one page, 1..1000. */
    readonly limit?: number;
}

/**
 * Filters of EdgeOne's DescribePurgeTasks. Give `zoneId`, and `startTime` or `jobId`.
 *
 * @example
 * const args: GetPurgeTasksArgs = { zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3), statuses: ["failed"] };
 */
export interface GetPurgeTasksArgs extends EdgeOneTaskFilter {
    /** A JobId as CreatePurgeTask (or `edgeone.Purge`) returned it. */
    readonly jobId?: string;
    /** One target (a URL, prefix, host or cache tag); the API matches part of it. */
    readonly target?: string;
    /** 1 to 20 of `processing`, `success`, `failed`, `timeout`, `canceled`. */
    readonly statuses?: readonly EdgeOneStatus[];
    readonly type?: EdgeOnePurgeType;
}

/**
 * {@link GetPurgeTasksArgs} whose fields may be Outputs.
 *
 * @example
 * const args: GetPurgeTasksOutputArgs = { zoneId: config.require("zoneId"), jobId: site.jobId };
 */
export type GetPurgeTasksOutputArgs = { readonly [K in keyof GetPurgeTasksArgs]: pulumi.Input<GetPurgeTasksArgs[K]> };

/**
 * How to reach the API; everything else comes from stack config or the environment.
 *
 * @example
 * const opts: GetPurgeTasksOptions = { connection: { teoEndpoint: "http://127.0.0.1:9000" } };
 */
export interface GetPurgeTasksOptions {
    /** Any connection setting, e.g. `teoEndpoint`; wins over stack config and environment. */
    readonly connection?: ConnectionInput;
    readonly signal?: AbortSignal;
}

/**
 * What EdgeOne's DescribePurgeTasks found.
 *
 * @example
 * const { tasks, totalCount }: GetPurgeTasksResult = await edgeone.getPurgeTasks({ zoneId, jobId });
 */
export interface GetPurgeTasksResult extends TaskListing {
    /** One per target of each job, newest job first. */
    readonly tasks: readonly EdgeOnePurgeTask[];
}

/**
 * Reads EdgeOne purge tasks. Arguments are checked before any request; without `offset`/`limit` every page is
 * read, 1,000 tasks a request.
 *
 * @example
 * const { tasks } = await edgeone.getPurgeTasks({ zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 86400e3),
 *     statuses: ["failed", "timeout"] });
 * tasks.forEach((t) => console.log(t.target, t.failType, t.failMessage));
 */
export async function getPurgeTasks(args: GetPurgeTasksArgs, opts: GetPurgeTasksOptions = {}): Promise<GetPurgeTasksResult> {
    const query = toEdgeOneQuery(args);
    return answerEdgeOneGetPurgeTasks(edgeOneClientFor(opts.connection, programConfig), query, opts.signal);
}

/**
 * {@link getPurgeTasks} for Outputs: waits for its inputs (dates included) and, with `dependsOn`, for resources.
 *
 * @example
 * const job = edgeone.getPurgeTasksOutput({ zoneId, jobId: site.jobId }, { dependsOn: [site] });
 * export const failed = job.tasks.apply((t) => t.filter((x) => x.status !== "success"));
 */
export function getPurgeTasksOutput(args: GetPurgeTasksOutputArgs, opts: GetPurgeTasksOutputOptions = {}): pulumi.Output<GetPurgeTasksResult> {
    return readingOutput(args, opts, toEdgeOneQuery, (a, connection) => getPurgeTasks(a as unknown as GetPurgeTasksArgs, { connection }));
}
