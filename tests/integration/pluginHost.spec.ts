/**
 * What only the provider plugin does (the behaviours it shares with the dynamic-provider host are in
 * hostBehaviours.spec.ts): its schema, the getPurgeTasks invoke, secret inputs and config, progress through the
 * engine's Log service, and cancellation. Runs the plugin as the engine does, against the emulator.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { SCHEMA_FILE } from "../../scripts/writeSchema";
import { isSecret, PluginHost, secret, urnOf } from "../support/pluginHost";

const GET_PURGE_TASKS = "tencentcloud-purge:index:getPurgeTasks";
const URL_PURGE = urnOf("UrlPurge", "site");

describe("the provider plugin", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let plugin: PluginHost;
    const configure = (p: PluginHost) => p.configure({ secretId: EMULATOR_CREDENTIALS.secretId,
        secretKey: secret(EMULATOR_CREDENTIALS.secretKey), endpoint: emu.url });

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 300 });
        plugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
        await configure(plugin);
    });
    beforeEach(() => emu.reset());
    after(async () => {
        plugin?.stop();
        await emu?.close();
    });

    it("serves schema.json as its schema", async () => {
        assert.strictEqual(await plugin.getSchema(), fs.readFileSync(SCHEMA_FILE, "utf8"));
    });
    it("reports the package's version", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
        assert.strictEqual(await plugin.getPluginInfo(), version);
    });
    it("keeps a secret config value secret in CheckConfig", async () => {
        const inputs = await plugin.checkConfig({ secretId: "AKID", secretKey: secret("k") });
        assert.ok(isSecret(inputs.secretKey) && isSecret(inputs.secretId));
    });
    it("makes the id, key and token secret in CheckConfig even when they were set without --secret", async () => {
        const inputs = await plugin.checkConfig({ secretId: "AKID", secretKey: "plain-key", securityToken: "plain-token", region: "ap-guangzhou" });
        assert.deepStrictEqual([isSecret(inputs.secretId), isSecret(inputs.secretKey), isSecret(inputs.securityToken), inputs.region],
            [true, true, true, "ap-guangzhou"]);
    });
    it("answers getPurgeTasks with a task's records", async () => {
        const { id } = await plugin.create(URL_PURGE, { urls: ["https://www.example.com/i"], wait: false });
        const { result, failures } = await plugin.invoke(GET_PURGE_TASKS, { taskId: id });
        assert.deepStrictEqual([failures, (result!.purgeLogs as { url: string }[]).map((r) => r.url), result!.totalCount],
            [[], ["https://www.example.com/i"], 1]);
    });
    it("answers getPurgeTasks with one page when given a limit", async () => {
        await plugin.create(URL_PURGE, { urls: ["https://www.example.com/1", "https://www.example.com/2"], wait: false });
        const { result } = await plugin.invoke(GET_PURGE_TASKS, { startTime: new Date(Date.now() - 60_000).toISOString(), limit: 1 });
        assert.deepStrictEqual([(result!.purgeLogs as unknown[]).length, result!.totalCount], [1, 2]);
    });
    it("rejects bad getPurgeTasks arguments naming the argument, before any request", async () => {
        const { failures } = await plugin.invoke(GET_PURGE_TASKS, { status: "finished" });
        assert.deepStrictEqual([failures.map((f) => f.property), emu.stats.snapshot().requests], [["status"], {}]);
        assert.match(failures[0].reason, /"done", "process"/);
    });
    it("keeps a secret input secret in the outputs", async () => {
        const { properties } = await plugin.create(URL_PURGE, { urls: secret(["https://www.example.com/secret-page"]) });
        assert.deepStrictEqual([isSecret(properties.urls), isSecret(properties.taskId), properties.status], [true, false, "done"]);
    });
    it("shows the wait's progress on the resource's own line through the engine's Log service", async () => {
        await plugin.create(URL_PURGE, { urls: ["https://www.example.com/p"] });
        const lines = plugin.logs.filter((l) => l.urn === URL_PURGE && l.ephemeral);
        assert.ok(lines.some((l) => /^purge task \S+: 0\/1 done, 1 pending/.test(l.message)), JSON.stringify(plugin.logs));
    });
    it("does not store the input it uses for progress", async () => {
        const { properties } = await plugin.create(URL_PURGE, { urls: ["https://www.example.com/u"], wait: false });
        assert.ok(!("resourceUrn" in properties));
    });
    it("imports a UrlPurge by task id: Read gives its URLs as inputs and its status, submitting nothing", async () => {
        const urls = ["https://www.example.com/imp/a", "https://www.example.com/imp/b"];
        const { id } = await plugin.create(URL_PURGE, { urls });
        const submissions = emu.stats.snapshot().requests.PurgeUrlsCache;
        const read = await plugin.read(URL_PURGE, id, {});
        assert.deepStrictEqual([read.id, read.inputs, read.properties.taskIds, read.properties.status, emu.stats.snapshot().requests.PurgeUrlsCache],
            [id, { urls }, [id], "done", submissions]);
    });
    it("imports a PurgeTaskWaiter by task id", async () => {
        const { id } = await plugin.create(URL_PURGE, { urls: ["https://www.example.com/imp/w"] });
        const read = await plugin.read(urnOf("PurgeTaskWaiter", "gate"), id, {});
        assert.deepStrictEqual([read.inputs, read.properties.taskId, read.properties.status], [{ taskId: id }, id, "done"]);
    });
    it("refuses to import a task that does not exist, or as the wrong type", async () => {
        await assert.rejects(plugin.read(URL_PURGE, "999", {}), /cannot import UrlPurge 999: the API lists no purge task with that id/);
        const { id } = await plugin.create(urnOf("PathPurge", "dir"), { paths: ["https://www.example.com/imp/"], flushType: "flush", wait: false });
        await assert.rejects(plugin.read(URL_PURGE, id, {}), new RegExp(`cannot import UrlPurge ${id}: it is a path purge; import it as a PathPurge`));
    });
    it("names the types it serves when asked for another", async () => {
        await assert.rejects(plugin.check(urnOf("Bucket"), {}, {}), /unknown resource type tencentcloud-purge:index:Bucket; this provider serves .*UrlPurge/);
    });

    describe("with an emulator whose purges take a minute", () => {
        let slowEmu: RunningEmulator;
        let slowPlugin: PluginHost;
        before(async () => {
            slowEmu = await startEmulator({ completeAfterMs: 60_000 });
            slowPlugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
            await slowPlugin.configure({ ...EMULATOR_CREDENTIALS, endpoint: slowEmu.url });
        });
        after(async () => {
            slowPlugin?.stop();
            await slowEmu?.close();
        });

        it("takes the engine's customTimeouts as the wait's deadline when timeoutSeconds is not set, without storing it", async () => {
            const err: any = await slowPlugin.create(URL_PURGE, { urls: ["https://www.example.com/t"], minDelaySeconds: 0.2 }, 1)
                .then(() => assert.fail("create should time out"), (e) => e);
            assert.match(err.message, /timed out after 1 s/);
            assert.ok(!("timeoutSeconds" in err.partial.properties), JSON.stringify(err.partial.properties));
        });
        it("Cancel ends a running wait at once and keeps the task for the next update", async () => {
            const started = Date.now();
            const purgesBefore = slowEmu.stats.snapshot().requests.PurgeUrlsCache ?? 0;
            const creating = slowPlugin.create(URL_PURGE, { urls: ["https://www.example.com/c"], timeoutSeconds: 600 })
                .then(() => assert.fail("create should stop"), (e) => e);
            await new Promise((r) => setTimeout(r, 1000));
            await slowPlugin.cancel();
            const err = await creating;
            assert.match(err.message, /cancelled/);
            assert.deepStrictEqual([err.partial?.properties.status, slowEmu.stats.snapshot().requests.PurgeUrlsCache], ["process", purgesBefore + 1]);
            assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
        });
    });

    describe("with a submission that hangs", () => {
        let hangEmu: RunningEmulator;
        const plugins: PluginHost[] = [];
        const startPlugin = async () => {
            const p = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
            plugins.push(p);
            await p.configure({ ...EMULATOR_CREDENTIALS, endpoint: hangEmu.url });
            return p;
        };
        before(async () => {
            hangEmu = await startEmulator({ completeAfterMs: 60_000 });
        });
        after(async () => {
            plugins.forEach((p) => p.stop());
            await hangEmu?.close();
        });

        it("Cancel abandons the request at once, and the next update adopts the task it created instead of purging again", async () => {
            hangEmu.faults.add({ action: "PurgeUrlsCache", kind: "slow", delayMs: 2000 });
            const inputs = { urls: ["https://www.example.com/hang"], timeoutSeconds: 600 };
            const first = await startPlugin();
            const creating = first.create(URL_PURGE, inputs).then(() => assert.fail("create should stop"), (e) => e);
            while ((hangEmu.stats.snapshot().requests.PurgeUrlsCache ?? 0) === 0) {
                await new Promise((r) => setTimeout(r, 20));
            }
            const cancelledAt = Date.now();
            await first.cancel();
            const err = await creating;
            assert.ok(Date.now() - cancelledAt < 1500, `create returned ${Date.now() - cancelledAt} ms after the cancel`);
            assert.strictEqual(err.partial?.properties.inDoubt?.count, 1);
            while (hangEmu.store.allRecords().length === 0) {
                await new Promise((r) => setTimeout(r, 50));
            }
            const taskId = hangEmu.store.allRecords()[0].taskId;
            hangEmu.store.complete(taskId, "done");
            const outs = await (await startPlugin()).update(URL_PURGE, err.partial.id, err.partial.properties, inputs);
            assert.deepStrictEqual([outs.status, outs.taskIds, hangEmu.stats.snapshot().requests.PurgeUrlsCache], ["done", [taskId], 1]);
        });
    });
});
