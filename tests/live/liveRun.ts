/**
 * An opted-in live run: print what it will purge and prefetch, read the day's quotas and refuse to spend more than
 * the stated share of any, run the scenarios against the account and then against a local emulator, and write a report of
 * what it saw (durations, statuses, how the account's answers differed from the emulator's).
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../../emulator/server";
import { clientFor } from "../../provider/cdn/clients";
import { edgeOneClientFor } from "../../provider/edgeone/clients";
import { describePlan, LivePlan, livePlan } from "./livePlan";
import { LiveSettings } from "./liveSettings";
import { LiveQuotas, quotaShare, QuotaUse } from "./quotaShare";
import { ACCOUNT, emulatorTarget } from "./liveTarget";
import { runScenarios, ScenarioResult } from "./liveScenarios";
import { shapeDifferences } from "./recordShape";

/** How long the emulator takes to finish a purge: long enough that the gates really wait. */
const EMULATOR_COMPLETE_AFTER_MS = 1500;
/** How long the emulator takes to finish a prefetch: longer than a purge, as in the service. */
const EMULATOR_PREFETCH_AFTER_MS = 2500;

/** What the report file holds. */
export interface LiveReport {
    readonly startedAt: string;
    readonly finishedAt: string;
    /** Where the account was reached: the endpoint variables, when set (else the API's default hosts). */
    readonly endpoints: Record<string, string>;
    readonly plan: LivePlan;
    readonly quotaShare: number;
    readonly quota: readonly QuotaUse[];
    readonly refused?: readonly string[];
    readonly scenarios: readonly (ScenarioResult & { readonly emulator?: ScenarioResult; readonly differences: readonly string[] })[];
}

const say = (line: string) => process.stdout.write(`${line}\n`);

async function readQuotas(plan: LivePlan): Promise<LiveQuotas> {
    const cdn = plan.cdn ? clientFor(null, ACCOUNT.config) : undefined;
    const edgeOne = plan.edgeOne ? edgeOneClientFor(null, ACCOUNT.config) : undefined;
    return {
        cdn: await cdn?.describePurgeQuota(),
        cdnPush: await cdn?.describePushQuota(),
        edgeOne: plan.edgeOne ? await edgeOne?.describeContentQuota(plan.edgeOne.zoneId) : undefined,
        edgeOnePrefetch: plan.edgeOne ? await edgeOne?.describePrefetchQuota(plan.edgeOne.zoneId) : undefined,
    };
}

async function againstEmulator(plan: LivePlan): Promise<ScenarioResult[]> {
    const emu = await startEmulator({ completeAfterMs: EMULATOR_COMPLETE_AFTER_MS, pushCompleteAfterMs: EMULATOR_PREFETCH_AFTER_MS,
        teoPrefetchCompleteAfterMs: EMULATOR_PREFETCH_AFTER_MS });
    try {
        return await runScenarios(emulatorTarget(emu), plan, { timeoutSeconds: 60, prefetchTimeoutSeconds: 60 });
    } finally {
        await emu.close();
    }
}

function writeReport(file: string, report: LiveReport): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    say(`report: ${file}`);
}

/**
 * The run, for opted-in settings; resolves with the exit code.
 *
 * @example
 * process.exitCode = await runLive(settings);
 */
export async function runLive(settings: LiveSettings, env: NodeJS.ProcessEnv = process.env): Promise<number> {
    const startedAt = new Date();
    const plan = livePlan(settings, startedAt.toISOString().replace(/[-:]|\.\d+Z$/g, "").toLowerCase());
    const endpoints = Object.fromEntries(["TENCENTCLOUD_CDN_ENDPOINT", "TENCENTCLOUD_TEO_ENDPOINT", "TENCENTCLOUD_DOMAIN"]
        .filter((k) => env[k]).map((k) => [k, env[k]!]));
    const base = { startedAt: startedAt.toISOString(), endpoints, plan, quotaShare: settings.quotaShare };
    say(`live acceptance run ${plan.runId}: it will purge and prefetch, in the account the environment names` +
        `${Object.keys(endpoints).length ? ` (${Object.values(endpoints).join(", ")})` : ""}:\n${describePlan(plan).trimEnd()}`);
    let quotas: LiveQuotas;
    try {
        quotas = await readQuotas(plan);
    } catch (e) {
        const refused = [`could not read the quota: ${(e as Error).message}`];
        say(`refused: ${refused[0]}`);
        writeReport(settings.reportFile, { ...base, finishedAt: new Date().toISOString(), quota: [], refused, scenarios: [] });
        return 2;
    }
    const { uses, refusals } = quotaShare(plan, settings.quotaShare, quotas);
    for (const u of uses) say(`  quota ${u.quota}: needs ${u.needed} of ${u.available} left today (${u.daily} a day; ${settings.quotaShare * 100}% is ${u.allowed})`);
    if (refusals.length > 0) {
        say(`refused, nothing purged or prefetched:\n${refusals.map((r) => `  ${r}`).join("\n")}`);
        writeReport(settings.reportFile, { ...base, finishedAt: new Date().toISOString(), quota: uses, refused: refusals, scenarios: [] });
        return 2;
    }
    // The waits' progress lines go to stderr, as in a deployment: say whose they are.
    process.stderr.write("== the scenarios against the account\n");
    const account = await runScenarios(ACCOUNT, plan, settings);
    process.stderr.write("== the same scenarios against a local emulator, to compare\n");
    const emulator = await againstEmulator(plan);
    const scenarios = account.map((r) => {
        const twin = emulator.find((e) => e.name === r.name);
        return { ...r, emulator: twin, differences: twin ? shapeDifferences(r.shape, twin.shape) : ["the emulator did not run it"] };
    });
    for (const s of scenarios) {
        const times = Object.entries(s.durationsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ");
        say(`${s.passed ? "passed" : "FAILED"}: ${s.name} (${times})${s.error ? `: ${s.error}` : ""}`);
        for (const d of s.differences) say(`  differs from the emulator: ${d}`);
    }
    writeReport(settings.reportFile, { ...base, finishedAt: new Date().toISOString(), quota: uses, scenarios });
    const passed = scenarios.filter((s) => s.passed).length;
    say(`${passed} passed, ${scenarios.length - passed} failed`);
    return passed === scenarios.length ? 0 : 1;
}
