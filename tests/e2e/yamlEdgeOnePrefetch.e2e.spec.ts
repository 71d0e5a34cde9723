/**
 * EdgeOne's prefetch through the provider plugin on the real Pulumi engine: the Pulumi YAML example
 * `examples/yaml-edgeone-warm` (purge, then prefetch, then read the prefetch's tasks) run in a project folder by
 * the YAML language host against the emulator. Never skipped: without the CLI or the YAML host the suite fails
 * with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDyaml00000000000000000000000000002";
const SECRET_KEY = "yaml-teo-warm-e2e-secret-key-41c9";
const PLUGIN_DIR = path.join(repoRoot, "plugin");
const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
const PURGE_MS = 1000;
const PREFETCH_MS = 3000;

/** A copy of the example, with this repository's plugin, whose stack config points EdgeOne at `emu`. */
function projectFor(emu: RunningEmulator, assets: readonly string[], timeoutSeconds: number): Promise<{ box: PulumiSandbox; dir: string }> {
    return yamlProject((t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`), [
        ["tencentcloud-purge:secretId", SECRET_ID], ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY],
        ["tencentcloud-purge:teoEndpoint", emu.url], ["prefetchTimeoutSeconds", String(timeoutSeconds)],
        ...assets.map((url, i) => ["--path", `assetUrls[${i}]`, url])], "yaml-edgeone-warm");
}

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));

describe("the Pulumi YAML purge-and-warm example for EdgeOne on the real engine, through the provider plugin", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const open = async (assets: readonly string[], timeoutSeconds: number) => {
        const project = await projectFor(emu, assets, timeoutSeconds);
        boxes.push(project.box);
        return project;
    };

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: PURGE_MS, teoPrefetchCompleteAfterMs: PREFETCH_MS,
            credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    beforeEach(() => emu.reset());
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("prefetches only after the purge finished, and is created only once every URL is warm", async () => {
        const { box, dir } = await open(ASSETS, 120);
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const purged = emu.teoStore.allRecords().filter((r) => (out.purgeJobIds as string[]).includes(r.jobId));
        const warmed = emu.teoPrefetchStore.allRecords().filter((r) => (out.warmJobIds as string[]).includes(r.jobId));
        assert.deepStrictEqual([purged.map((r) => r.target).sort(), warmed.map((r) => r.target).sort()], [[...ASSETS].sort(), [...ASSETS].sort()], text);
        const purgeDoneAt = Math.max(...purged.map((r) => r.createdAtMs)) + PURGE_MS;
        assert.ok(Math.min(...warmed.map((r) => r.createdAtMs)) >= purgeDoneAt, "the prefetch was sent before the purge had finished");
        const warmDoneAt = Math.max(...warmed.map((r) => r.createdAtMs)) + PREFETCH_MS;
        assert.ok(Date.parse(out.warmDoneAt) >= warmDoneAt, `warm at ${out.warmDoneAt}, URLs warm only at ${new Date(warmDoneAt).toISOString()}`);
        const sent = emu.stats.snapshot().recent.find((r) => r.action === "CreatePrefetchTask")!.params as { Headers: unknown };
        assert.deepStrictEqual([out.warmStatus, sent.Headers], ["success", [{ Name: "X-Release", Value: "r1" }]]);
        const tasks = out.warmTasks as { target: string; status: string }[];
        assert.deepStrictEqual(tasks.map((t) => [t.target, t.status]).sort(), ASSETS.map((url) => [url, "success"]).sort());
        const state = await box.run(dir, ["stack", "export"]);
        assert.ok(state.includes("tencentcloud-purge:edgeone:Prefetch") && !state.includes(SECRET_KEY), "secret key in state");
    });

    it("fails the update naming a URL the origin lacks", async () => {
        const { box, dir } = await open(["https://www.example.com/app.js", "https://www.example.com/missing/logo.png"], 120);
        const failure = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message);
        assert.match(failure, /https:\/\/www\.example\.com\/missing\/logo\.png \(invalid: the origin answered 4xx\/5xx/);
        assert.doesNotMatch(failure, /app\.js \(/);
    });

    it("times out keeping the job ids; the next up resumes the wait without prefetching again", async () => {
        const { box, dir } = await open(["https://www.example.com/app.js"], 1);
        await assert.rejects(up(box, dir), /timed out after 1 s.*without prefetching again/s);
        const [jobId] = [...new Set(emu.teoPrefetchStore.allRecords().map((r) => r.jobId))];
        await box.run(dir, ["config", "set", "prefetchTimeoutSeconds", "60"]);
        await up(box, dir);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.warmJobIds, out.warmStatus, emu.stats.snapshot().requests.CreatePrefetchTask], [[jobId], "success", 1]);
    });
});
