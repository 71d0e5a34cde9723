/**
 * The provider plugin on the real Pulumi engine, from another language: the Pulumi YAML example
 * (`examples/yaml-gate`) run with `pulumi up`, `refresh` and `destroy` by the YAML language host against the
 * emulator. Never skipped: without the CLI or the YAML host the suite fails with the reason.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LocalStack, repoRoot } from "../../scripts/localStack";
import { pulumiYamlHostPath } from "../../scripts/yamlHost";

const SECRET_ID = "AKIDyaml00000000000000000000000000000";
const SECRET_KEY = "yaml-e2e-secret-key-4c1d9e";
const COMPLETE_AFTER_MS = 3000;
const EXAMPLE = path.join(repoRoot, "examples", "yaml-gate");
const PLUGIN_DIR = path.join(repoRoot, "plugin");

/** Runs `cmd` and resolves with its stdout (progress goes on to stderr); rejects with its stderr. */
function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(cmd, args, { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
            (err ? reject(new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${stderr}`)) : resolve(stdout)));
    });
}

/** The example's Pulumi.yaml, edited in a copy. */
const editProject = (dir: string, edit: (text: string) => string) => {
    const file = path.join(dir, "Pulumi.yaml");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
};

describe("the Pulumi YAML example on the real engine, through the provider plugin", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let stack: LocalStack;
    let upLines: readonly string[] = [];

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        const yamlHost = await pulumiYamlHostPath();
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        stack = await LocalStack.create({
            // A user's copy of the example points at their plugin folder: here, this repository's.
            project: { dir: EXAMPLE, edit: (dir) => editProject(dir, (t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`)) },
            pathDirs: [path.dirname(yamlHost)],
            // Credentials only through stack config: the plugin's environment has none.
            envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: "" },
        });
        await stack.stack.setAllConfig({
            "tencentcloud-purge:secretId": { value: SECRET_ID },
            "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true },
            "tencentcloud-purge:endpoint": { value: emu.url },
            "yaml-gate:timeoutSeconds": { value: "120" },
        });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
    });

    it("preview calls nothing at the CDN", async () => {
        await stack.preview();
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("up gates the page's purge on the assets' purge, and reads the task back through the invoke", async () => {
        const { result, lines } = await stack.up();
        upLines = lines;
        const out = (k: string) => result.outputs[k]?.value;
        const assetRecords = emu.store.allRecords().filter((r) => r.taskId === out("taskId"));
        const pageRecords = emu.store.allRecords().filter((r) => r.taskId === out("pageTaskId"));
        const assetsDoneAt = Math.max(...assetRecords.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(pageRecords[0].createdAtMs >= assetsDoneAt,
            `page purged at ${new Date(pageRecords[0].createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
        assert.deepStrictEqual([out("gateStatus"), out("pageStatus"), (out("assetRecords") as { status: string }[]).map((r) => r.status)],
            ["done", "done", ["done", "done"]], lines.join("\n"));
    });

    it("showed the gate's progress on its own line during that up", () => {
        assert.ok(upLines.some((l) => /PurgeTaskWaiter gate creating .*purge task \d+: 0\/2 done, 2 pending/.test(l)), upLines.join("\n"));
    });

    it("keeps the secret key out of the state", async () => {
        const { text } = await stack.exportStack();
        assert.ok(text.includes("tencentcloud-purge:index:PurgeTaskWaiter"), "the export holds the gate");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
    });

    it("refresh re-reads the tasks and destroy removes everything without calling the CDN to purge", async () => {
        const purges = emu.stats.snapshot().requests.PurgeUrlsCache;
        const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
        const refreshed = await stack.refresh();
        assert.strictEqual(refreshed.result.summary.result, "succeeded");
        assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
        await stack.destroy();
        const { deployment } = await stack.exportStack();
        assert.deepStrictEqual([(deployment.deployment.resources ?? []).length, emu.stats.snapshot().requests.PurgeUrlsCache], [0, purges]);
    });
});

describe("the provider plugin installed from its archive with `pulumi plugin install`", function () {
    this.timeout(600_000);
    let emu: RunningEmulator;
    let stack: LocalStack;
    let dist: string;

    before(async () => {
        const yamlHost = await pulumiYamlHostPath();
        dist = fs.mkdtempSync(path.join(os.tmpdir(), "purge-plugin-dist-"));
        const archive = (await run("bash", [path.join(repoRoot, "scripts", "packPlugin.sh"), dist])).trim();
        emu = await startEmulator({ completeAfterMs: 1000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        stack = await LocalStack.create({
            // As a user's project: no path to the plugin, the engine uses the installed one.
            project: { dir: EXAMPLE, edit: (dir) => editProject(dir, (t) => t.replace(/^plugins:\n(  .*\n)+/m, "")) },
            pathDirs: [path.dirname(yamlHost)],
            envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: "" },
        });
        const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
        await run(stack.cli, ["plugin", "install", "resource", "tencentcloud-purge", version, "--file", archive], stack.env);
        await stack.stack.setAllConfig({
            "tencentcloud-purge:secretId": { value: SECRET_ID },
            "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true },
            "tencentcloud-purge:endpoint": { value: emu.url },
        });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
        if (dist) fs.rmSync(dist, { recursive: true, force: true });
    });

    it("pulumi package get-schema prints the installed plugin's schema", async () => {
        const printed = JSON.parse(await run(stack.cli, ["package", "get-schema", "tencentcloud-purge"], stack.env));
        assert.deepStrictEqual([printed.name, Object.keys(printed.functions)], ["tencentcloud-purge", ["tencentcloud-purge:index:getPurgeTasks"]]);
    });
    it("runs the example with no plugin path in Pulumi.yaml", async () => {
        assert.ok(!fs.readFileSync(path.join(stack.stack.workspace.workDir, "Pulumi.yaml"), "utf8").includes("plugins:"));
        const { result } = await stack.up();
        assert.deepStrictEqual([result.outputs.gateStatus?.value, result.outputs.pageStatus?.value], ["done", "done"]);
        await stack.destroy();
    });
});
