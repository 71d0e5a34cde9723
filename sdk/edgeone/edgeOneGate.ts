import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../../provider/host";
import { hostedProvider, TOKEN_MODULE, urnInput } from "../hostedProvider";
import { WaitArgs } from "../waitOptions";

/** What every EdgeOne gate takes: a zone, and `jobId` or `jobIds`. */
export interface EdgeOneGateArgs extends WaitArgs {
    readonly zoneId: pulumi.Input<string>;
    readonly jobId?: pulumi.Input<string>;
    readonly jobIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * What `edgeone.PurgeTaskWaiter` and `edgeone.PrefetchTaskWaiter` have in common: a gate on jobs of a zone that
 * passes once every target of every job is `success`, with the jobs it waited for as outputs.
 *
 * @example
 * class PrefetchTaskWaiter extends EdgeOneGate { constructor(n, a, o) { super("edgeOnePrefetchWaiter", "EdgeOnePrefetchTaskWaiter", n, a, o); } }
 */
export abstract class EdgeOneGate extends pulumi.dynamic.Resource {
    /** The first (usually only) job waited for. */
    public readonly jobId!: pulumi.Output<string>;
    /** Every job waited for. */
    public readonly jobIds!: pulumi.Output<string[]>;
    /** `success` once every target of every job succeeded. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw every target succeed (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string>;

    protected constructor(kind: ResourceKind, type: string, name: string, args: EdgeOneGateArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider(kind), name, {
            ...args, resourceUrn: urnInput(name, type, opts),
            jobId: args.jobId, jobIds: args.jobIds, status: undefined, completedAt: undefined,
        }, opts, TOKEN_MODULE, type);
    }
}
