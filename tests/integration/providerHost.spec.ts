/**
 * The providers driven through Pulumi's own dynamic-provider host over gRPC, as the engine drives them,
 * against the emulator. Needs the compiled provider (`npm run build`), which the test command runs first.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { ProviderHost } from "../support/providerHost";
import { hostOnEmulator } from "../support/hostOnEmulator";

/** A provider host whose environment points at `emu`. */
const hostFor = (emu: RunningEmulator) => ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
    TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });

describe("providers in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    const t = hostOnEmulator({ completeAfterMs: 300, urlBatch: 2 }, ["urlPurge", "pathPurge", "waiter"], "endpoint");
    const { calls, providers } = t;
    const urlPurge = (props: Record<string, unknown>) => ({ __provider: providers.urlPurge, ...props });
    const waiter = (props: Record<string, unknown>) => ({ __provider: providers.waiter, ...props });

    it("check accepts good inputs without calling the API", async () => {
        const { failures } = await t.host.check({}, urlPurge({ urls: ["https://www.example.com/a"] }));
        assert.deepStrictEqual([failures, t.emu.stats.snapshot().requests], [[], {}]);
    });
    it("check names a bad URL", async () => {
        const { failures } = await t.host.check({}, urlPurge({ urls: ["www.example.com/a"] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["urls"]);
    });
    it("check passes inputs unknown during preview", async () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const { failures } = await t.host.check({}, waiter({ taskId: unknown, timeoutSeconds: unknown }));
        assert.deepStrictEqual(failures, []);
    });
    it("check requires flushType for a PathPurge", async () => {
        const { failures } = await t.host.check({}, { __provider: providers.pathPurge, paths: ["https://www.example.com/static/"] });
        assert.deepStrictEqual(failures.map((f) => f.property), ["flushType"]);
    });
    it("create submits once and returns only when the purge is done", async () => {
        const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/a"] }));
        const records = t.emu.store.allRecords().filter((r) => r.taskId === id);
        assert.deepStrictEqual([properties.status, properties.taskId, calls("PurgeUrlsCache"), records[0].status], ["done", id, 1, "done"]);
    });
    it("create splits a list longer than the quota's batch size", async () => {
        const urls = ["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3"];
        const { properties } = await t.host.create(urlPurge({ urls }));
        assert.deepStrictEqual([(properties.taskIds as string[]).length, calls("PurgeUrlsCache")], [2, 2]);
    });
    it("create fails with the failed URL and keeps the task in a partial state", async () => {
        await assert.rejects(t.host.create(urlPurge({ urls: ["https://www.example.com/ok", "https://www.example.com/fail/x"] })),
            (e: any) => /https:\/\/www\.example\.com\/fail\/x/.test(e.message) && e.partial?.properties.status === "fail");
    });
    it("diff reports no change for the same inputs once done", async () => {
        const inputs = urlPurge({ urls: ["https://www.example.com/a"], triggers: ["v1"] });
        const { id, properties } = await t.host.create(inputs);
        assert.strictEqual(await t.host.diff(id, properties, inputs), "none");
    });
    it("an update with new triggers purges again", async () => {
        const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/a"], triggers: ["v1"] }));
        const news = urlPurge({ urls: ["https://www.example.com/a"], triggers: ["v2"] });
        assert.strictEqual(await t.host.diff(id, properties, news), "some");
        const outs = await t.host.update(id, properties, news);
        assert.deepStrictEqual([outs.status, calls("PurgeUrlsCache"), outs.taskId !== properties.taskId], ["done", 2, true]);
    });
    it("read re-reads the task's status", async () => {
        const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/a"], wait: false }));
        assert.strictEqual(properties.status, "process");
        t.emu.store.complete(id, "done");
        assert.strictEqual((await t.host.read(id, properties)).properties.status, "done");
    });
    it("delete calls nothing at the CDN", async () => {
        const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/a"], wait: false }));
        const before = t.emu.stats.snapshot().requests;
        await t.host.delete(id, properties);
        assert.deepStrictEqual(t.emu.stats.snapshot().requests, before);
    });
    it("PathPurge purges a directory and waits", async () => {
        const { properties } = await t.host.create({ __provider: providers.pathPurge, paths: ["https://www.example.com/static/"], flushType: "delete" });
        assert.deepStrictEqual([properties.status, calls("PurgePathCache")], ["done", 1]);
    });
    it("PurgeTaskWaiter waits for a task id and returns its records", async () => {
        const { properties: purge } = await t.host.create(urlPurge({ urls: ["https://www.example.com/w"], wait: false }));
        const { properties } = await t.host.create(waiter({ taskId: purge.taskId, timeoutSeconds: 30 }));
        assert.deepStrictEqual([properties.status, (properties.purgeLogs as any[]).map((r) => r.status)], ["done", ["done"]]);
    });
    it("PurgeTaskWaiter waits for every task matching a filter", async () => {
        await t.host.create(urlPurge({ urls: ["https://a.example.com/1"], wait: false }));
        await t.host.create(urlPurge({ urls: ["https://a.example.com/2"], wait: false }));
        const { properties } = await t.host.create(waiter({ keyword: "a.example.com", startTime: new Date(Date.now() - 60_000).toISOString() }));
        assert.deepStrictEqual([properties.status, (properties.purgeLogs as any[]).length], ["done", 2]);
    });
    it("never puts the secret key in outputs, and keeps the serialized provider small", async () => {
        const { properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/s"] }));
        const text = JSON.stringify(properties);
        assert.ok(!text.includes(EMULATOR_CREDENTIALS.secretKey) && !text.includes(EMULATOR_CREDENTIALS.secretId));
        // It carries the code that finds the package from wherever the host runs, and nothing else.
        assert.ok(providers.urlPurge.length < 4096, `serialized provider is ${providers.urlPurge.length} bytes`);
    });
    it("says to install the package when the program's folder has none", async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), "purge-noinstall-"));
        const bare = await ProviderHost.start({}, folder);
        try {
            await assert.rejects(bare.check({}, urlPurge({ urls: ["https://www.example.com/a"] })),
                /pulumi-tencentcloud-purge is not installed where pulumi runs .*npm install pulumi-tencentcloud-purge/);
        } finally {
            bare.stop();
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
    it("says to build a checkout of the package that is not built", async () => {
        const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "purge-unbuilt-"));
        fs.writeFileSync(path.join(checkout, "package.json"), JSON.stringify({ name: "pulumi-tencentcloud-purge" }));
        const unbuilt = await ProviderHost.start({}, checkout);
        try {
            await assert.rejects(unbuilt.check({}, urlPurge({ urls: ["https://www.example.com/a"] })), /is not built: run "npm run build"/);
        } finally {
            unbuilt.stop();
            fs.rmSync(checkout, { recursive: true, force: true });
        }
    });

    describe("after the API has forgotten the purge records", () => {
        it("refresh keeps a done purge done, without a call", async () => {
            const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/old"] }));
            t.emu.store.setRetention(0);
            const reads = calls("DescribePurgeTasks");
            const { properties: refreshed } = await t.host.read(id, properties);
            t.emu.store.setRetention(undefined);
            assert.deepStrictEqual([refreshed.status, calls("DescribePurgeTasks") - reads], ["done", 0]);
        });
        it("refresh keeps a passed gate done", async () => {
            const { properties: purge } = await t.host.create(urlPurge({ urls: ["https://www.example.com/g"] }));
            const { id, properties } = await t.host.create(waiter({ taskId: purge.taskId }));
            t.emu.store.setRetention(0);
            const { properties: refreshed } = await t.host.read(id, properties);
            t.emu.store.setRetention(undefined);
            assert.strictEqual(refreshed.status, "done");
        });
        it("refresh never turns an unfinished purge done when its records are gone", async () => {
            const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/u"], wait: false }));
            t.emu.store.vanish(id);
            assert.strictEqual((await t.host.read(id, properties)).properties.status, "process");
        });
        it("the next update of a done purge and gate has nothing to do", async () => {
            const purgeProps = urlPurge({ urls: ["https://www.example.com/n"] });
            const { id, properties } = await t.host.create(purgeProps);
            const gate = await t.host.create(waiter({ taskId: id }));
            t.emu.store.setRetention(0);
            const diffs = [await t.host.diff(id, properties, purgeProps), await t.host.diff(gate.id, gate.properties, waiter({ taskId: id }))];
            t.emu.store.setRetention(undefined);
            assert.deepStrictEqual(diffs, ["none", "none"]);
        });
        it("an unfinished purge whose records are gone is submitted again by the next update", async () => {
            const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/again"], wait: false }));
            t.emu.store.vanish(id);
            // Records last days: the next update comes long after the send, past the listing lag.
            const sentLongAgo = { ...properties, lastSentAt: new Date(Date.now() - 3_600_000).toISOString() };
            const outs = await t.host.update(id, sentLongAgo, urlPurge({ urls: ["https://www.example.com/again"] }));
            assert.deepStrictEqual([outs.status, outs.taskId === id, calls("PurgeUrlsCache")], ["done", false, 2]);
        });

        it("an unfinished purge not listed yet, moments after its send, is waited for rather than submitted again", async () => {
            const { id, properties } = await t.host.create(urlPurge({ urls: ["https://www.example.com/lagging"], wait: false }));
            t.emu.store.setVisibleAfter(2000);
            try {
                const outs = await t.host.update(id, properties, urlPurge({ urls: ["https://www.example.com/lagging"] }));
                assert.deepStrictEqual([outs.status, outs.taskId, calls("PurgeUrlsCache")], ["done", id, 1]);
            } finally {
                t.emu.store.setVisibleAfter(0);
            }
        });
    });

    describe("after the package was upgraded", () => {
        it("diff reports the stored provider as changed, and the update neither purges nor waits", async () => {
            const news = urlPurge({ urls: ["https://www.example.com/up"] });
            const { id, properties } = await t.host.create(news);
            const stored = { ...properties, __provider: properties.__provider + "\n// an older build" };
            const before = { purges: calls("PurgeUrlsCache"), reads: calls("DescribePurgeTasks") };
            const diff = await t.host.diff(id, stored, news);
            const outs = await t.host.update(id, stored, news);
            assert.deepStrictEqual([diff, outs.status, outs.__provider === news.__provider, calls("PurgeUrlsCache") - before.purges,
                calls("DescribePurgeTasks") - before.reads], ["some", "done", true, 0, 0]);
        });
        it("a passed gate is updated without waiting again", async () => {
            const { properties: purge } = await t.host.create(urlPurge({ urls: ["https://www.example.com/up2"] }));
            const news = waiter({ taskId: purge.taskId });
            const { id, properties } = await t.host.create(news);
            const reads = calls("DescribePurgeTasks");
            const outs = await t.host.update(id, { ...properties, __provider: "older" }, news);
            assert.deepStrictEqual([outs.completedAt, calls("DescribePurgeTasks") - reads], [properties.completedAt, 0]);
        });
    });

    describe("with an emulator whose purges take a minute", () => {
        let slowEmu: RunningEmulator;
        let slowHost: ProviderHost;
        before(async () => {
            slowEmu = await startEmulator({ completeAfterMs: 60_000, urlTotal: 3 });
            slowHost = await hostFor(slowEmu);
        });
        after(async () => {
            slowHost?.stop();
            await slowEmu?.close();
        });

        it("a timed-out create keeps the task id, and the update resumes the wait without purging again", async () => {
            const slow = urlPurge({ urls: ["https://www.example.com/slow"], timeoutSeconds: 1, minDelaySeconds: 0.2, maxDelaySeconds: 0.5 });
            const err: any = await slowHost.create(slow).then(() => assert.fail("create should time out"), (e) => e);
            assert.match(err.message, /timed out/);
            const partial = err.partial.properties;
            assert.strictEqual(partial.status, "process");
            slowEmu.store.complete(err.partial.id, "done");
            assert.strictEqual(await slowHost.diff(err.partial.id, partial, slow), "some");
            const outs = await slowHost.update(err.partial.id, partial, slow);
            assert.deepStrictEqual([outs.status, outs.taskId, slowEmu.stats.snapshot().requests.PurgeUrlsCache], ["done", err.partial.id, 1]);
        });
        it("create fails before submitting when the daily quota cannot cover the list", async () => {
            const urls = ["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3", "https://www.example.com/4"];
            await assert.rejects(slowHost.create(urlPurge({ urls })), /needs 4 URL purges but only [0-3] of 3 are left today/);
            assert.strictEqual(slowEmu.stats.snapshot().requests.PurgeUrlsCache ?? 0, 1);
        });
    });

    describe("with an emulator that allows 5 URL purges a day", () => {
        let quotaEmu: RunningEmulator;
        let quotaHost: ProviderHost;
        before(async () => {
            quotaEmu = await startEmulator({ completeAfterMs: 300, urlTotal: 5 });
            quotaHost = await hostFor(quotaEmu);
        });
        after(async () => {
            quotaHost?.stop();
            await quotaEmu?.close();
        });

        it("purges that start together share one quota read, and one that would exceed what is left is refused before sending", async () => {
            const results = await Promise.allSettled([1, 2, 3].map((n) => quotaHost.create(urlPurge({
                urls: [`https://www.example.com/q${n}a`, `https://www.example.com/q${n}b`] }))));
            const stats = quotaEmu.stats.snapshot().requests;
            const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.message);
            assert.deepStrictEqual([stats.DescribePurgeQuota, stats.PurgeUrlsCache, refused.length], [1, 2, 1]);
            assert.match(refused[0], /needs 2 URL purges but only 1 of 5 are left today.*nothing was submitted/);
        });
    });

    describe("with 200 resources in one host", () => {
        let manyEmu: RunningEmulator;
        let manyHost: ProviderHost;
        before(async () => {
            manyEmu = await startEmulator({ completeAfterMs: 1000 });
            manyHost = await hostFor(manyEmu);
        });
        after(async () => {
            manyHost?.stop();
            await manyEmu?.close();
        });

        it("prints no Node warning (such as MaxListenersExceededWarning)", async function () {
            this.timeout(120_000);
            const purges = await Promise.all(Array.from({ length: 100 }, (_, i) =>
                manyHost.create(urlPurge({ urls: [`https://www.example.com/many/${i}`] }))));
            await Promise.all(purges.map(({ id }) => manyHost.create(waiter({ taskId: id }))));
            assert.deepStrictEqual(manyHost.stderr.split("\n").filter((l) => /Warning/.test(l)), []);
        });
    });

    describe("with an emulator that takes 1,000 URLs in one batch", () => {
        let bigEmu: RunningEmulator;
        let bigHost: ProviderHost;
        before(async () => {
            bigEmu = await startEmulator({ completeAfterMs: 1500 });
            bigHost = await hostFor(bigEmu);
        });
        after(async () => {
            bigHost?.stop();
            await bigEmu?.close();
        });

        it("waits for a 1,000-URL task, reading all its pages each round, without a throttled call", async () => {
            const urls = Array.from({ length: 1000 }, (_, i) => `https://www.example.com/asset/${i}.png`);
            const { properties } = await bigHost.create(urlPurge({ urls }));
            const stats = bigEmu.stats.snapshot();
            assert.deepStrictEqual([properties.status, (properties.taskIds as string[]).length, stats.throttled], ["done", 1, 0]);
            assert.ok((stats.requests.DescribePurgeTasks ?? 0) >= 10, "every round reads all ten pages");
        });
    });
});
