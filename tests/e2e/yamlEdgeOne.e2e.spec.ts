/**
 * EdgeOne through the provider plugin on the real Pulumi engine: the Pulumi YAML example (`examples/yaml-edgeone`)
 * run in a project folder by the YAML language host, with the plugin found by its path, against the emulator's
 * EdgeOne API: `edgeone:Purge`, `edgeone:PurgeTaskWaiter` and the `edgeone:getPurgeTasks` invoke. Never skipped:
 * without the CLI or the YAML host the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator, TeoTaskRecord } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDyaml00000000000000000000000000001";
const SECRET_KEY = "yaml-teo-e2e-secret-key-8e2b5f";
const PLUGIN_DIR = path.join(repoRoot, "plugin");
const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
const PAGE = "https://www.example.com/index.html";

/** A copy of the example, with this repository's plugin, whose stack config points EdgeOne at `emu`. */
async function projectFor(emu: RunningEmulator, assets: readonly string[], timeoutSeconds: number): Promise<{ box: PulumiSandbox; dir: string }> {
    return yamlProject((t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`), [
        ["tencentcloud-purge:secretId", SECRET_ID], ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY],
        ["tencentcloud-purge:teoEndpoint", emu.url], ["timeoutSeconds", String(timeoutSeconds)],
        ...assets.map((url, i) => ["--path", `assetUrls[${i}]`, url])], "yaml-edgeone");
}

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));

/** A POST to the emulator's control API, as a user's own test would make it. */
async function control(emu: RunningEmulator, route: string, body: unknown): Promise<void> {
    const res = await fetch(`${emu.url}/_emulator/${route}`, { method: "POST", body: JSON.stringify(body) });
    assert.strictEqual(res.status, 200, await res.text());
}

/**
 * Ends as `success` (the targets given an outcome end as that) the job of the first task `pick` finds, once it is
 * submitted; for an emulator whose jobs never end by themselves. `stop` ends the watch and returns that job.
 */
function completeOnceSubmitted(emu: RunningEmulator, pick: (r: TeoTaskRecord) => boolean): { stop(): string | undefined } {
    let jobId: string | undefined;
    const poll = setInterval(() => {
        const task = jobId === undefined ? emu.teoStore.allRecords().find(pick) : undefined;
        if (task) {
            jobId = task.jobId;
            emu.teoStore.complete(jobId, "success");
        }
    }, 200);
    return { stop: () => (clearInterval(poll), jobId) };
}

describe("the Pulumi YAML EdgeOne example on the real engine, through the provider plugin", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 3000;
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        ({ box, dir } = await projectFor(emu, ASSETS, 120));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("preview calls nothing at EdgeOne", async () => {
        await box.run(dir, ["preview", "--non-interactive"]);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("up purges the page only after every target of the gated jobs succeeded", async () => {
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const records = emu.teoStore.allRecords();
        const assets = records.filter((r) => (out.jobIds as string[]).includes(r.jobId));
        const [page] = records.filter((r) => r.jobId === out.pageJobId);
        assert.deepStrictEqual(assets.map((r) => r.target).sort(), [...ASSETS].sort(), text);
        // The emulator turns a target `success` completeAfterMs after its job was created.
        const assetsDoneAt = Math.max(...assets.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(page.createdAtMs >= assetsDoneAt,
            `page purged at ${new Date(page.createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus, page.target], ["success", "success", PAGE]);
    });

    it("the getPurgeTasks invoke reads the gated tasks back as success", async () => {
        const out = await outputs(box, dir);
        const tasks = out.assetTasks as { jobId: string; target: string; status: string }[];
        assert.deepStrictEqual(tasks.map((t) => [t.jobId, t.target, t.status]).sort(),
            ASSETS.map((url) => [out.jobIds[0], url, "success"]).sort());
    });

    it("keeps the secret key out of the state", async () => {
        const text = await box.run(dir, ["stack", "export"]);
        assert.ok(text.includes("tencentcloud-purge:edgeone:PurgeTaskWaiter"), "the export holds the gate");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
    });

    it("refresh re-reads the tasks and destroy removes everything without purging", async () => {
        const purges = emu.stats.snapshot().requests.CreatePurgeTask;
        const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
        await box.run(dir, ["refresh", "--yes", "--non-interactive"]);
        assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
        const state = JSON.parse(await box.run(dir, ["stack", "export"]));
        assert.deepStrictEqual([(state.deployment.resources ?? []).length, emu.stats.snapshot().requests.CreatePurgeTask], [0, purges]);
    });
});

describe("an EdgeOne target that fails, or a gate that times out, through the provider plugin on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const open = async (assets: readonly string[], timeoutSeconds: number) => {
        const project = await projectFor(emu, assets, timeoutSeconds);
        boxes.push(project.box);
        return project;
    };
    const pagePurged = () => emu.teoStore.allRecords().some((r) => r.target === PAGE);

    before(async () => {
        // Jobs stay `processing` until a test ends them: a gate can time out at will, and a job ends when a test needs it.
        emu = await startEmulator({ completeAfterMs: 3_600_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("fails the update naming the failed target and its reason, and does not purge the page", async () => {
        emu.reset();
        const broken = "https://www.example.com/broken.css";
        await control(emu, "teo/targets", { target: broken, status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
        const { box, dir } = await open(["https://www.example.com/ok.js", broken], 120);
        // The other target succeeds; the broken one ends as set above.
        const watch = completeOnceSubmitted(emu, (r) => r.target === broken);
        const failure = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message).finally(() => watch.stop());
        assert.match(failure, /https:\/\/www\.example\.com\/broken\.css \(originPullFailed: origin answered 502\)/);
        assert.ok(!pagePurged(), "the page was purged");
    });

    it("times out keeping the job ids; the next up resumes the wait without purging the assets again", async () => {
        emu.reset();
        const { box, dir } = await open(["https://www.example.com/app.js"], 3);
        await assert.rejects(up(box, dir), /timed out after 3 s/);
        assert.ok(!pagePurged(), "the page was purged before the gate passed");
        const [jobId] = [...new Set(emu.teoStore.allRecords().map((r) => r.jobId))];
        await control(emu, `teo/jobs/${jobId}/complete`, { status: "success" });
        await box.run(dir, ["config", "set", "timeoutSeconds", "60"]);
        // The page's own purge must finish within this up too.
        const watch = completeOnceSubmitted(emu, (r) => r.target === PAGE);
        await up(box, dir).finally(() => watch.stop());
        const assetPurges = emu.teoStore.allRecords().filter((r) => r.target === "https://www.example.com/app.js");
        const out = await outputs(box, dir);
        assert.deepStrictEqual([assetPurges.map((r) => r.jobId), out.jobIds, out.gateStatus], [[jobId], [jobId], "success"]);
    });
});
