/**
 * The prefetch scenarios a release is checked with against a real account: a CDN push gated by a PushTaskWaiter and
 * an EdgeOne prefetch gated by its waiter, each on what the origin serves; a push and a prefetch of a URL the origin
 * lacks, which must fail naming it as `invalid`; and the read functions on what they made. Like the gate
 * scenarios, they drive the package's own resource providers and functions in this process.
 */
import { providers } from "../../provider/host";
import { getPushTasks } from "../../sdk/getPushTasks";
import { getPrefetchTasks } from "../../sdk/edgeone/getPrefetchTasks";
import { PrefetchPlan } from "./livePlan";
import { LiveTarget } from "./liveTarget";
import { formOf, recordShape } from "./recordShape";
import { create, expect, Props, scenario, ScenarioResult } from "./scenario";

/** The failure a prefetch of what the origin lacks must end with, as its shape: whether it names each URL as invalid. */
async function missingScenario(name: string, missing: readonly string[], prefetch: () => Promise<Props>): Promise<ScenarioResult> {
    return scenario(name, async (step, r) => {
        const failure = await step("prefetch", () => prefetch().then(() => undefined, (e: Error) => e.message));
        const named = missing.map((url) => failure !== undefined && failure.includes(url) && /\binvalid\b/.test(failure));
        r.shape.failure = { failed: failure !== undefined, namesEachUrlAsInvalid: named.every(Boolean) };
        expect(failure !== undefined, `the prefetch of ${missing.join(", ")} succeeded: the origin serves it, or the API does not report it invalid`);
        expect(named.every(Boolean), `the failure does not name ${missing.join(", ")} as invalid: ${failure}`);
    });
}

/**
 * The CDN's push scenarios for `push` on `domain`; each gate waits at most `timeoutSeconds`.
 *
 * @example
 * results.push(...await cdnPushScenarios(ACCOUNT, "www.example.com", plan.cdn.push, 1800));
 */
export async function cdnPushScenarios(target: LiveTarget, domain: string, push: PrefetchPlan, timeoutSeconds: number): Promise<ScenarioResult[]> {
    // A minute early: the API's clock and this machine's may disagree a little.
    const since = new Date(Date.now() - 60_000);
    let taskIds: string[] = [];
    const gated = await scenario("CDN push with a gate", async (step, r) => {
        const sent = await step("submit", () => create(providers.urlPush, { urls: push.urls, wait: false }));
        taskIds = (sent.taskIds as string[] | undefined) ?? [];
        r.ids.taskIds = taskIds;
        r.shape.push = { status: sent.status, taskIds: taskIds.length };
        const gate = await step("gate", () => create(providers.pushWaiter, { taskIds, timeoutSeconds }));
        r.shape.gate = { status: gate.status, completedAt: formOf(gate.completedAt) };
        expect(gate.status === "done", `the gate ended ${String(gate.status)}, not done`);
    });
    const missing = await missingScenario("CDN push of a URL the origin lacks", push.missing,
        () => create(providers.urlPush, { urls: push.missing, timeoutSeconds }));
    const read = await scenario("CDN getPushTasks", async (step, r) => {
        expect(taskIds.length > 0, "no task to read: the push above failed");
        const byId = await step("by task id", () => getPushTasks({ taskId: taskIds[0] }, { connection: target.connection }));
        r.shape.byTaskId = { records: byId.pushLogs.map(recordShape), totalCount: formOf(byId.totalCount) };
        expect(byId.pushLogs.length === push.urls.length, `task ${taskIds[0]} lists ${byId.pushLogs.length} records, not ${push.urls.length}`);
        const recent = await step("by keyword since the run began", () => getPushTasks({ keyword: domain, startTime: since }, { connection: target.connection }));
        const found = taskIds.every((id) => recent.pushLogs.some((l) => l.taskId === id));
        r.shape.byKeyword = { findsEveryTask: found };
        expect(found, `reading by keyword ${domain} since ${since.toISOString()} misses task ${taskIds.join(", ")}`);
    });
    return [gated, missing, read];
}

/**
 * EdgeOne's prefetch scenarios for `prefetch` in `zoneId`; each gate waits at most `timeoutSeconds`.
 *
 * @example
 * results.push(...await edgeOnePrefetchScenarios(ACCOUNT, "zone-2noz78a8ev6k", plan.edgeOne.prefetch, 1800));
 */
export async function edgeOnePrefetchScenarios(target: LiveTarget, zoneId: string, prefetch: PrefetchPlan, timeoutSeconds: number): Promise<ScenarioResult[]> {
    let jobIds: string[] = [];
    const gated = await scenario("EdgeOne prefetch with a gate", async (step, r) => {
        const sent = await step("submit", () => create(providers.edgeOnePrefetch, { zoneId, targets: prefetch.urls, wait: false }));
        jobIds = (sent.jobIds as string[] | undefined) ?? [];
        r.ids.jobIds = jobIds;
        r.shape.prefetch = { status: sent.status, jobIds: jobIds.length };
        const gate = await step("gate", () => create(providers.edgeOnePrefetchWaiter, { zoneId, jobIds, timeoutSeconds }));
        r.shape.gate = { status: gate.status, completedAt: formOf(gate.completedAt) };
        expect(gate.status === "success", `the gate ended ${String(gate.status)}, not success`);
    });
    const missing = await missingScenario("EdgeOne prefetch of a URL the origin lacks", prefetch.missing,
        () => create(providers.edgeOnePrefetch, { zoneId, targets: prefetch.missing, timeoutSeconds }));
    const read = await scenario("EdgeOne getPrefetchTasks", async (step, r) => {
        expect(jobIds.length > 0, "no job to read: the prefetch above failed");
        const byJob = await step("by job id", () => getPrefetchTasks({ zoneId, jobId: jobIds[0] }, { connection: target.connection }));
        r.shape.byJobId = { tasks: byJob.tasks.map(recordShape), totalCount: formOf(byJob.totalCount) };
        expect(byJob.tasks.length === prefetch.urls.length, `job ${jobIds[0]} lists ${byJob.tasks.length} tasks, not ${prefetch.urls.length}`);
    });
    return [gated, missing, read];
}
