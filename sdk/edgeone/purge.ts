import * as pulumi from "@pulumi/pulumi";
import { EdgeOneMethod, EdgeOnePurgeType } from "../../provider/edgeone/types";
import { hostedProvider, TOKEN_MODULE, urnInput } from "../hostedProvider";
import { WaitArgs } from "../waitOptions";

/**
 * Inputs of {@link Purge}.
 *
 * @example
 * const args: PurgeArgs = { zoneId: "zone-2noz78a8ev6k", type: "purge_host", targets: ["www.example.com"], method: "delete" };
 */
export interface PurgeArgs extends WaitArgs {
    /** The EdgeOne zone, e.g. `zone-2noz78a8ev6k`. */
    readonly zoneId: pulumi.Input<string>;
    /** `purge_url`, `purge_prefix`, `purge_host`, `purge_all` or `purge_cache_tag`. */
    readonly type: pulumi.Input<EdgeOnePurgeType>;
    /**
     * What to purge: full URLs or prefixes with their protocol (`https://www.example.com/static/`), host names, or
     * cache tags. Left out for `purge_all`. Lists longer than the zone's quota batch are sent in several jobs.
     */
    readonly targets?: pulumi.Input<pulumi.Input<string>[]>;
    /** `invalidate` (default: revalidate on the next request) or `delete` (prefix, host and all only). */
    readonly method?: pulumi.Input<EdgeOneMethod>;
    /** For `purge_cache_tag`: the host names whose tags to purge. */
    readonly cacheTagDomains?: pulumi.Input<pulumi.Input<string>[]>;
    /** Wait until every target succeeded (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * Purges EdgeOne's cache (CreatePurgeTask) within the zone's quota and waits until every target of every job is
 * `success`. A target EdgeOne refuses, or one that ends `failed`, `timeout` or `canceled`, fails the update naming
 * it and why (`FailType: FailMessage`). A wait that times out keeps the job ids: the next `pulumi up` resumes it
 * without purging again. Changing `targets`, `type`, `method` or `triggers` purges again; deleting does nothing.
 *
 * @example
 * const site = new edgeone.Purge("site", { zoneId: "zone-2noz78a8ev6k", type: "purge_prefix",
 *     targets: ["https://www.example.com/static/"], method: "delete", triggers: [buildId] });
 * new SmokeTest("after-purge", {}, { dependsOn: [site] });
 */
export class Purge extends pulumi.dynamic.Resource {
    /** The first (usually only) job id. */
    public readonly jobId!: pulumi.Output<string>;
    /** Every job id, one per batch the targets were split into. */
    public readonly jobIds!: pulumi.Output<string[]>;
    /** How many targets were submitted so far. */
    public readonly submitted!: pulumi.Output<number>;
    /** Which submission of these inputs the jobs are, from 1 (a failed purge is submitted again, up to 3 times). */
    public readonly attempt!: pulumi.Output<number>;
    /** `success` once every target succeeded; `processing` with `wait: false`. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw every target succeed (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string | undefined>;

    constructor(name: string, args: PurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider("edgeOnePurge"), name, {
            ...args, resourceUrn: urnInput(name, "EdgeOnePurge", opts),
            jobId: undefined, jobIds: undefined, submitted: undefined, attempt: undefined, status: undefined, completedAt: undefined,
        }, opts, TOKEN_MODULE, "EdgeOnePurge");
    }
}
