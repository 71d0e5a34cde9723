import * as pulumi from "@pulumi/pulumi";
import { PurgeArea, PurgeTask, PurgeType } from "../provider/base/types";
import { hostedProvider, TOKEN_MODULE, urnInput, withoutImport } from "./hostedProvider";
import { WaitArgs } from "./waitOptions";

/**
 * Inputs of {@link PurgeTaskWaiter}: a `taskId`, `taskIds`, or a filter with at least `startTime`.
 *
 * @example
 * const args: PurgeTaskWaiterArgs = { taskIds: pulumi.all(purges.map((p) => p.taskIds)).apply((ids) => ids.flat()) };
 */
export interface PurgeTaskWaiterArgs extends WaitArgs {
    readonly taskId?: pulumi.Input<string>;
    /** Several tasks, e.g. of many purges made with `wait: false`: one gate, one of the engine's `--parallel` slots. */
    readonly taskIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** With a filter, the waiter waits for every matching task. A domain or a full URL. */
    readonly keyword?: pulumi.Input<string>;
    /** A `Date`, Beijing time `"YYYY-MM-DD HH:mm:ss"`, or ISO-8601 with a zone. */
    readonly startTime?: pulumi.Input<string | Date>;
    readonly endTime?: pulumi.Input<string | Date>;
    readonly purgeType?: pulumi.Input<PurgeType>;
    readonly area?: pulumi.Input<PurgeArea>;
}

/**
 * A gate: created only once the purge task (or every one of `taskIds`, or every task matching the filter) is done.
 * Anything with `dependsOn` the waiter is created after that; a failed or timed-out purge fails the update.
 *
 * @example
 * const gate = new PurgeTaskWaiter("gate", { taskId: purge.taskId, timeoutSeconds: 600 });
 * new SwitchTraffic("go-live", {...}, { dependsOn: [gate] });
 * // Many purges, one gate (one `--parallel` slot while it waits):
 * const pages = urls.map((u, i) => new UrlPurge(`page-${i}`, { urls: [u], wait: false }));
 * new PurgeTaskWaiter("all", { taskIds: pulumi.all(pages.map((p) => p.taskIds)).apply((ids) => ids.flat()) });
 */
export class PurgeTaskWaiter extends pulumi.dynamic.Resource {
    /** The task waited for; null with `taskIds` or a filter. */
    public readonly taskId!: pulumi.Output<string | null>;
    public readonly taskIds!: pulumi.Output<string[] | undefined>;
    /** `done` once finished. */
    public readonly status!: pulumi.Output<string>;
    /** The records as last seen. */
    public readonly purgeLogs!: pulumi.Output<PurgeTask[]>;
    /** When the wait saw everything done (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string>;

    constructor(name: string, args: PurgeTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        // Dates go to the engine as ISO-8601 text (pulumi.output would flatten a Date into {}).
        const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
        const time = (t: pulumi.Input<string | Date> | undefined) => (pulumi.Output.isInstance(t) ? t.apply(iso) : iso(t));
        super(hostedProvider("waiter"), name, {
            ...args, startTime: time(args.startTime), endTime: time(args.endTime), resourceUrn: urnInput(name, "PurgeTaskWaiter", opts),
            taskIds: args.taskIds, status: undefined, purgeLogs: undefined, completedAt: undefined,
        }, withoutImport("PurgeTaskWaiter", opts), TOKEN_MODULE, "PurgeTaskWaiter");
    }
}
