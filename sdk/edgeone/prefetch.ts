import * as pulumi from "@pulumi/pulumi";
import { EdgeOneHeader, EdgeOnePrefetchMode, EdgeOneSwitch } from "../../provider/edgeone/types";
import { EdgeOneJobs } from "./edgeOneJobs";
import { WaitArgs } from "../waitOptions";

/**
 * Inputs of {@link Prefetch}. `timeoutSeconds` defaults to 1800 here: a prefetch takes 5 to 30 minutes by
 * Tencent's FAQ.
 *
 * @example
 * const args: PrefetchArgs = { zoneId: "zone-2noz78a8ev6k", targets: ["https://www.example.com/app.js"],
 *     headers: [{ name: "X-Warm", value: "1" }] };
 */
export interface PrefetchArgs extends WaitArgs {
    /** The EdgeOne zone, e.g. `zone-2noz78a8ev6k`. */
    readonly zoneId: pulumi.Input<string>;
    /** Full URLs with their protocol. Lists longer than the zone's prefetch batch are sent in several jobs. */
    readonly targets: pulumi.Input<pulumi.Input<string>[]>;
    /** `default` (the middle tier) or `edge` (the edge too; allow-listed accounts). */
    readonly mode?: pulumi.Input<EdgeOnePrefetchMode>;
    /** HTTP headers sent to the origin (at most 20). */
    readonly headers?: pulumi.Input<pulumi.Input<EdgeOneHeader>[]>;
    /** `on` also warms the segments M3U8 playlists list (allow-listed accounts); `off` (default) only the URLs. */
    readonly prefetchMediaSegments?: pulumi.Input<EdgeOneSwitch>;
    /** Wait until every URL is warm (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * Warms EdgeOne's cache (CreatePrefetchTask) within the zone's prefetch quota and waits until every URL of every
 * job is `success`. A URL EdgeOne refuses, or one that ends `failed`, `timeout`, `canceled` or `invalid` (the origin
 * answered 4xx/5xx), fails the update naming it and why (`FailType: FailMessage`). A wait that times out keeps the
 * job ids: the next `pulumi up` resumes it without prefetching again. Deleting does nothing.
 *
 * @example
 * const site = new edgeone.Purge("site", { zoneId, type: "purge_url", targets: urls, triggers: [buildId] });
 * const warm = new edgeone.Prefetch("warm", { zoneId, targets: urls, triggers: [buildId] }, { dependsOn: [site] });
 * new Release("go-live", {...}, { dependsOn: [warm] });
 */
export class Prefetch extends EdgeOneJobs {
    constructor(name: string, args: PrefetchArgs, opts?: pulumi.CustomResourceOptions) {
        super("edgeOnePrefetch", "EdgeOnePrefetch", name, args, opts);
    }
}
