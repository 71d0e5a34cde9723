/**
 * The Python example (`examples/python-gate`) on the real Pulumi engine, run by Pulumi's Python language host in a
 * project folder with its own virtualenv, through the generated Python SDK and the provider plugin, against the
 * emulator: the CDN gate, a failed purge, a timed-out gate resumed, refresh and destroy, and the same program's
 * EdgeOne path. The toolchain comes from `scripts/ensurePulumiPython.sh`; without it the suites skip with what is
 * missing and how to get it, except in CI, where they fail.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { pythonHostOrSkip, pythonProject } from "./support/pythonProject";

const SECRET_ID = "AKIDpython000000000000000000000000000";
const SECRET_KEY = "python-e2e-secret-key-5b8d2f";
const PLUGIN_DIR = path.join(repoRoot, "plugin");
const ZONE = "zone-2noz78a8ev6k";

/** A copy of the example with this repository's plugin, whose stack config points at `emu`, plus `config`. */
const projectFor = (emu: RunningEmulator, config: readonly (readonly string[])[] = []) => pythonProject(
    { example: "python-gate", editPulumiYaml: (t) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`) },
    [["tencentcloud-purge:secretId", SECRET_ID], ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY],
        ["tencentcloud-purge:endpoint", emu.url], ["timeoutSeconds", "120"], ...config]);

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));
const assetUrls = (urls: readonly string[]) => urls.map((url, i) => ["--path", `assetUrls[${i}]`, url]);

describe("the Python example on the real engine, through the generated Python SDK and the provider plugin", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 3000;
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async function () {
        await pythonHostOrSkip(this);
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        ({ box, dir } = await projectFor(emu));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("preview calls nothing at the CDN (the invoke waits for the gate's task id)", async () => {
        await box.run(dir, ["preview", "--non-interactive"]);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("up purges the page only after the gate saw the assets done, and reads the task back through the invoke", async () => {
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const assetRecords = emu.store.allRecords().filter((r) => r.taskId === out.taskId);
        const pageRecords = emu.store.allRecords().filter((r) => r.taskId === out.pageTaskId);
        assert.deepStrictEqual(assetRecords.map((r) => r.url).sort(), ["https://www.example.com/app.css", "https://www.example.com/app.js"], text);
        const assetsDoneAt = Math.max(...assetRecords.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(pageRecords[0].createdAtMs >= assetsDoneAt,
            `page purged at ${new Date(pageRecords[0].createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
        const records = out.assetRecords as { taskId: string; url: string; status: string }[];
        assert.deepStrictEqual([out.gateStatus, out.pageStatus, records.map((r) => [r.taskId, r.status])],
            ["done", "done", [[out.taskId, "done"], [out.taskId, "done"]]], text);
        assert.match(out.gateDoneAt, /^\d{4}-\d\d-\d\dT/);
    });

    it("a second up with nothing changed changes nothing and purges nothing", async () => {
        const purges = emu.stats.snapshot().requests.PurgeUrlsCache;
        const text = await up(box, dir);
        assert.match(text, /(\d+) unchanged/);
        assert.doesNotMatch(text, /\b(created|updated|replaced|deleted)\b/, text);
        assert.strictEqual(emu.stats.snapshot().requests.PurgeUrlsCache, purges);
    });

    it("keeps the secret key out of the state", async () => {
        const text = await box.run(dir, ["stack", "export"]);
        assert.ok(text.includes("tencentcloud-purge:index:PurgeTaskWaiter"), "the export holds the gate");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
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

describe("a Python program's purge that fails or times out, on the real engine", function () {
    this.timeout(300_000);
    // Purges finish (URLs with /fail fail) after 6 s: longer than the 2 s timeout below.
    const COMPLETE_AFTER_MS = 6000;
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const open = async (urls: readonly string[], timeoutSeconds: number) => {
        const project = await projectFor(emu, [...assetUrls(urls), ["timeoutSeconds", String(timeoutSeconds)]]);
        boxes.push(project.box);
        return project;
    };

    before(async function () {
        await pythonHostOrSkip(this);
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("fails the update naming the failed URL, and does not purge the page", async () => {
        emu.reset();
        const { box, dir } = await open(["https://www.example.com/ok.js", "https://www.example.com/fail/app.css"], 120);
        const message = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message);
        assert.match(message, /https:\/\/www\.example\.com\/fail\/app\.css/);
        assert.ok(!message.includes(SECRET_KEY), "secret key in the output");
        const [failedId] = [...new Set(emu.store.allRecords().map((r) => r.taskId))];
        assert.deepStrictEqual(emu.store.allRecords().filter((r) => r.taskId !== failedId), [], "the page was purged");
    });

    it("times out keeping the task in the state; the next up resumes the wait without purging the assets again", async () => {
        emu.reset();
        const { box, dir } = await open(["https://www.example.com/app.js"], 2);
        await assert.rejects(up(box, dir), /timed out after 2 s/);
        const [assetsTask] = [...new Set(emu.store.allRecords().map((r) => r.taskId))];
        assert.deepStrictEqual(emu.store.allRecords().filter((r) => r.url === "https://www.example.com/index.html"), [], "the page was purged");
        await box.run(dir, ["config", "set", "timeoutSeconds", "60"]);
        await up(box, dir);
        const assetPurges = emu.store.allRecords().filter((r) => r.url === "https://www.example.com/app.js");
        assert.deepStrictEqual([assetPurges.length, assetPurges.map((r) => [r.taskId, r.status])], [1, [[assetsTask, "done"]]]);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.taskId, out.gateStatus, out.pageStatus], [assetsTask, "done", "done"]);
    });
});

describe("the Python example's EdgeOne path (zoneId set) on the real engine", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 3000;
    const PREFETCH_MS = 2000;
    const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async function () {
        await pythonHostOrSkip(this);
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, teoPrefetchCompleteAfterMs: PREFETCH_MS,
            credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        // One emulator address serves both APIs.
        ({ box, dir } = await projectFor(emu, [["zoneId", ZONE], ["tencentcloud-purge:teoEndpoint", emu.url]]));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("up purges the page only after both gates saw every asset done and EdgeOne's prefetch warmed them, and reads the EdgeOne tasks back", async () => {
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const teo = emu.teoStore.allRecords();
        assert.deepStrictEqual(teo.map((r) => [r.zoneId, r.target]).sort(), ASSETS.map((url) => [ZONE, url]).sort(), text);
        const cdnDoneAt = Math.max(...emu.store.allRecords().filter((r) => r.taskId === out.taskId).map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        const teoDoneAt = Math.max(...teo.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        const [page] = emu.store.allRecords().filter((r) => r.taskId === out.pageTaskId);
        assert.ok(page.createdAtMs >= Math.max(cdnDoneAt, teoDoneAt),
            `page purged at ${new Date(page.createdAtMs).toISOString()}, CDN done at ${new Date(cdnDoneAt).toISOString()}, EdgeOne at ${new Date(teoDoneAt).toISOString()}`);
        const tasks = out.edgeOneAssetTasks as { jobId: string; target: string; status: string }[];
        assert.deepStrictEqual([out.gateStatus, out.edgeOneGateStatus, out.pageStatus, tasks.map((t) => [t.jobId, t.target, t.status]).sort()],
            ["done", "success", "done", ASSETS.map((url) => [teo[0].jobId, url, "success"]).sort()], text);
        // The prefetch is sent once the EdgeOne purge is done, and the page purged once every asset is warm.
        const warm = emu.teoPrefetchStore.allRecords();
        const warmDoneAt = Math.max(...warm.map((r) => r.createdAtMs)) + PREFETCH_MS;
        assert.ok(Math.min(...warm.map((r) => r.createdAtMs)) >= teoDoneAt && page.createdAtMs >= warmDoneAt, "prefetched or released too early");
        const warmTasks = out.edgeOneWarmTasks as { target: string; status: string }[];
        assert.deepStrictEqual([out.edgeOneWarmStatus, warmTasks.map((t) => [t.target, t.status]).sort()],
            ["success", ASSETS.map((url) => [url, "success"]).sort()], text);
    });

    it("keeps the secret key out of the state, and destroy removes everything without purging", async () => {
        assert.ok(!(await box.run(dir, ["stack", "export"])).includes(SECRET_KEY), "secret key in state");
        const { CreatePurgeTask: purges, CreatePrefetchTask: prefetches } = emu.stats.snapshot().requests;
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
        const state = JSON.parse(await box.run(dir, ["stack", "export"]));
        const sent = emu.stats.snapshot().requests;
        assert.deepStrictEqual([(state.deployment.resources ?? []).length, sent.CreatePurgeTask, sent.CreatePrefetchTask], [0, purges, prefetches]);
    });
});

describe("the Python example's CDN prefetch path (warm set) on the real engine", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 1000;
    const PUSH_AFTER_MS = 3000;
    const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
    const PAGE = "https://www.example.com/index.html";
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];
    const open = async (config: readonly (readonly string[])[]) => {
        const project = await projectFor(emu, config);
        boxes.push(project.box);
        return project;
    };
    const pagePurged = () => emu.store.allRecords().some((r) => r.url === PAGE);

    before(async function () {
        await pythonHostOrSkip(this);
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, pushCompleteAfterMs: PUSH_AFTER_MS, teoPrefetchCompleteAfterMs: PUSH_AFTER_MS,
            credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await emu?.close();
    });

    it("up pushes the assets once their purge is done, and purges the page only once the push gate saw every URL done", async () => {
        emu.reset();
        const { box, dir } = await open([["warm", "true"]]);
        const text = await up(box, dir);
        const out = await outputs(box, dir);
        const pushed = emu.pushes.allRecords();
        assert.deepStrictEqual([pushed.map((r) => r.url).sort(), out.warmTaskIds], [[...ASSETS].sort(), [...new Set(pushed.map((r) => r.taskId))]], text);
        const purgedAt = Math.max(...emu.store.allRecords().filter((r) => r.taskId === out.taskId).map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        const warmAt = Math.max(...pushed.map((r) => r.createdAtMs)) + PUSH_AFTER_MS;
        const [page] = emu.store.allRecords().filter((r) => r.url === PAGE);
        assert.ok(Math.min(...pushed.map((r) => r.createdAtMs)) >= purgedAt, "pushed before the purge was done");
        assert.ok(page.createdAtMs >= warmAt, `page purged at ${new Date(page.createdAtMs).toISOString()}, assets warm at ${new Date(warmAt).toISOString()}`);
        const tasks = out.warmTasks as { taskId: string; url: string; status: string; percent: number }[];
        assert.deepStrictEqual([out.warmGateStatus, out.pageStatus, tasks.map((t) => [t.taskId, t.url, t.status, t.percent]).sort()],
            ["done", "done", ASSETS.map((url) => [out.warmTaskIds[0], url, "done", 100]).sort()], text);
        // A second up with nothing changed pushes nothing again.
        await up(box, dir);
        assert.strictEqual(emu.stats.snapshot().requests.PushUrlsCache, 1);
        assert.ok(!(await box.run(dir, ["stack", "export"])).includes(SECRET_KEY), "secret key in state");
    });

    it("fails the update naming the URL the origin lacks and what invalid means, and does not purge the page", async () => {
        emu.reset();
        const { box, dir } = await open([["warm", "true"], ...assetUrls(["https://www.example.com/ok.js", "https://www.example.com/missing.css"])]);
        const message = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message);
        assert.match(message, /https:\/\/www\.example\.com\/missing\.css \(invalid: the origin answered 4xx\/5xx\)/);
        assert.ok(!message.includes(SECRET_KEY), "secret key in the output");
        assert.deepStrictEqual([emu.stats.snapshot().requests.PushUrlsCache, pagePurged()], [1, false]);
    });

    it("on the EdgeOne path, fails the update naming the target the origin lacks, and does not purge the page", async () => {
        emu.reset();
        const { box, dir } = await open([["zoneId", ZONE], ["tencentcloud-purge:teoEndpoint", emu.url],
            ...assetUrls(["https://www.example.com/ok.js", "https://www.example.com/missing.css"])]);
        const message = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message);
        assert.match(message, /https:\/\/www\.example\.com\/missing\.css/);
        assert.match(message, /invalid/);
        assert.deepStrictEqual([emu.stats.snapshot().requests.CreatePrefetchTask, pagePurged()], [1, false]);
    });
});
