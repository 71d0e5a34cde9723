/**
 * What every `get...Tasks` function of the package shares besides its Output form: where the program's stack
 * config is read from, and the tail of every answer (how many match, and the RequestIds to quote).
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * The program's stack config, as the clients read connection settings from it.
 *
 * @example
 * clientFor(opts.connection, programConfig);
 */
export const programConfig = { get: (key: string) => pulumi.runtime.getConfig(key) };

/**
 * What every listing answers besides its records.
 *
 * @example
 * interface GetPushTasksResult extends TaskListing { readonly pushLogs: readonly PushTask[] }
 */
export interface TaskListing {
    /** Matching records in all; when the API gives no count, the number of records read. */
    readonly totalCount: number;
    /** The RequestId of the first request, to quote to Tencent Cloud support. */
    readonly requestId: string;
    /** The RequestId of every page read. */
    readonly requestIds: readonly string[];
}
