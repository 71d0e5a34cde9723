/**
 * The CDN's prefetch through the provider plugin on the real Pulumi engine: the Pulumi YAML example
 * (`examples/yaml-warm`: purge, prefetch, then the release) run by the YAML language host against the emulator.
 * Never skipped: without the CLI or the YAML host the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDyaml00000000000000000000000000002";
const SECRET_KEY = "yaml-warm-e2e-secret-key-5d1c9a";
const PLUGIN_DIR = path.join(repoRoot, "plugin");
const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
const PAGE = "https://www.example.com/index.html";

async function projectFor(emu: RunningEmulator, assets: readonly string[], warmTimeoutSeconds: number): Promise<{ box: PulumiSandbox; dir: string }> {
    return yamlProject((t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`), [
        ["tencentcloud-purge:secretId", SECRET_ID], ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY],
        ["tencentcloud-purge:endpoint", emu.url], ["warmTimeoutSeconds", String(warmTimeoutSeconds)],
        ...assets.map((url, i) => ["--path", `assetUrls[${i}]`, url])], "yaml-warm");
}

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));

describe("the Pulumi YAML prefetch example on the real engine, through the provider plugin", function () {
    this.timeout(300_000);
    const PUSH_AFTER_MS = 3000;
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 500, pushCompleteAfterMs: PUSH_AFTER_MS,
            credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        ({ box, dir } = await projectFor(emu, ASSETS, 120));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("preview calls nothing at the CDN", async () => {
        await box.run(dir, ["preview", "--non-interactive"]);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("up purges, prefetches, and releases the page only once every asset is warm", async () => {
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const pushed = emu.pushes.allRecords();
        const [page] = emu.store.allRecords().filter((r) => r.url === PAGE);
        assert.deepStrictEqual(pushed.map((r) => r.url).sort(), [...ASSETS].sort(), text);
        const warmAt = Math.max(...pushed.map((r) => r.createdAtMs)) + PUSH_AFTER_MS;
        assert.ok(page.createdAtMs >= warmAt, `page purged at ${new Date(page.createdAtMs).toISOString()}, assets warm at ${new Date(warmAt).toISOString()}`);
        const purgedAssets = emu.store.allRecords().filter((r) => ASSETS.includes(r.url));
        assert.ok(Math.min(...pushed.map((r) => r.createdAtMs)) >= Math.max(...purgedAssets.map((r) => r.createdAtMs)), "prefetched before the purge");
        assert.deepStrictEqual([out.warmStatus, (out.warmTasks as { status: string; percent: number }[]).map((t) => [t.status, t.percent])],
            ["done", [["done", 100], ["done", 100]]]);
        const sent = emu.stats.snapshot().recent.find((r) => r.action === "PushUrlsCache")?.params as Record<string, unknown>;
        assert.deepStrictEqual(sent.Headers, [{ Name: "X-Warm-Up", Value: "1" }]);
    });

    it("keeps the secret key out of the state, and destroy prefetches nothing", async () => {
        const text = await box.run(dir, ["stack", "export"]);
        assert.ok(text.includes("tencentcloud-purge:index:UrlPush") && !text.includes(SECRET_KEY), "state holds the push, not the key");
        const pushes = emu.stats.snapshot().requests.PushUrlsCache;
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
        assert.strictEqual(emu.stats.snapshot().requests.PushUrlsCache, pushes);
    });
});

describe("a prefetch the origin cannot serve, or one that times out, through the provider plugin on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const open = async (assets: readonly string[], warmTimeoutSeconds: number) => {
        const project = await projectFor(emu, assets, warmTimeoutSeconds);
        boxes.push(project.box);
        return project;
    };
    const pagePurged = () => emu.store.allRecords().some((r) => r.url === PAGE);

    before(async () => {
        // A prefetch takes 10 s here: longer than the 1 s deadline of the timeout test, which ends it through the control API.
        emu = await startEmulator({ completeAfterMs: 300, pushCompleteAfterMs: 10_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("fails the update naming the URL the origin lacks and what invalid means, and does not release the page", async () => {
        emu.reset();
        const { box, dir } = await open(["https://www.example.com/ok.js", "https://www.example.com/missing.css"], 120);
        const failure = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message);
        assert.match(failure, /https:\/\/www\.example\.com\/missing\.css \(invalid: the origin answered 4xx\/5xx\)/);
        assert.ok(!pagePurged(), "the page was purged");
    });

    it("times out keeping the task ids; the next up resumes the wait without prefetching again", async () => {
        emu.reset();
        const { box, dir } = await open(["https://www.example.com/slow.js"], 1);
        await assert.rejects(up(box, dir), /timed out after 1 s waiting for push task/);
        assert.ok(!pagePurged(), "the page was purged before the assets were warm");
        const [taskId] = [...new Set(emu.pushes.allRecords().map((r) => r.taskId))];
        const res = await fetch(`${emu.url}/_emulator/push-tasks/${taskId}/complete`, { method: "POST", body: JSON.stringify({ status: "done" }) });
        assert.strictEqual(res.status, 200, await res.text());
        await box.run(dir, ["config", "set", "warmTimeoutSeconds", "60"]);
        await up(box, dir);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.warmTaskIds, emu.stats.snapshot().requests.PushUrlsCache, out.warmStatus, pagePurged()],
            [[taskId], 1, "done", true]);
    });
});
