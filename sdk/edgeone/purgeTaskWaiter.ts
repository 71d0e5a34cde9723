import * as pulumi from "@pulumi/pulumi";
import { hostedProvider, TOKEN_MODULE, urnInput } from "../hostedProvider";
import { WaitArgs } from "../waitOptions";

/**
 * Inputs of {@link PurgeTaskWaiter}: a zone, and `jobId` or `jobIds`.
 *
 * @example
 * const args: PurgeTaskWaiterArgs = { zoneId: "zone-2noz78a8ev6k", jobIds: ["1379afjk91u32h"], timeoutSeconds: 900 };
 */
export interface PurgeTaskWaiterArgs extends WaitArgs {
    readonly zoneId: pulumi.Input<string>;
    /** One job, as CreatePurgeTask returned it. */
    readonly jobId?: pulumi.Input<string>;
    /** Several jobs (e.g. every batch of a purge submitted elsewhere). */
    readonly jobIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A gate on EdgeOne jobs submitted elsewhere: created only once every target of every job is `success`. A target
 * that ends `failed`, `timeout` or `canceled` fails the update naming it and why; a timed-out wait is waited
 * again by the next `pulumi up`.
 *
 * @example
 * const gate = new edgeone.PurgeTaskWaiter("gate", { zoneId: "zone-2noz78a8ev6k", jobId: ciJobId, timeoutSeconds: 900 });
 * new SwitchTraffic("go-live", {...}, { dependsOn: [gate] });
 */
export class PurgeTaskWaiter extends pulumi.dynamic.Resource {
    public readonly jobId!: pulumi.Output<string>;
    public readonly jobIds!: pulumi.Output<string[]>;
    /** `success` once every target succeeded. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw every target succeed (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string>;

    constructor(name: string, args: PurgeTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider("edgeOneWaiter"), name, {
            ...args, resourceUrn: urnInput(name, "EdgeOnePurgeTaskWaiter", opts),
            jobId: args.jobId, jobIds: args.jobIds, status: undefined, completedAt: undefined,
        }, opts, TOKEN_MODULE, "EdgeOnePurgeTaskWaiter");
    }
}
