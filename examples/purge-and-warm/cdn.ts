import * as pulumi from "@pulumi/pulumi";
// In your own project: import * as purge from "pulumi-tencentcloud-purge";
import * as purge from "../../sdk";
import { Site } from "./site";

/**
 * Tencent Cloud CDN: purge the assets, prefetch them once the purge is done, and release once every one is warm.
 * Returns the stack outputs.
 *
 * @example
 * export = cdnPurgeAndWarm(siteFromConfig(new pulumi.Config()));
 */
export function cdnPurgeAndWarm(site: Site): Record<string, pulumi.Output<unknown>> {
    // Each resource acts again when the version changes: a new release purges, warms and releases again.
    const triggers = [site.version];

    // 1. Empty the edge of the old assets. UrlPurge waits until every URL is purged: the first gate.
    const purged = new purge.UrlPurge("assets-purged", { urls: site.assets, triggers });

    // 2. Load the new assets into the edge, once the purge is done. UrlPush waits until every URL is `done`: the
    //    second gate. A URL the origin lacks ends `invalid` and fails the update, naming it; a wait that times out
    //    keeps its task ids, and the next `pulumi up` resumes it without prefetching again.
    const warm = new purge.UrlPush("assets-warm", { urls: site.assets, triggers, timeoutSeconds: site.warmTimeoutSeconds },
        { dependsOn: [purged] });

    // 3. The release, only once every asset is warm: here the page that links them is purged, so visitors get
    //    the new page only when its assets are in the cache. Put whatever must come after in its place (a traffic
    //    switch, a release note, smoke tests), with the same dependsOn.
    const release = new purge.UrlPurge("release", { urls: [site.page], triggers }, { dependsOn: [warm] });

    return {
        purgeTaskIds: purged.taskIds,
        warmTaskIds: warm.taskIds,
        warmStatus: warm.status,
        warmDoneAt: warm.completedAt,
        releaseTaskId: release.taskId,
        releasedAt: release.completedAt,
    };
}
