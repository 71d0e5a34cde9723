/**
 * Upgrades: every stack recorded with a released version (`tests/fixtures/upgrade/<version>/<scenario>/`, made by
 * `scripts/recordUpgradeFixtures.ts`) taken over by the code in this work tree, as a user upgrading would: the
 * recorded state imported into a fresh backend, the emulator given back the tasks it had, the program run with the
 * packed package (TypeScript) or this plugin (YAML). Then `preview` shows only what CHANGELOG.md's version policy
 * lets an upgrade change, `up` submits no purge or prefetch for what the stack already holds, a gate or a purge or
 * prefetch whose wait had timed out waits again and ends done, and `refresh` keeps done what was done, even once the
 * API forgot the records. The scenarios of `scripts/upgradeScenarios.ts` that no release has recorded yet (a new
 * kind of stack) are recorded with this work tree into a temporary folder first and taken over the same way, so a
 * new scenario is checked before the release that records it.
 *
 * It checks behaviour, not the state's bytes, so a release may add outputs a state did not have. TypeScript
 * projects need Pulumi's Node.js language host: without it the suite skips with the reason, except in CI.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, SavedTask, SavedTeoJob, startEmulator } from "../../emulator";
import type { SavedPushTask } from "../../emulator/cdn/pushStore";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { recordScenario } from "../../scripts/upgradeRecording";
import { UPGRADE_FIXTURES_DIR, UPGRADE_SCENARIOS, UpgradeScenario } from "../../scripts/upgradeScenarios";
import { pulumiYamlHostPath } from "../../scripts/yamlHost";
import { inCi } from "../support/ci";
import { copyOfCheckout, npmInstall, pack } from "./support/userProject";
import { policyViolations, PreviewStep, StateResource } from "../support/upgradePolicy";

/** The calls that submit work: none may be made again for what a recorded stack holds. */
const SUBMITTING = ["PurgeUrlsCache", "PurgePathCache", "CreatePurgeTask", "PushUrlsCache", "CreatePrefetchTask"];

/** A recorded stack, as the recording script wrote it. */
interface RecordedStack {
    readonly title: string;
    readonly dir: string;
    readonly scenario: {
        readonly language: "typescript" | "yaml";
        readonly project: string;
        readonly stack: string;
        readonly config: readonly (readonly string[])[];
        readonly resumeConfig: readonly (readonly string[])[];
        readonly recordedWith: Record<string, string>;
    };
    readonly resources: readonly StateResource[];
    readonly tasks: readonly SavedTask[];
    readonly teoJobs: readonly SavedTeoJob[];
    /** Push tasks and prefetch jobs: absent from the fixtures of releases before prefetch. */
    readonly pushTasks: readonly SavedPushTask[];
    readonly teoPrefetchJobs: readonly SavedTeoJob[];
}

/** The recorded stack in `dir` (a fixture's folder, as the recording writes it). */
function readStack(title: string, dir: string): RecordedStack {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const saved = read("emulator.json");
    return {
        title, dir, scenario: read("scenario.json"), resources: read("state.json").deployment.resources,
        tasks: saved.tasks ?? [], teoJobs: saved.teoJobs ?? [], pushTasks: saved.pushTasks ?? [], teoPrefetchJobs: saved.teoPrefetchJobs ?? [],
    };
}

/** Every release's recorded stacks. */
function recordedStacks(): RecordedStack[] {
    return fs.readdirSync(UPGRADE_FIXTURES_DIR).flatMap((version) => fs.readdirSync(path.join(UPGRADE_FIXTURES_DIR, version))
        .map((name) => readStack(`${version}/${name}`, path.join(UPGRADE_FIXTURES_DIR, version, name))));
}

/** The resources of this package in a state (not the stack, not its providers). */
const purgeResources = (resources: readonly StateResource[]) => resources.filter((r) => /tencentcloud-purge[:/]/.test(r.type) && !r.type.startsWith("pulumi:providers:"));
/** A resource whose last operation did not finish (a gate that timed out). */
const unfinished = (r: StateResource) => (r.initErrors ?? []).length > 0;
const isDone = (r: StateResource) => ["done", "success"].includes(String(r.outputs?.status)) && !unfinished(r);
/** What identifies the work a resource submitted or watched. */
const workOf = (r: StateResource) => JSON.stringify([r.outputs?.taskId, r.outputs?.taskIds, r.outputs?.jobId, r.outputs?.jobIds]);

const recorded = recordedStacks();
/** The scenarios no release has recorded yet: recorded with this work tree in the test. */
const unrecorded: readonly UpgradeScenario[] = UPGRADE_SCENARIOS.filter((s) => !recorded.some((r) => path.basename(r.dir) === s.name));
const VERSION = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version as string;

/** A stack to take over: a fixture's, or one this test records first. */
interface StackSource {
    readonly title: string;
    load(): Promise<RecordedStack>;
}

