import * as pulumi from "@pulumi/pulumi";
import { EdgeOneGate } from "./edgeOneGate";
import { WaitArgs } from "../waitOptions";

/**
 * Inputs of {@link PrefetchTaskWaiter}: a zone, and `jobId` or `jobIds`. `timeoutSeconds` defaults to 1800.
 *
 * @example
 * const args: PrefetchTaskWaiterArgs = { zoneId: "zone-2noz78a8ev6k", jobIds: ["1379afjk91u32h"] };
 */
export interface PrefetchTaskWaiterArgs extends WaitArgs {
    readonly zoneId: pulumi.Input<string>;
    /** One prefetch job, as CreatePrefetchTask returned it. */
    readonly jobId?: pulumi.Input<string>;
    /** Several prefetch jobs. */
    readonly jobIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A gate on EdgeOne prefetch jobs submitted elsewhere: created only once every URL of every job is `success`. A
 * URL that ends `failed`, `timeout`, `canceled` or `invalid` fails the update naming it and why; a timed-out wait
 * is waited again by the next `pulumi up`.
 *
 * @example
 * const warm = new edgeone.PrefetchTaskWaiter("warm", { zoneId: "zone-2noz78a8ev6k", jobId: ciJobId });
 * new SwitchTraffic("go-live", {...}, { dependsOn: [warm] });
 */
export class PrefetchTaskWaiter extends EdgeOneGate {
    constructor(name: string, args: PrefetchTaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
        super("edgeOnePrefetchWaiter", "EdgeOnePrefetchTaskWaiter", name, args, opts);
    }
}
