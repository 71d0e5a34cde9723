/**
 * Purge a site's pages, hold the deployment until the purge is done, and only then create what must come
 * after it. Stack config (all optional):
 *   urls            the URLs to purge (a JSON list)
 *   timeoutSeconds  how long the gate waits (default 600)
 */
import * as pulumi from "@pulumi/pulumi";
// In your own project: import * as purge from "pulumi-tencentcloud-purge";
import * as purge from "../../sdk";
import { ReleaseMarker } from "./releaseMarker";

export const DEFAULT_URLS = ["https://www.example.com/index.html", "https://www.example.com/app.js"];

/**
 * The program; returns the stack outputs.
 *
 * @example
 * // index.ts of a Pulumi project
 * export = gateProgram();
 */
export async function gateProgram(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config();
    const urls = config.getObject<string[]>("urls") ?? DEFAULT_URLS;
    const timeoutSeconds = config.getNumber("timeoutSeconds") ?? 600;

    // Submit the purge; the gate below does the waiting.
    const sitePurge = new purge.UrlPurge("site", { urls, wait: false });
    const gate = new purge.PurgeTaskWaiter("gate", { taskId: sitePurge.taskId, timeoutSeconds });
    const release = new ReleaseMarker("release", { note: pulumi.interpolate`purge ${sitePurge.taskId} done` }, { dependsOn: [gate] });

    // Read the task back once the gate has passed, so the records show the final status.
    const tasks = purge.getPurgeTasksOutput({ taskId: sitePurge.taskId }, { dependsOn: [gate] });
    return {
        taskId: sitePurge.taskId,
        gateStatus: gate.status,
        purgeDoneSeenAt: gate.completedAt,
        releaseCreatedAt: release.createdAt,
        purgeLogs: tasks.purgeLogs,
    };
}
