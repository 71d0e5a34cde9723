/**
 * The provider plugin on the real Pulumi engine, from another language: the Pulumi YAML example
 * (`examples/yaml-gate`) run in a project folder with `pulumi preview`, `up`, `refresh` and `destroy`, by the YAML
 * language host, against the emulator; once with the plugin found by its path in Pulumi.yaml, once installed from
 * its archive with `pulumi plugin install`. Never skipped: without the CLI or the YAML host the suite fails with
 * the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { archiveForThisPlatform, packPluginArchives } from "./support/pluginArchives";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDyaml00000000000000000000000000000";
const SECRET_KEY = "yaml-e2e-secret-key-4c1d9e";
const PLUGIN_DIR = path.join(repoRoot, "plugin");

/** A copy of the example whose stack config points at `emu`. */
const projectFor = (emu: RunningEmulator, edit: (pulumiYaml: string) => string) => yamlProject(edit, [
    ["tencentcloud-purge:secretId", SECRET_ID], ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY],
    ["tencentcloud-purge:endpoint", emu.url], ["timeoutSeconds", "120"]]);

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));

describe("the Pulumi YAML example on the real engine, through the provider plugin", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 3000;
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;
    let upOutput = "";

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        // A user's copy of the example names their plugin folder: here, this repository's.
        ({ box, dir } = await projectFor(emu, (t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`)));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("preview calls nothing at the CDN", async () => {
        await box.run(dir, ["preview", "--non-interactive"]);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("up gates the page's purge on the assets' purge, and reads the task back through the invoke", async () => {
        upOutput = await up(box, dir);
        const out = await outputs(box, dir);
        const assetRecords = emu.store.allRecords().filter((r) => r.taskId === out.taskId);
        const pageRecords = emu.store.allRecords().filter((r) => r.taskId === out.pageTaskId);
        const assetsDoneAt = Math.max(...assetRecords.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(pageRecords[0].createdAtMs >= assetsDoneAt,
            `page purged at ${new Date(pageRecords[0].createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus, (out.assetRecords as { status: string }[]).map((r) => r.status)],
            ["done", "done", ["done", "done"]], upOutput);
    });

    it("showed the gate's progress on its own line during that up", () => {
        assert.match(upOutput, /PurgeTaskWaiter gate creating .*purge task \d+: 0\/2 done, 2 pending/);
    });

    it("keeps the secret key out of the state", async () => {
        const text = await box.run(dir, ["stack", "export"]);
        assert.ok(text.includes("tencentcloud-purge:index:PurgeTaskWaiter"), "the export holds the gate");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
    });

    it("preview --diff names the input that purges again with the task ids it sets anew, and a pacing change as none", async () => {
        const purges = emu.stats.snapshot().requests.PurgeUrlsCache;
        await box.run(dir, ["config", "set", "pageUrl", "https://www.example.com/v2/index.html"]);
        await box.run(dir, ["config", "set", "timeoutSeconds", "90"]);
        try {
            const text = await box.run(dir, ["preview", "--diff", "--non-interactive"]);
            const page = text.slice(text.indexOf("tencentcloud-purge:index:UrlPurge: (update)"));
            assert.match(page, /\[urn=[^\]]*::page\]/, text);
            assert.match(page, /~ urls\s*: \[\s*~ \[0\]: "https:\/\/www\.example\.com\/index\.html" => "https:\/\/www\.example\.com\/v2\/index\.html"/, text);
            // The engine shows the outputs the update sets anew as leaving: the old task ids a new purge replaces.
            assert.match(page, /- taskIds: \[\s*- +\[0\]: "\d+"/, text);
            assert.doesNotMatch(text, /PurgeTaskWaiter: \(update\)/, "a gate that passed does not wait again for a new timeout");
            assert.strictEqual(emu.stats.snapshot().requests.PurgeUrlsCache, purges, "preview purges nothing");
        } finally {
            await box.run(dir, ["config", "rm", "pageUrl"]);
            await box.run(dir, ["config", "set", "timeoutSeconds", "120"]);
        }
    });

    it("refresh re-reads the tasks and destroy removes everything without purging", async () => {
        const purges = emu.stats.snapshot().requests.PurgeUrlsCache;
        const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
        await box.run(dir, ["refresh", "--yes", "--non-interactive"]);
        assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
        const state = JSON.parse(await box.run(dir, ["stack", "export"]));
        assert.deepStrictEqual([(state.deployment.resources ?? []).length, emu.stats.snapshot().requests.PurgeUrlsCache], [0, purges]);
    });
});

describe("a purge that fails or times out, through the provider plugin on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const project = async (urls: readonly string[], timeoutSeconds: number) => {
        const { box, dir } = await projectFor(emu, (t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`));
        boxes.push(box);
        for (const [i, url] of urls.entries()) {
            await box.run(dir, ["config", "set", "--path", `assetUrls[${i}]`, url]);
        }
        await box.run(dir, ["config", "set", "timeoutSeconds", String(timeoutSeconds)]);
        return { box, dir };
    };
    const created = (id: string) => emu.store.allRecords().filter((r) => r.taskId === id);

    const COMPLETE_AFTER_MS = 6000;
    before(async () => {
        // Purges finish (URLs with /fail fail) after 6 s: longer than the 2 s timeout below.
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("fails the update naming the failed URL, and does not purge the page", async () => {
        emu.reset();
        const { box, dir } = await project(["https://www.example.com/ok.js", "https://www.example.com/fail/app.css"], 120);
        const failedId = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => {
            assert.match(e.message, /https:\/\/www\.example\.com\/fail\/app\.css/);
            return emu.store.allRecords()[0].taskId;
        });
        assert.deepStrictEqual(emu.store.allRecords().filter((r) => r.taskId !== failedId), [], "the page was purged");
    });

    it("times out keeping the task in the state; the next up resumes the wait without purging the assets again", async () => {
        emu.reset();
        const { box, dir } = await project(["https://www.example.com/app.js"], 2);
        await assert.rejects(up(box, dir), /timed out after 2 s/);
        const [assetsTask] = [...new Set(emu.store.allRecords().map((r) => r.taskId))];
        await box.run(dir, ["config", "set", "timeoutSeconds", "60"]);
        await up(box, dir);
        const assetPurges = emu.store.allRecords().filter((r) => r.url === "https://www.example.com/app.js");
        assert.deepStrictEqual([assetPurges.length, created(assetsTask).map((r) => r.status)], [1, ["done"]]);
        const state = JSON.parse(await box.run(dir, ["stack", "export"]));
        const gate = state.deployment.resources.find((r: { type: string }) => r.type === "tencentcloud-purge:index:PurgeTaskWaiter");
        assert.deepStrictEqual([gate.outputs.taskId, gate.outputs.status], [assetsTask, "done"]);
    });
});

describe("the provider plugin installed from its archive with `pulumi plugin install`", function () {
    this.timeout(600_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        // As a user's project: no path to the plugin, the engine uses the installed one.
        ({ box, dir } = await projectFor(emu, (t) => t.replace(/^plugins:\n( .*\n)+/m, "")));
        const dist = path.join(box.tempDir, "dist");
        const archive = archiveForThisPlatform(await packPluginArchives(dist));
        const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
        await box.run(dir, ["plugin", "install", "resource", "tencentcloud-purge", version, "--file", archive]);
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("pulumi package get-schema prints the installed plugin's schema", async () => {
        const printed = JSON.parse(await box.run(dir, ["package", "get-schema", "tencentcloud-purge"]));
        assert.deepStrictEqual([printed.name, Object.keys(printed.functions).sort()],
            ["tencentcloud-purge", ["tencentcloud-purge:edgeone:getPurgeTasks", "tencentcloud-purge:index:getPurgeTasks"]]);
    });

    it("runs the example with no plugin path in Pulumi.yaml", async () => {
        assert.ok(!fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").includes("plugins:"));
        await up(box, dir);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus], ["done", "done"]);
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
    });
});
