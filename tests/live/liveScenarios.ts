/**
 * The gate scenarios a release is checked with against a real account: a CDN URL purge and a directory purge,
 * each gated by a PurgeTaskWaiter; an EdgeOne purge gated by its waiter; and the read functions on what they
 * made. They drive the package's own resource providers (what Pulumi's hosts call) and functions, in this
 * process, so the account sees exactly the calls a deployment makes.
 */
import { providers } from "../../provider/host";
import { configureHost } from "../../provider/engine/hostClients";
import { getPurgeTasks } from "../../sdk/getPurgeTasks";
import { getPurgeTasks as getEdgeOnePurgeTasks } from "../../sdk/edgeone/getPurgeTasks";
import { LivePlan } from "./livePlan";
import { LiveTarget } from "./liveTarget";
import { formOf, recordShape } from "./recordShape";

/** What one scenario saw. `shape` is compared with the emulator's; durations and ids are only reported. */
export interface ScenarioResult {
    readonly name: string;
    readonly passed: boolean;
    readonly error?: string;
    readonly shape: Record<string, unknown>;
    readonly durationsMs: Record<string, number>;
    readonly ids: Record<string, unknown>;
}

type Props = Record<string, unknown>;
type Provider = { check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: unknown[] }>; create(inputs: Props): Promise<{ id: string; outs?: Props }> };

/** Checks and creates as the engine does: `check` first, its inputs to `create`. */
async function create(provider: Provider, news: Props): Promise<Props> {
    const checked = await provider.check({}, news);
    if (checked.failures && checked.failures.length > 0) throw new Error(`check refused the inputs: ${JSON.stringify(checked.failures)}`);
    return (await provider.create(checked.inputs ?? news)).outs ?? {};
}

/** Runs `body`, timing each step it names, and turns a throw into a failed result. */
async function scenario(name: string, body: (step: <T>(label: string, f: () => Promise<T>) => Promise<T>, r: ScenarioResult) => Promise<void>): Promise<ScenarioResult> {
    const result: ScenarioResult = { name, passed: false, shape: {}, durationsMs: {}, ids: {} };
    const step = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
        const start = Date.now();
        try {
            return await f();
        } finally {
            result.durationsMs[label] = Date.now() - start;
        }
    };
    try {
        await body(step, result);
        return { ...result, passed: true };
    } catch (e) {
        return { ...result, error: (e as Error).message };
    }
}

function expect(condition: boolean, what: string): void {
    if (!condition) throw new Error(what);
}

/**
 * Every scenario the plan has, in order, against `target`; each gate waits at most `timeoutSeconds`.
 *
 * @example
 * const results = await runScenarios(ACCOUNT, plan, 1200);
 */
export async function runScenarios(target: LiveTarget, plan: LivePlan, timeoutSeconds: number): Promise<ScenarioResult[]> {
    await configureHost({ config: target.config });
    const results: ScenarioResult[] = [];
    const wait = { timeoutSeconds };
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
    }
    return results;
}
