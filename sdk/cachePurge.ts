import * as pulumi from "@pulumi/pulumi";
import { PurgeArea } from "../provider/cdn/types";
import { hostedProvider, TOKEN_MODULE, urnInput, withoutImport } from "./hostedProvider";
import { WaitArgs } from "./waitOptions";

/** Inputs UrlPurge and PathPurge share. */
export interface CachePurgeArgs extends WaitArgs {
    /** Where to purge; by default where each domain is accelerated. */
    readonly area?: pulumi.Input<PurgeArea>;
    /** Let the API encode the URLs (for URLs with Chinese characters). */
    readonly urlEncode?: pulumi.Input<boolean>;
    /** Wait until the purge is done (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * What UrlPurge and PathPurge have in common: submit a purge, wait for it, and expose its task.
 *
 * @example
 * class UrlPurge extends CachePurge { constructor(n, a, o) { super("urlPurge", "UrlPurge", n, a, o); } }
 */
export abstract class CachePurge extends pulumi.dynamic.Resource {
    /** The first (usually only) task id. */
    public readonly taskId!: pulumi.Output<string>;
    /** Every task id, one per batch the list was split into. */
    public readonly taskIds!: pulumi.Output<string[]>;
    /** How many of the URLs or paths the submitted tasks cover. */
    public readonly submitted!: pulumi.Output<number>;
    /** Which submission of these inputs the tasks are, from 1 (a purge the CDN failed is submitted again, up to 3 times). */
    public readonly attempt!: pulumi.Output<number>;
    /** `done` once everything is purged; `process` with `wait: false`. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw the purge done (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string | undefined>;

    protected constructor(kind: "urlPurge" | "pathPurge", type: string, name: string, args: CachePurgeArgs,
        opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider(kind), name, {
            ...args, resourceUrn: urnInput(name, type, opts),
            taskId: undefined, taskIds: undefined, submitted: undefined, attempt: undefined, status: undefined, completedAt: undefined,
        }, withoutImport(type, opts), TOKEN_MODULE, type);
    }
}
