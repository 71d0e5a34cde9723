/**
 * A site served through both Tencent Cloud CDN and EdgeOne (say, CDN for visitors in the Chinese mainland and
 * EdgeOne elsewhere): purge its assets on both, and create what must come after (switching traffic, announcing
 * the release, smoke tests) only once both purges are done, so no visitor gets a stale asset from either.
 * Stack config (all optional):
 *   urls            the assets to purge, on both (a JSON list)
 *   zoneId          the EdgeOne zone serving them (default zone-2noz78a8ev6k)
 *   timeoutSeconds  how long each gate waits (default 600)
 * Credentials as for every program; the CDN endpoint is `tencentcloud-purge:endpoint`, EdgeOne's
 * `tencentcloud-purge:teoEndpoint` (the emulator serves both on one address).
 */
import * as pulumi from "@pulumi/pulumi";
// In your own project: import * as purge from "pulumi-tencentcloud-purge";
import * as purge from "../../sdk";
// Stands in for what must come after both purges; see that file.
import { ReleaseMarker } from "../gate/releaseMarker";

export const DEFAULT_URLS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];

/**
 * The program; returns the stack outputs.
 *
 * @example
 * // index.ts of a Pulumi project
 * export = dualGateProgram();
 */
export async function dualGateProgram(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config();
    const urls = config.getObject<string[]>("urls") ?? DEFAULT_URLS;
    const zoneId = config.get("zoneId") ?? "zone-2noz78a8ev6k";
    const timeoutSeconds = config.getNumber("timeoutSeconds") ?? 600;

    // Submit both purges at once, without waiting in them: the two products purge in parallel, and the gates
    // below wait for both in the same deployment step.
    const cdnPurge = new purge.UrlPurge("cdn-assets", { urls, wait: false });
    const edgeOnePurge = new purge.edgeone.Purge("edgeone-assets", { zoneId, type: "purge_url", targets: urls, wait: false });
    const cdnGate = new purge.PurgeTaskWaiter("cdn-gate", { taskId: cdnPurge.taskId, timeoutSeconds });
    // Every job of the EdgeOne purge (one per quota batch), so a long list is gated whole.
    const edgeOneGate = new purge.edgeone.PurgeTaskWaiter("edgeone-gate", { zoneId, jobIds: edgeOnePurge.jobIds, timeoutSeconds });

    // Created only once both gates have passed, whichever product is slower.
    const release = new ReleaseMarker("release", {
        note: pulumi.interpolate`CDN task ${cdnPurge.taskId} done, EdgeOne jobs ${edgeOnePurge.jobIds.apply((ids) => ids.join(","))} succeeded`,
    }, { dependsOn: [cdnGate, edgeOneGate] });

    return {
        cdnTaskId: cdnPurge.taskId,
        edgeOneJobIds: edgeOnePurge.jobIds,
        cdnStatus: cdnGate.status,
        edgeOneStatus: edgeOneGate.status,
        cdnDoneAt: cdnGate.completedAt,
        edgeOneDoneAt: edgeOneGate.completedAt,
        releaseCreatedAt: release.createdAt,
    };
}
