/**
 * The data source over EdgeOne's DescribePrefetchTasks. Like the purge tasks', it runs in the program's own
 * process (dynamic providers cannot serve invokes).
 */
import * as pulumi from "@pulumi/pulumi";
import { edgeOneClientFor } from "../../provider/edgeone/clients";
import { answerEdgeOneGetPrefetchTasks, toEdgeOnePrefetchQuery } from "../../provider/edgeone/getPrefetchTasks";
import { EdgeOnePrefetchStatus, EdgeOnePrefetchTask } from "../../provider/edgeone/types";
import { GetPurgeTasksOutputOptions } from "../getPurgeTasks";
import { readingOutput } from "../readingOutput";
import { programConfig, TaskListing } from "../taskListing";
import { EdgeOneTaskFilter, GetPurgeTasksOptions } from "./getPurgeTasks";

/**
 * Filters of EdgeOne's DescribePrefetchTasks. Give `zoneId`, and `startTime` or `jobId`.
 *
 * @example
 * const args: GetPrefetchTasksArgs = { zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3), statuses: ["invalid"] };
 */
export interface GetPrefetchTasksArgs extends EdgeOneTaskFilter {
    /** A JobId as CreatePrefetchTask (or `edgeone.Prefetch`) returned it. */
    readonly jobId?: string;
    /** One URL; the API matches part of it. */
    readonly target?: string;
    /** 1 to 20 of `processing`, `success`, `failed`, `timeout`, `canceled`, `invalid`. */
    readonly statuses?: readonly EdgeOnePrefetchStatus[];
}

/**
 * {@link GetPrefetchTasksArgs} whose fields may be Outputs.
 *
 * @example
 * const args: GetPrefetchTasksOutputArgs = { zoneId: config.require("zoneId"), jobId: warm.jobId };
 */
export type GetPrefetchTasksOutputArgs = { readonly [K in keyof GetPrefetchTasksArgs]: pulumi.Input<GetPrefetchTasksArgs[K]> };

/**
 * What EdgeOne's DescribePrefetchTasks found.
 *
 * @example
 * const { tasks, totalCount }: GetPrefetchTasksResult = await edgeone.getPrefetchTasks({ zoneId, jobId });
 */
export interface GetPrefetchTasksResult extends TaskListing {
    /** One per URL of each job, newest job first. */
    readonly tasks: readonly EdgeOnePrefetchTask[];
}

/**
 * Reads EdgeOne prefetch tasks. Arguments are checked before any request; without `offset`/`limit` every page is
 * read, 1,000 tasks a request.
 *
 * @example
 * const { tasks } = await edgeone.getPrefetchTasks({ zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 86400e3),
 *     statuses: ["invalid"] });
 * tasks.forEach((t) => console.log(t.target, t.failType, t.failMessage));
 */
export async function getPrefetchTasks(args: GetPrefetchTasksArgs, opts: GetPurgeTasksOptions = {}): Promise<GetPrefetchTasksResult> {
    const query = toEdgeOnePrefetchQuery(args);
    return answerEdgeOneGetPrefetchTasks(edgeOneClientFor(opts.connection, programConfig), query, opts.signal);
}

/**
 * {@link getPrefetchTasks} for Outputs: waits for its inputs (dates included) and, with `dependsOn`, for resources.
 *
 * @example
 * const job = edgeone.getPrefetchTasksOutput({ zoneId, jobId: warm.jobId }, { dependsOn: [warm] });
 * export const cold = job.tasks.apply((t) => t.filter((x) => x.status !== "success"));
 */
export function getPrefetchTasksOutput(args: GetPrefetchTasksOutputArgs, opts: GetPurgeTasksOutputOptions = {}):
    pulumi.Output<GetPrefetchTasksResult> {
    return readingOutput(args, opts, toEdgeOnePrefetchQuery,
        (a, connection) => getPrefetchTasks(a as unknown as GetPrefetchTasksArgs, { connection }));
}
