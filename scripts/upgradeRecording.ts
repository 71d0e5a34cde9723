/**
 * Records one stack of `scripts/upgradeScenarios.ts` with the code in this work tree, as a user of that code has
 * it, into a folder (`scripts/recordUpgradeFixtures.ts` writes a release's fixtures with it; the upgrade test records
 * the scenarios no release has recorded yet into a temporary folder):
 * - `program/`: the project's files as the user wrote them;
 * - `scenario.json`: its language, project and stack names, stack config, and what it was recorded with;
 * - `state.json`: `pulumi stack export` of the stack, without the local paths of this machine;
 * - `emulator.json`: the emulator's CDN purge and push tasks and EdgeOne purge and prefetch jobs at the end (as
 *   `GET /_emulator/tasks/saved`, `/push-tasks/saved`, `/teo/jobs/saved` and `/teo/prefetch/jobs/saved` give
 *   them), for the test to restore.
 *
 * Each runs on the real engine against a fresh emulator, whose purges and prefetches finish after a second and a
 * half unless their URL is marked pending (their waits time out). TypeScript projects install the npm tarball
 * given; YAML ones use the plugin of the work tree (`npm run build` first). Credentials and endpoints come from the
 * environment, so the state holds none of them; it refuses to write a state that holds a key or a path of this
 * machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../emulator";
import { PulumiSandbox, repoRoot } from "./pulumiSandbox";
import { runCommand } from "./runCommand";
import { isPending, PENDING_MARK, PENDING_PREFETCH_MARK, RECORDED_STACK, UpgradeScenario } from "./upgradeScenarios";
import { pulumiYamlHostPath } from "./yamlHost";

/** The @pulumi/pulumi a TypeScript scenario installs: the project's own development version. */
const PULUMI_NODEJS = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).devDependencies["@pulumi/pulumi"] as string;
/** How long a purge or prefetch that is not pending takes, so the waits really wait. */
const PURGE_MS = 1500;
/** Long enough that nothing finishes on its own while a stack is recorded: {@link finishWork} decides. */
const NEVER_MS = 24 * 3_600_000;

/** The environment of every run: credentials and endpoints, so that none of them is in a state or a config. */
const connection = (emu: RunningEmulator) => ({
    TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
    TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_TEO_ENDPOINT: emu.url,
});

/**
 * Finishes every purge (CDN task, EdgeOne job) and prefetch (CDN push task, EdgeOne prefetch job) after
 * {@link PURGE_MS}, except the pending ones, until stopped: a purge is pending when a URL holds
 * {@link PENDING_MARK}, a prefetch when a URL holds it or {@link PENDING_PREFETCH_MARK}.
 */
function finishWork(emu: RunningEmulator): () => void {
    const due = (marks: readonly string[], items: readonly string[], createdAtMs: number) =>
        !items.some((u) => marks.some((m) => u.includes(m))) && Date.now() - createdAtMs >= PURGE_MS;
    const purgeDue = (items: readonly string[], createdAtMs: number) => due([PENDING_MARK], items, createdAtMs);
    const prefetchDue = (items: readonly string[], createdAtMs: number) => due([PENDING_MARK, PENDING_PREFETCH_MARK], items, createdAtMs);
    const timer = setInterval(() => {
        for (const task of emu.store.savedTasks()) {
            if (task.status === "process" && purgeDue(task.urls, task.createdAtMs)) emu.store.complete(task.taskId, "done");
        }
        for (const job of emu.teoStore.savedJobs()) {
            if (job.status === "processing" && purgeDue(job.targets, job.createdAtMs)) emu.teoStore.complete(job.jobId, "success");
        }
        for (const task of emu.pushes.savedTasks()) {
            if (task.status === "process" && prefetchDue(task.urls, task.createdAtMs)) emu.pushes.complete(task.taskId, "done");
        }
        for (const job of emu.teoPrefetchStore.savedJobs()) {
            if (job.status === "processing" && prefetchDue(job.targets, job.createdAtMs)) emu.teoPrefetchStore.complete(job.jobId, "success");
        }
    }, 200);
    return () => clearInterval(timer);
}

/**
 * The exported state without what names this machine: the plugins' install paths in the manifest, and source
 * positions outside the project (the YAML host names a file of its own build). Both are informational only.
 */
function portableState(exported: string): string {
    const state = JSON.parse(exported);
    for (const plugin of state.deployment?.manifest?.plugins ?? []) {
        delete plugin.path;
    }
    const outside = (v: unknown) => String((v as { sourcePosition?: unknown } | null)?.sourcePosition ?? "").startsWith("project:///..");
    for (const resource of state.deployment?.resources ?? []) {
        if (outside(resource)) {
            delete resource.sourcePosition;
        }
        if (Array.isArray(resource.stackTrace)) {
            resource.stackTrace = resource.stackTrace.filter((frame: unknown) => !outside(frame));
        }
    }
    return `${JSON.stringify(state, null, 2)}\n`;
}

