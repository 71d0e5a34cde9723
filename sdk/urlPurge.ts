import * as pulumi from "@pulumi/pulumi";
import { CachePurge, CachePurgeArgs } from "./cachePurge";

/**
 * Inputs of {@link UrlPurge}.
 *
 * @example
 * const args: UrlPurgeArgs = { urls: ["https://www.example.com/index.html"], area: "mainland" };
 */
export interface UrlPurgeArgs extends CachePurgeArgs {
    /** Full URLs to purge. Lists longer than the API's batch size are sent in several requests. */
    readonly urls: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Purges URLs from the CDN cache (PurgeUrlsCache) and waits until every one is purged. Changing `urls` or
 * `triggers` purges again; deleting the resource does nothing at the CDN.
 *
 * @example
 * const p = new UrlPurge("site", { urls: ["https://www.example.com/index.html"] });
 * new SmokeTest("after-purge", {}, { dependsOn: [p] });
 */
export class UrlPurge extends CachePurge {
    constructor(name: string, args: UrlPurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super("urlPurge", "UrlPurge", name, args, opts);
    }
}
