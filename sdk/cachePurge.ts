import * as pulumi from "@pulumi/pulumi";
import { PurgeArea } from "../provider/cdn/types";
import { CdnTasks } from "./cdnTasks";
import { WaitArgs } from "./waitOptions";

/**
 * Inputs UrlPurge and PathPurge share.
 *
 * @example
 * const shared: CachePurgeArgs = { area: "overseas", wait: false };
 */
export interface CachePurgeArgs extends WaitArgs {
    /** Where to purge; by default where each domain is accelerated. */
    readonly area?: pulumi.Input<PurgeArea>;
    /** Let the API encode the URLs (for URLs with Chinese characters). */
    readonly urlEncode?: pulumi.Input<boolean>;
    /** Wait until the purge is done (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * What UrlPurge and PathPurge have in common: their options, and submitting a purge, waiting for it and exposing its
 * tasks ({@link CdnTasks}).
 *
 * @example
 * class UrlPurge extends CachePurge { constructor(n, a, o) { super("urlPurge", "UrlPurge", n, a, o); } }
 */
export abstract class CachePurge extends CdnTasks {
    protected constructor(kind: "urlPurge" | "pathPurge", type: string, name: string, args: CachePurgeArgs,
        opts?: pulumi.CustomResourceOptions) {
        super(kind, type, name, args, opts);
    }
}
