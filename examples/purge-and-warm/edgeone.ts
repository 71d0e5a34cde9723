import * as pulumi from "@pulumi/pulumi";
// In your own project: import * as purge from "pulumi-tencentcloud-purge";
import * as purge from "../../sdk";
import { Site } from "./site";

/**
 * Tencent EdgeOne: purge the assets, prefetch them once the purge is done, and release once every one is warm.
 * Returns the stack outputs.
 *
 * @example
 * export = edgeOnePurgeAndWarm(siteFromConfig(new pulumi.Config()));
 */
export function edgeOnePurgeAndWarm(site: Site): Record<string, pulumi.Output<unknown>> {
    const { zoneId } = site;
    // Each resource acts again when the version changes: a new release purges, warms and releases again.
    const triggers = [site.version];

    // 1. Empty the edge of the old assets. edgeone.Purge waits until every target is purged: the first gate.
    const purged = new purge.edgeone.Purge("assets-purged", { zoneId, type: "purge_url", targets: site.assets, triggers });

    // 2. Load the new assets into the cache, once the purge is done. edgeone.Prefetch waits until every URL is
    //    `success`: the second gate. A URL the origin lacks ends `invalid` and fails the update, naming it; a wait
    //    that times out keeps its job ids, and the next `pulumi up` resumes it without prefetching again.
    const warm = new purge.edgeone.Prefetch("assets-warm", { zoneId, targets: site.assets, triggers, timeoutSeconds: site.warmTimeoutSeconds },
        { dependsOn: [purged] });

    // 3. The release, only once every asset is warm: here the page that links them is purged, so visitors get
    //    the new page only when its assets are in the cache. Put whatever must come after in its place (a traffic
    //    switch, a release note, smoke tests), with the same dependsOn.
    const release = new purge.edgeone.Purge("release", { zoneId, type: "purge_url", targets: [site.page], triggers }, { dependsOn: [warm] });

    return {
        purgeJobIds: purged.jobIds,
        warmJobIds: warm.jobIds,
        warmStatus: warm.status,
        warmDoneAt: warm.completedAt,
        releaseJobId: release.jobId,
        releasedAt: release.completedAt,
    };
}
