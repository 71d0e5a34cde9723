import * as pulumi from "@pulumi/pulumi";
import { EdgeOneGate } from "./edgeOneGate";
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
export class PurgeTaskWaiter extends EdgeOneGate {
    constructor(name: string, args: PurgeTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        super("edgeOneWaiter", "EdgeOnePurgeTaskWaiter", name, args, opts);
    }
}
