import * as pulumi from "@pulumi/pulumi";
import { EdgeOneMethod, EdgeOnePurgeType } from "../../provider/edgeone/types";
import { EdgeOneJobs } from "./edgeOneJobs";
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
export class Purge extends EdgeOneJobs {
    constructor(name: string, args: PurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super("edgeOnePurge", "EdgeOnePurge", name, args, opts);
    }
}
