import * as pulumi from "@pulumi/pulumi";
import { PushTask } from "../provider/cdn/pushTypes";
import { hostedProvider, TOKEN_MODULE, urnInput, withoutImport } from "./hostedProvider";
import { PushWaitArgs } from "./pushWaitOptions";

/**
 * Inputs of {@link PushTaskWaiter}: a `taskId` or `taskIds`.
 *
 * @example
 * const args: PushTaskWaiterArgs = { taskIds: warm.taskIds };
 */
export interface PushTaskWaiterArgs extends PushWaitArgs {
    readonly taskId?: pulumi.Input<string>;
    /** Several push tasks, e.g. of many prefetches made with `wait: false`. */
    readonly taskIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A gate: created only once the push (prefetch) task, or every one of `taskIds`, is done. A URL that ends `fail`
 * or `invalid` (the origin answered 4xx/5xx) fails the update.
 *
 * @example
 * const warm = new UrlPush("warm", { urls, wait: false });
 * const gate = new PushTaskWaiter("warm-gate", { taskIds: warm.taskIds });
 */
export class PushTaskWaiter extends pulumi.dynamic.Resource {
    /** `done` once finished. */
    public readonly status!: pulumi.Output<string>;
    /** The records as last seen. */
    public readonly pushLogs!: pulumi.Output<PushTask[]>;
    /** When the wait saw everything done (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string>;

    constructor(name: string, args: PushTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider("pushWaiter"), name, {
            ...args, resourceUrn: urnInput(name, "PushTaskWaiter", opts), status: undefined, pushLogs: undefined, completedAt: undefined,
        }, withoutImport("PushTaskWaiter", opts), TOKEN_MODULE, "PushTaskWaiter");
    }
}
