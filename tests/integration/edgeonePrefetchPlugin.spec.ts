/**
 * EdgeOne's prefetch through the provider plugin (every language but TypeScript): `edgeone.Prefetch`,
 * `edgeone.PrefetchTaskWaiter` and the `edgeone.getPrefetchTasks` invoke, against the emulator's EdgeOne API.
 * Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { PluginError } from "../support/pluginHost";
import { pluginOnEmulator } from "../support/pluginOnEmulator";

const ZONE = "zone-2noz78a8ev6k";
const urnOf = (type: string) => `urn:pulumi:test::purge::tencentcloud-purge:edgeone:${type}::warm`;
const PREFETCH = urnOf("Prefetch");
const WAITER = urnOf("PrefetchTaskWaiter");
const GET_PREFETCH_TASKS = "tencentcloud-purge:edgeone:getPrefetchTasks";

describe("EdgeOne prefetch through the provider plugin", function () {
    this.timeout(30_000);
    const t = pluginOnEmulator({ teoPrefetchCompleteAfterMs: 300, teoQuota: { prefetch_url: { batch: 2, daily: 100 } } }, "teoEndpoint");
    const { calls } = t;
    const prefetch = (props: Record<string, unknown>) => ({ zoneId: ZONE, minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...props });
    const failure = (p: Promise<unknown>) => p.then(() => assert.fail("should fail"), (e: PluginError) => e);

    it("check names a header value that is not text", async () => {
        const { failures } = await t.plugin.check(PREFETCH, {}, prefetch({ targets: ["https://www.example.com/a"], headers: [{ name: "X-Warm", value: 1 }] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["headers[0].value"]);
        assert.match(failures[0].reason, /must be text of at most 1024 characters, got 1/);
    });
    it("creates a prefetch with headers in batches and waits until every URL is warm", async () => {
        const targets = ["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3"];
        const { properties } = await t.plugin.create(PREFETCH, prefetch({ targets, headers: [{ name: "X-Warm", value: "1" }], mode: "default" }));
        const sent = t.emu.stats.snapshot().recent.filter((r) => r.action === "CreatePrefetchTask").map((r) => r.params as Record<string, unknown>);
        assert.deepStrictEqual([properties.status, (properties.jobIds as string[]).length, sent.map((p) => p.Targets), sent[0].Headers],
            ["success", 2, [targets.slice(0, 2), targets.slice(2)], [{ Name: "X-Warm", Value: "1" }]]);
    });
    it("fails naming a URL the origin lacks", async () => {
        const e = await failure(t.plugin.create(PREFETCH, prefetch({ targets: ["https://www.example.com/missing.css"] })));
        assert.match(e.message, /https:\/\/www\.example\.com\/missing\.css \(invalid: the origin answered 4xx\/5xx/);
    });
    it("the waiter gates on a prefetch job from elsewhere", async () => {
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets: ["https://www.example.com/a"] });
        const { properties } = await t.plugin.create(WAITER, { zoneId: ZONE, jobId, minDelaySeconds: 0.1, maxDelaySeconds: 0.2 });
        assert.deepStrictEqual([properties.status, properties.jobIds], ["success", [jobId]]);
    });
    it("imports a prefetch gate by <zoneId>/<jobId>, and submits nothing", async () => {
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets: ["https://www.example.com/a"] }, 0);
        const read = await t.plugin.read(WAITER, `${ZONE}/${jobId}`, {});
        assert.deepStrictEqual([read.id, read.inputs, read.properties.status], [jobId, { zoneId: ZONE, jobId }, "success"]);
        assert.strictEqual(calls("CreatePrefetchTask"), 0);
    });
    it("imports a prefetch by <zoneId>/<jobId>: its targets and status from the job's tasks, submitting nothing", async () => {
        const targets = ["https://www.example.com/a", "https://www.example.com/b"];
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets }, 0);
        const read = await t.plugin.read(PREFETCH, `${ZONE}/${jobId}`, {});
        assert.deepStrictEqual([read.id, read.inputs, read.properties.status, read.properties.jobIds, read.properties.notRead, calls("CreatePrefetchTask")],
            [jobId, { zoneId: ZONE, targets }, "success", [jobId], ["mode", "headers", "prefetchMediaSegments"], 0]);
    });
    it("an imported prefetch takes mode and headers, which its tasks do not say, as the program states them: no change", async () => {
        const targets = ["https://www.example.com/a"];
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets }, 0);
        const read = await t.plugin.read(PREFETCH, `${ZONE}/${jobId}`, {});
        const diff = await t.plugin.diff(PREFETCH, jobId, read.properties, { zoneId: ZONE, targets, mode: "edge", headers: [{ name: "X-Warm", value: "1" }] });
        assert.deepStrictEqual(diff, { changes: "none", diffs: [] });
    });
    it("an update of an imported prefetch records the stated mode, and prefetches nothing again", async () => {
        const targets = ["https://www.example.com/a"];
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets }, 0);
        const read = await t.plugin.read(PREFETCH, `${ZONE}/${jobId}`, {});
        const outs = await t.plugin.update(PREFETCH, jobId, read.properties, { zoneId: ZONE, targets, mode: "edge", timeoutSeconds: 900 });
        assert.deepStrictEqual([outs.mode, outs.notRead, outs.jobIds, calls("CreatePrefetchTask")], ["edge", undefined, [jobId], 0]);
    });
    it("an imported prefetch whose targets the program changes prefetches again", async () => {
        const jobId = t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets: ["https://www.example.com/a"] }, 0);
        const read = await t.plugin.read(PREFETCH, `${ZONE}/${jobId}`, {});
        const diff = await t.plugin.diff(PREFETCH, jobId, read.properties, { zoneId: ZONE, targets: ["https://www.example.com/other"] });
        assert.strictEqual(diff.changes, "some");
    });
    it("refuses to import a prefetch by a bare job id, saying the form", async () => {
        await assert.rejects(t.plugin.read(PREFETCH, "1379afjk91u32h", {}), /<zoneId>\/<jobId>/);
    });
    it("getPrefetchTasks reads every page of a time range, with the statuses filter", async () => {
        const jobs = Array.from({ length: 3 }, (_, i) => t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default",
            targets: [`https://www.example.com/${i}`, `https://www.example.com/missing/${i}`] }, 0));
        const startTime = new Date(Date.now() - 60_000).toISOString();
        const { result, failures } = await t.plugin.invoke(GET_PREFETCH_TASKS, { zoneId: ZONE, startTime, statuses: ["invalid"] });
        assert.deepStrictEqual(failures, []);
        const tasks = result!.tasks as Record<string, unknown>[];
        assert.deepStrictEqual([result!.totalCount, new Set(tasks.map((t) => t.jobId)).size, tasks.every((t) => t.status === "invalid")],
            [3, jobs.length, true]);
        assert.deepStrictEqual(Object.keys(tasks[0]).sort(), ["createTime", "failMessage", "failType", "jobId", "status", "target", "updateTime"]);
        const page = await t.plugin.invoke(GET_PREFETCH_TASKS, { zoneId: ZONE, startTime, offset: 1, limit: 2 });
        assert.deepStrictEqual([page.result!.totalCount, (page.result!.tasks as unknown[]).length, calls("DescribePurgeTasks")], [6, 2, 0]);
    });
    it("getPrefetchTasks names a bad argument before any request", async () => {
        const { failures } = await t.plugin.invoke(GET_PREFETCH_TASKS, { zoneId: ZONE, jobId: "x", statuses: ["done"] });
        assert.deepStrictEqual([failures.map((f) => f.property), calls("DescribePrefetchTasks")], [["statuses[0]"], 0]);
    });
});
