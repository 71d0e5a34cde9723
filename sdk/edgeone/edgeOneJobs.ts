import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../../provider/host";
import { SubmittingResource } from "../submittingResource";

/**
 * What `edgeone.Purge` and `edgeone.Prefetch` have in common: jobs submitted within the zone's quota, each
 * waited for target by target, and their ids as outputs.
 *
 * @example
 * class Prefetch extends EdgeOneJobs { constructor(n, a, o) { super("edgeOnePrefetch", "EdgeOnePrefetch", n, a, o); } }
 */
export abstract class EdgeOneJobs extends SubmittingResource {
    /** The first (usually only) job id. */
    public readonly jobId!: pulumi.Output<string>;
    /** Every job id, one per batch the targets were split into. */
    public readonly jobIds!: pulumi.Output<string[]>;

    protected constructor(kind: ResourceKind, type: string, name: string, args: object, opts?: pulumi.CustomResourceOptions) {
        super(kind, type, ["jobId", "jobIds"], name, args, opts);
    }
}
