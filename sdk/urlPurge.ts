import * as pulumi from "@pulumi/pulumi";
import { PurgeArea } from "../provider/types";
import { hostedProvider, TOKEN_MODULE, urnInput } from "./hostedProvider";
import { WaitArgs } from "./waitOptions";

/** Inputs of {@link UrlPurge}. */
export interface UrlPurgeArgs extends WaitArgs {
    /** Full URLs to purge. Lists longer than the API's batch size are sent in several requests. */
    readonly urls: pulumi.Input<pulumi.Input<string>[]>;
    /** Where to purge; by default where each domain is accelerated. */
    readonly area?: pulumi.Input<PurgeArea>;
    /** Let the API encode the URLs (for URLs with Chinese characters). */
    readonly urlEncode?: pulumi.Input<boolean>;
    /** Wait until the purge is done (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * Purges URLs from the CDN cache (PurgeUrlsCache) and waits until every one is purged. Changing `urls` or
 * `triggers` purges again; deleting the resource does nothing at the CDN.
 *
 * @example
 * const p = new UrlPurge("site", { urls: ["https://www.example.com/index.html"] });
 * new SmokeTest("after-purge", {}, { dependsOn: [p] });
 */
export class UrlPurge extends pulumi.dynamic.Resource {
    /** The first (usually only) task id. */
    public readonly taskId!: pulumi.Output<string>;
    /** Every task id, one per batch. */
    public readonly taskIds!: pulumi.Output<string[]>;
    /** `done` once every URL is purged; `process` with `wait: false`. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw the purge done (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string | undefined>;

    constructor(name: string, args: UrlPurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider("urlPurge"), name,
            { ...args, resourceUrn: urnInput(name, "UrlPurge", opts), taskId: undefined, taskIds: undefined, status: undefined,
                completedAt: undefined },
            opts, TOKEN_MODULE, "UrlPurge");
    }
}