/** Throws when `text` holds a key, the emulator's address or a local path. */
function refuseLeaks(text: string, emu: RunningEmulator, folders: readonly string[]): void {
    const leaks = [EMULATOR_CREDENTIALS.secretId, EMULATOR_CREDENTIALS.secretKey, emu.endpoint, os.tmpdir(), os.homedir(), repoRoot, ...folders]
        .filter((s) => text.includes(s));
    if (leaks.length > 0) {
        const where = leaks.map((s) => `${s} in ...${text.slice(Math.max(0, text.indexOf(s) - 120), text.indexOf(s) + s.length + 40)}...`);
        throw new Error(`the recorded state holds ${where.join("\n")}\nfind what wrote it there before keeping this fixture`);
    }
}

/** Writes the project's files, and for TypeScript installs the tarball and what a `pulumi new` project has. */
async function writeProject(scenario: UpgradeScenario, dir: string, tarball: string): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(scenario.files())) {
        fs.writeFileSync(path.join(dir, file), scenario.language === "yaml" && file === "Pulumi.yaml"
            ? text.replace(/path: \.\.\/\.\.\/plugin/, `path: ${path.join(repoRoot, "plugin")}`) : text);
    }
    if (scenario.language === "typescript") {
        await runCommand("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball,
            `@pulumi/pulumi@${PULUMI_NODEJS}`, "typescript@5.9.3", "@types/node@20.19.8"], { cwd: dir });
    }
}

/**
 * Runs one scenario on the engine with `version` of the package (the work tree's plugin, or `tarball` for
 * TypeScript) and writes its fixture into `out`.
 *
 * @example
 * await recordScenario(UPGRADE_SCENARIOS[0], path.join(UPGRADE_FIXTURES_DIR, "0.2.0", "typescript-gate"), tarball, "0.2.0");
 */
export async function recordScenario(scenario: UpgradeScenario, out: string, tarball: string, version: string): Promise<void> {
    const emu = await startEmulator({ completeAfterMs: NEVER_MS, pushCompleteAfterMs: NEVER_MS, teoPrefetchCompleteAfterMs: NEVER_MS });
    const stop = finishWork(emu);
    const box = await PulumiSandbox.create({
        envVars: connection(emu),
        ...(scenario.language === "typescript" ? { languageHost: true } : { plugins: [await pulumiYamlHostPath()] }),
    });
    try {
        const dir = path.join(box.tempDir, "project");
        await writeProject(scenario, dir, tarball);
        const pulumi = (...args: string[]) => box.run(dir, [...args, "--non-interactive"]);
        await pulumi("stack", "init", RECORDED_STACK);
        for (const args of scenario.config) {
            await pulumi("config", "set", ...args);
        }
        const pending = isPending(scenario);
        const upped = await pulumi("up", "--yes", "--skip-preview").then(() => "succeeded", (e: Error) => e.message);
        if (pending ? !/timed out after/.test(upped) : upped !== "succeeded") {
            throw new Error(`${scenario.name}: the up should have ${pending ? "timed out" : "succeeded"}: ${upped}`);
        }
        const state = portableState(await pulumi("stack", "export"));
        refuseLeaks(state, emu, [box.tempDir, dir]);
        fs.rmSync(out, { recursive: true, force: true });
        fs.mkdirSync(path.join(out, "program"), { recursive: true });
        for (const [file, text] of Object.entries(scenario.files())) {
            fs.writeFileSync(path.join(out, "program", file), text);
        }
        const cli = (await box.run(dir, ["version"])).trim();
        const project = /^name:\s*(\S+)/m.exec(scenario.files()["Pulumi.yaml"])?.[1];
        fs.writeFileSync(path.join(out, "scenario.json"), `${JSON.stringify({
            language: scenario.language, project, stack: RECORDED_STACK, config: scenario.config, resumeConfig: scenario.resumeConfig,
            recordedWith: { version, pulumi: cli, ...(scenario.language === "typescript" ? { "@pulumi/pulumi": PULUMI_NODEJS } : {}) },
        }, null, 2)}\n`);
        fs.writeFileSync(path.join(out, "state.json"), state);
        fs.writeFileSync(path.join(out, "emulator.json"), `${JSON.stringify({ tasks: emu.store.savedTasks(), teoJobs: emu.teoStore.savedJobs(),
            pushTasks: emu.pushes.savedTasks(), teoPrefetchJobs: emu.teoPrefetchStore.savedJobs() }, null, 2)}\n`);
        console.log(`recorded ${out.startsWith(repoRoot) ? path.relative(repoRoot, out) : out}`);
    } finally {
        stop();
        box.cleanup();
        await emu.close();
    }
}
