/**
 * Read recent purges of a domain and export what failed. Stack config (all optional):
 *   keyword     a domain or URL prefix (default www.example.com)
 *   sinceHours  how far back to look (default 24)
 */
import * as pulumi from "@pulumi/pulumi";
// In your own project: import * as purge from "pulumi-tencentcloud-purge";
import * as purge from "../../sdk";

/**
 * The program; returns the stack outputs.
 *
 * @example
 * export = readStatusProgram();
 */
export async function readStatusProgram(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config();
    const keyword = config.get("keyword") ?? "www.example.com";
    const since = new Date(Date.now() - (config.getNumber("sinceHours") ?? 24) * 3_600_000);

    const recent = purge.getPurgeTasksOutput({ keyword, startTime: since });
    const count = (status: string) => recent.purgeLogs.apply((logs) => logs.filter((t) => t.status === status).length);
    return {
        total: recent.totalCount,
        done: count("done"),
        inProgress: count("process"),
        failed: count("fail"),
        failedUrls: recent.purgeLogs.apply((logs) => logs.filter((t) => t.status === "fail").map((t) => t.url)),
    };
}
