import * as pulumi from "@pulumi/pulumi";
import { PurgeArea } from "../provider/cdn/types";
import { PushHeader } from "../provider/cdn/pushTypes";
import { CdnTasks } from "./cdnTasks";
import { PushWaitArgs } from "./pushWaitOptions";

/**
 * Inputs of {@link UrlPush}.
 *
 * @example
 * const args: UrlPushArgs = { urls: ["https://www.example.com/app.js"], area: "global",
 *     headers: [{ name: "Authorization", value: originToken }] }; // headers are kept secret
 */
export interface UrlPushArgs extends PushWaitArgs {
    /** Full URLs to prefetch, without wildcards (`*`); sent in batches of the push quota's size. */
    readonly urls: pulumi.Input<pulumi.Input<string>[]>;
    /** `mainland` (the API's default), `overseas`, or `global` (uses both areas' quota). */
    readonly area?: pulumi.Input<PurgeArea>;
    /** `middle`: prefetch to the middle tier. */
    readonly layer?: pulumi.Input<"middle">;
    /** The User-Agent of the prefetch requests to the origin (the API's default: `TencentCdn`). */
    readonly userAgent?: pulumi.Input<string>;
    /** Also prefetch the TS segments of M3U8 playlists. */
    readonly parseM3U8?: pulumi.Input<boolean>;
    /** Fetch from the origin without Range requests. */
    readonly disableRange?: pulumi.Input<boolean>;
    /** HTTP headers sent to the origin, at most 20. */
    readonly headers?: pulumi.Input<pulumi.Input<PushHeader>[]>;
    /** Let the API encode the URLs (for URLs with Chinese characters). */
    readonly urlEncode?: pulumi.Input<boolean>;
    /** Wait until every URL is warm (default). With `false`, only submit, and gate with a PushTaskWaiter. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * Prefetches URLs into the CDN cache (PushUrlsCache) and waits until every one is `done`, e.g. to warm the cache
 * after a purge and hold the release until the edge serves the new content. A URL that ends `fail` or `invalid`
 * (the origin answered 4xx/5xx) fails the update, naming it. Deleting the resource does nothing at the CDN.
 *
 * @example
 * const purged = new UrlPurge("site", { urls });
 * const warm = new UrlPush("warm", { urls }, { dependsOn: [purged] });
 * new Release("go-live", {...}, { dependsOn: [warm] });
 */
export class UrlPush extends CdnTasks {
    constructor(name: string, args: UrlPushArgs, opts?: pulumi.CustomResourceOptions) {
        super("urlPush", "UrlPush", name, args, opts);
    }
}
