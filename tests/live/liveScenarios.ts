/**
 * The scenarios a release is checked with against a real account: a CDN URL purge and a directory purge, each
 * gated by a PurgeTaskWaiter; an EdgeOne purge gated by its waiter; the read functions on what they made; then
 * each product's prefetch scenarios (livePrefetchScenarios.ts). They drive the package's own resource providers
 * (what Pulumi's hosts call) and functions, in this process, so the account sees exactly the calls a deployment
 * makes.
 */
import { providers } from "../../provider/host";
import { configureHost } from "../../provider/engine/hostConfig";
import { getPurgeTasks } from "../../sdk/getPurgeTasks";
import { getPurgeTasks as getEdgeOnePurgeTasks } from "../../sdk/edgeone/getPurgeTasks";
import { LivePlan } from "./livePlan";
import { cdnPushScenarios, edgeOnePrefetchScenarios } from "./livePrefetchScenarios";
import { LiveTarget } from "./liveTarget";
import { formOf, recordShape } from "./recordShape";
import { create, expect, Props, scenario, ScenarioResult } from "./scenario";

export type { ScenarioResult } from "./scenario";

/** How long each gate waits: a purge's, and a prefetch's (which takes minutes). */
export interface LiveDeadlines {
    readonly timeoutSeconds: number;
    readonly prefetchTimeoutSeconds: number;
}

/**
 * Every scenario the plan has, in order, against `target`; each gate waits at most its deadline.
 *
 * @example
 * const results = await runScenarios(ACCOUNT, plan, { timeoutSeconds: 1200, prefetchTimeoutSeconds: 1800 });
 */
export async function runScenarios(target: LiveTarget, plan: LivePlan, deadlines: LiveDeadlines): Promise<ScenarioResult[]> {
    await configureHost({ config: target.config });
    const results: ScenarioResult[] = [];
    const wait = { timeoutSeconds: deadlines.timeoutSeconds };
    let since = new Date();
    if (plan.cdn) {
        const cdn = plan.cdn;
        // A minute early: the API's clock and this machine's may disagree a little.
        since = new Date(Date.now() - 60_000);
        const gated = async (name: string, submit: () => Promise<Props>) => scenario(name, async (step, r) => {
            const purge = await step("submit", submit);
            r.ids.taskIds = purge.taskIds;
            r.shape.purge = { status: purge.status, taskIds: (purge.taskIds as unknown[] | undefined)?.length };
            const gate = await step("gate", () => create(providers.waiter, { taskId: purge.taskId, ...wait }));
            r.shape.gate = { status: gate.status, completedAt: formOf(gate.completedAt) };
            expect(gate.status === "done", `the gate ended ${String(gate.status)}, not done`);
        });
        results.push(await gated("CDN URL purge with a gate", () => create(providers.urlPurge, { urls: cdn.urls, wait: false })));
        results.push(await gated("CDN directory purge with a gate", () => create(providers.pathPurge, { paths: cdn.paths, flushType: "flush", wait: false })));
        const taskIds = results.flatMap((r) => (r.ids.taskIds as string[] | undefined) ?? []);
        results.push(await scenario("CDN getPurgeTasks", async (step, r) => {
            expect(taskIds.length > 0, "no task to read: the purges above failed");
            const byId = await step("by task id", () => getPurgeTasks({ taskId: taskIds[0] }, { connection: target.connection }));
            r.shape.byTaskId = { records: byId.purgeLogs.map(recordShape), totalCount: formOf(byId.totalCount) };
            expect(byId.purgeLogs.length === cdn.urls.length, `task ${taskIds[0]} lists ${byId.purgeLogs.length} records, not ${cdn.urls.length}`);
            const recent = await step("by keyword since the run began", () => getPurgeTasks({ keyword: cdn.domain, startTime: since }, { connection: target.connection }));
            const found = taskIds.map((id) => recent.purgeLogs.some((l) => l.taskId === id));
            r.shape.byKeyword = { findsEveryTask: found.every(Boolean) };
            expect(found.every(Boolean), `reading by keyword ${cdn.domain} since ${since.toISOString()} misses tasks ${taskIds.filter((_, i) => !found[i]).join(", ")}`);
        }));
        results.push(...await cdnPushScenarios(target, cdn.domain, cdn.push, deadlines.prefetchTimeoutSeconds));
    }
    if (plan.edgeOne) {
        const { zoneId, targets } = plan.edgeOne;
        let jobId: string | undefined;
        results.push(await scenario("EdgeOne purge with a gate", async (step, r) => {
            const purge = await step("submit", () => create(providers.edgeOnePurge, { zoneId, type: "purge_url", targets, wait: false }));
            jobId = purge.jobId as string;
            r.ids.jobIds = purge.jobIds;
            r.shape.purge = { status: purge.status, jobIds: (purge.jobIds as unknown[] | undefined)?.length };
            const gate = await step("gate", () => create(providers.edgeOneWaiter, { zoneId, jobId, ...wait }));
            r.shape.gate = { status: gate.status, completedAt: formOf(gate.completedAt) };
            expect(gate.status === "success", `the gate ended ${String(gate.status)}, not success`);
        }));
        results.push(await scenario("EdgeOne getPurgeTasks", async (step, r) => {
            expect(jobId !== undefined, "no job to read: the purge above failed");
            const byJob = await step("by job id", () => getEdgeOnePurgeTasks({ zoneId, jobId }, { connection: target.connection }));
            r.shape.byJobId = { tasks: byJob.tasks.map(recordShape), totalCount: formOf(byJob.totalCount) };
            expect(byJob.tasks.length === targets.length, `job ${jobId} lists ${byJob.tasks.length} tasks, not ${targets.length}`);
        }));
        results.push(...await edgeOnePrefetchScenarios(target, zoneId, plan.edgeOne.prefetch, deadlines.prefetchTimeoutSeconds));
    }
    return results;
}
