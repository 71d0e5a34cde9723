/**
 * A TypeScript program for the EdgeOne end-to-end tests: purge on EdgeOne (or gate on a job from elsewhere), and
 * create what must come after only once every target succeeded. Stack config (all optional):
 *   zoneId          the zone (default zone-2noz78a8ev6k)
 *   targets         the URLs to purge (a JSON list)
 *   gateJobId       instead of purging, gate on this job submitted elsewhere
 *   timeoutSeconds  how long the wait lasts (default 600)
 */
import * as pulumi from "@pulumi/pulumi";
import * as purge from "../../../sdk";
import { ReleaseMarker } from "../../../examples/gate/releaseMarker";

/**
 * The program; returns the stack outputs.
 *
 * @example
 * await LocalStack.create({ projectName: "edgeone-gate", program: edgeOneGateProgram, envVars });
 */
export async function edgeOneGateProgram(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config();
    const zoneId = config.get("zoneId") ?? "zone-2noz78a8ev6k";
    const timeoutSeconds = config.getNumber("timeoutSeconds") ?? 600;
    const gateJobId = config.get("gateJobId");
    const gate = gateJobId !== undefined
        ? new purge.edgeone.PurgeTaskWaiter("gate", { zoneId, jobId: gateJobId, timeoutSeconds })
        : new purge.edgeone.Purge("site", { zoneId, type: "purge_url", timeoutSeconds,
            targets: config.getObject<string[]>("targets") ?? ["https://www.example.com/index.html", "https://www.example.com/app.js"] });
    const release = new ReleaseMarker("release", { note: pulumi.interpolate`EdgeOne job ${gate.jobId} succeeded` }, { dependsOn: [gate] });
    const tasks = purge.edgeone.getPurgeTasksOutput({ zoneId, jobId: gate.jobId }, { dependsOn: [gate] });
    return { jobId: gate.jobId, jobIds: gate.jobIds, status: gate.status, releaseCreatedAt: release.createdAt, tasks: tasks.tasks };
}