describe("upgrading stacks recorded with released versions, with the code of this work tree", function () {
    this.timeout(900_000);
    let work: string;
    let tarball: string | undefined;

    before(async function () {
        assert.ok(recorded.length > 0, `no recorded stacks under ${UPGRADE_FIXTURES_DIR}`);
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        work = fs.mkdtempSync(path.join(os.tmpdir(), "purge-upgrade-"));
        if (recorded.some((r) => r.scenario.language === "typescript") || unrecorded.some((s) => s.language === "typescript")) {
            tarball = await pack(await copyOfCheckout(path.join(work, "clone")), path.join(work, "dist"));
        }
    });
    after(() => {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("the recorded states hold no key and no path of the machine that recorded them", () => {
        const leaks = recorded.flatMap((stack) => {
            const text = fs.readFileSync(path.join(stack.dir, "state.json"), "utf8");
            return [EMULATOR_CREDENTIALS.secretId, EMULATOR_CREDENTIALS.secretKey, "AKID", "/tmp/", "/home/", "/root/", "/Users/", "127.0.0.1"]
                .filter((s) => text.includes(s)).map((s) => `${stack.title}: ${s}`);
        });
        assert.deepStrictEqual(leaks, []);
    });

    const sources: StackSource[] = [
        ...recorded.map((stack) => ({ title: stack.title, load: async () => stack })),
        ...unrecorded.map((scenario) => ({
            title: `${scenario.name}, recorded now with this work tree (no release has it yet)`,
            load: async () => {
                const out = path.join(work, "recorded", scenario.name);
                await recordScenario(scenario, out, tarball ?? "", VERSION);
                return readStack(scenario.name, out);
            },
        })),
    ];

    for (const source of sources) {
        describe(source.title, () => {
            let stack: RecordedStack;
            let emu: RunningEmulator;
            let box: PulumiSandbox;
            let dir: string;
            const pulumi = (...args: string[]) => box.run(dir, [...args, "--non-interactive"]);
            const state = async () => (JSON.parse(await pulumi("stack", "export")).deployment.resources ?? []) as StateResource[];
            const requests = (action: string) => emu.stats.snapshot().requests[action] ?? 0;
            const submitted = () => SUBMITTING.reduce((n, a) => n + requests(a), 0);
            /** The URLs and targets submitted since the emulator started. */
            const submittedTargets = () => emu.stats.snapshot().recent.filter((r) => SUBMITTING.includes(r.action))
                .flatMap((r) => { const p = r.params as Record<string, string[] | undefined>; return [...p.Urls ?? [], ...p.Paths ?? [], ...p.Targets ?? []]; });
            const control = async (route: string, body: unknown) => {
                const res = await fetch(`${emu.url}/_emulator/${route}`, { method: "POST", body: JSON.stringify(body) });
                assert.strictEqual(res.status, 200, await res.text());
            };
            let recordedPurges: readonly StateResource[];
            /** The control calls that finish what was still processing when the stack was recorded. */
            let pending: [string, unknown][];
            let recordedTargets: string[];
            /**
             * The control calls that finish what was still processing when the stack was recorded. A job or push task
             * is said to have taken as long as the recorded ones of its kind did: the recent durations pace the first
             * check of a new wait, and the hours since the recording are no purge's or prefetch's duration.
             */
            const pendingOf = (s: RecordedStack): [string, unknown][] => {
                const took = (done: { createdAtMs: number; finishedAtMs?: number }[]) =>
                    Math.max(1000, ...done.map((d) => (d.finishedAtMs ?? d.createdAtMs) - d.createdAtMs));
                const teoTook = took([...s.teoJobs]);
                const pushTook = took([...s.pushTasks]);
                const prefetchTook = took([...s.teoPrefetchJobs]);
                return [
                    ...s.tasks.filter((t) => t.status === "process").map((t): [string, unknown] => [`tasks/${t.taskId}/complete`, {}]),
                    ...s.teoJobs.filter((j) => j.status === "processing")
                        .map((j): [string, unknown] => [`teo/jobs/${j.jobId}/complete`, { atMs: j.createdAtMs + teoTook }]),
                    ...s.pushTasks.filter((t) => t.status === "process")
                        .map((t): [string, unknown] => [`push-tasks/${t.taskId}/complete`, { atMs: t.createdAtMs + pushTook }]),
                    ...s.teoPrefetchJobs.filter((j) => j.status === "processing")
                        .map((j): [string, unknown] => [`teo/prefetch/jobs/${j.jobId}/complete`, { atMs: j.createdAtMs + prefetchTook }]),
                ];
            };
            /** How many times a wait has read its work so far. */
            const reads = () => ["DescribePurgeTasks", "DescribePushTasks", "DescribePrefetchTasks"].reduce((n, a) => n + requests(a), 0);

            before(async function () {
                stack = await source.load();
                recordedPurges = purgeResources(stack.resources);
                pending = pendingOf(stack);
                recordedTargets = [...stack.tasks.flatMap((t) => t.urls), ...stack.teoJobs.flatMap((j) => j.targets),
                    ...stack.pushTasks.flatMap((t) => t.urls), ...stack.teoPrefetchJobs.flatMap((j) => j.targets)];
                // Restored tasks keep their recorded status (a pending one is completed below); new ones finish in seconds.
                emu = await startEmulator({ completeAfterMs: 1000 });
                await control("tasks/restore", { tasks: stack.tasks });
                await control("teo/jobs/restore", { jobs: stack.teoJobs });
                await control("push-tasks/restore", { tasks: stack.pushTasks });
                await control("teo/prefetch/jobs/restore", { jobs: stack.teoPrefetchJobs });
                const envVars = {
                    TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
                    TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_TEO_ENDPOINT: emu.url,
                };
                if (stack.scenario.language === "typescript") {
                    try {
                        box = await PulumiSandbox.create({ languageHost: true, envVars });
                    } catch (e) {
                        if (!inCi() && /pulumi-language-nodejs/.test((e as Error).message)) {
                            console.warn(`    skipped: ${(e as Error).message}`);
                            this.skip();
                        }
                        throw e;
                    }
                } else {
                    box = await PulumiSandbox.create({ envVars, plugins: [await pulumiYamlHostPath()] });
                }
                dir = path.join(box.tempDir, stack.scenario.project);
                fs.cpSync(path.join(stack.dir, "program"), dir, { recursive: true });
                if (stack.scenario.language === "typescript") {
                    // The user upgrades this package only: their @pulumi/pulumi stays the one they recorded with.
                    await npmInstall(dir, [tarball!, `@pulumi/pulumi@${stack.scenario.recordedWith["@pulumi/pulumi"]}`, "typescript@5.9.3", "@types/node@20.19.8"]);
                } else {
                    const file = path.join(dir, "Pulumi.yaml");
                    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("path: ../../plugin", `path: ${path.join(repoRoot, "plugin")}`));
                }
                await pulumi("stack", "init", stack.scenario.stack);
                for (const args of stack.scenario.config) {
                    await pulumi("config", "set", ...args);
                }
                await pulumi("stack", "import", "--file", path.join(stack.dir, "state.json"));
            });
            after(async () => {
                box?.cleanup();
                await emu?.close();
            });

            it("preview shows only what the version policy lets an upgrade change, and submits nothing", async () => {
                const preview = JSON.parse(await pulumi("preview", "--json")) as { steps?: PreviewStep[] };
                assert.deepStrictEqual([policyViolations(preview.steps ?? [], stack.resources), submitted()], [[], 0], JSON.stringify(preview.steps, null, 1));
            });

            it("up submits nothing again, and what had timed out (a gate, a purge or a prefetch) waits again and ends done", async () => {
                for (const args of stack.scenario.resumeConfig) {
                    await pulumi("config", "set", ...args);
                }
                const readsBefore = reads();
                let settled = false;
                const up = pulumi("up", "--yes", "--skip-preview").finally(() => { settled = true; });
                if (pending.length > 0) {
                    // The wait must be reading its task before the work finishes, as after a real timeout.
                    while (!settled && reads() === readsBefore) {
                        await new Promise((r) => setTimeout(r, 200));
                    }
                    for (const [route, body] of pending) {
                        await control(route, body);
                    }
                }
                await up;
                const after = await state();
                const resubmitted = submittedTargets().filter((u) => recordedTargets.includes(u));
                assert.ok(emu.stats.snapshot().recent.length < 100, "the request log overflowed: raise its size");
                assert.deepStrictEqual(resubmitted, [], "submitted again");
                for (const old of recordedPurges) {
                    const now = after.find((r) => r.urn === old.urn);
                    assert.ok(now, `${old.urn} is gone`);
                    assert.strictEqual(workOf(now), workOf(old), `${old.urn} has other tasks`);
                    if (isDone(old) || unfinished(old)) {
                        assert.ok(isDone(now), `${old.urn} is ${String(now.outputs?.status)}: ${JSON.stringify(now.initErrors ?? [])}`);
                    }
                    if (isDone(old)) {
                        assert.strictEqual(now.outputs?.completedAt, old.outputs?.completedAt, `${old.urn} finished again`);
                    }
                }
            });

            it("preview after that up shows no change", async () => {
                await pulumi("preview", "--expect-no-changes");
            });

            it("refresh keeps done what was done, also once the API forgot its records, and submits nothing", async () => {
                const before = { submitted: submitted(), done: purgeResources(await state()).filter(isDone).map((r) => [r.urn, r.outputs?.completedAt]) };
                await pulumi("refresh", "--yes", "--skip-preview");
                await control("retention", { retentionMs: 0 });
                await pulumi("refresh", "--yes", "--skip-preview");
                const after = purgeResources(await state());
                const stillDone = before.done.filter(([urn, completedAt]) => after.some((r) => r.urn === urn && isDone(r) && r.outputs?.completedAt === completedAt));
                assert.deepStrictEqual([stillDone, submitted()], [before.done, before.submitted]);
                assert.ok(before.done.length >= recordedPurges.filter(isDone).length, "fewer done than recorded");
            });
        });
    }
});
