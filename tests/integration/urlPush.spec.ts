/**
 * The CDN's prefetch through both hosts, as the engine calls them, against the emulator: UrlPush waits until every
 * URL is warm, fails naming a URL the origin lacks, checks the push quota before sending, and resumes a timed-out
 * wait without prefetching again; PushTaskWaiter gates on push tasks. Needs the compiled package (`npm run build`).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { HOSTS, HostUnderTest } from "../support/hostsUnderTest";

const COMPILED = path.join(__dirname, "..", "..", "bin", "provider", "plugin", "main.js");
const FAST = { minDelaySeconds: 0.1, maxDelaySeconds: 0.3 };

for (const factory of HOSTS) {
    describe(`UrlPush and PushTaskWaiter in ${factory.name}`, function () {
        this.timeout(30_000);
        let emu: RunningEmulator;
        let slowEmu: RunningEmulator;
        let host: HostUnderTest;
        let slowHost: HostUnderTest;
        /** The emulator's clock runs this far from the real one (to seed past prefetches). */
        let shiftMs = 0;
        const calls = (e: RunningEmulator, action: string) => e.stats.snapshot().requests[action] ?? 0;
        const failure = (p: Promise<unknown>) => p.then(() => assert.fail("the update should fail"),
            (e: Error & { partial?: { id: string; properties: Record<string, unknown> } }) => e);

        before(async () => {
            assert.ok(fs.existsSync(COMPILED), `${COMPILED} is missing: run "npm run build" first`);
            emu = await startEmulator({ pushCompleteAfterMs: 300, pushBatch: 2, pushTotal: 6, now: () => Date.now() + shiftMs });
            slowEmu = await startEmulator({ pushCompleteAfterMs: 60_000 });
            host = await factory.start({ ...EMULATOR_CREDENTIALS, endpoint: emu.url });
            slowHost = await factory.start({ ...EMULATOR_CREDENTIALS, endpoint: slowEmu.url });
        });
        beforeEach(() => { emu.reset(); slowEmu.reset(); });
        after(async () => {
            host?.stop();
            slowHost?.stop();
            await emu?.close();
            await slowEmu?.close();
        });

        it("check names a bad header, and too many headers, without calling the API", async () => {
            const urls = ["https://www.example.com/a.js"];
            const bad = await host.check("urlPush", { urls, headers: [{ name: "bad name", value: "x" }] });
            const many = await host.check("urlPush", { urls, headers: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "v" })) });
            assert.deepStrictEqual([bad.map((f) => f.property), many.map((f) => f.property), emu.stats.snapshot().requests],
                [["headers[0].name"], ["headers"], {}]);
        });

        it("create returns once every URL is done, in batches of the quota's size, after reading the quota", async () => {
            const urls = ["a", "b", "c"].map((n) => `https://www.example.com/${n}.js`);
            const { properties } = await host.create("urlPush", { urls, area: "mainland", userAgent: "warm/1",
                headers: [{ name: "X-Warm", value: "1" }], ...FAST });
            const records = emu.pushes.allRecords();
            assert.deepStrictEqual([properties.status, (properties.taskIds as string[]).length, properties.submitted,
                records.map((r) => r.status), calls(emu, "DescribePushQuota"), calls(emu, "PushUrlsCache")],
            ["done", 2, 3, ["done", "done", "done"], 1, 2]);
            const sent = emu.stats.snapshot().recent.find((r) => r.action === "PushUrlsCache")?.params as Record<string, unknown>;
            assert.deepStrictEqual([sent.UserAgent, sent.Headers], ["warm/1", [{ Name: "X-Warm", Value: "1" }]]);
        });

        it("a URL the origin lacks fails the update naming it and what invalid means", async () => {
            const err = await failure(host.create("urlPush", { urls: ["https://www.example.com/ok.js", "https://www.example.com/missing.js"], ...FAST }));
            assert.match(err.message, /https:\/\/www\.example\.com\/missing\.js \(invalid: the origin answered 4xx\/5xx\)/);
            assert.match(err.message, /the next `pulumi up` submits again what was not prefetched \(submission 2 of 3\)/);
            assert.doesNotMatch(err.message, /ok\.js|purg/i);
            assert.strictEqual(err.partial?.properties.status, "fail");
        });

        it("a global prefetch over what either area has left is refused before anything is sent", async () => {
            await host.create("urlPush", { urls: ["https://www.example.com/1.js", "https://www.example.com/2.js"], area: "overseas", ...FAST });
            const urls = ["3", "4", "5", "6", "7"].map((n) => `https://www.example.com/${n}.js`);
            await assert.rejects(host.create("urlPush", { urls, area: "global", ...FAST }),
                /UrlPush needs 5 URL prefetches but only 4 of 6 are left today \(area overseas, which a global prefetch also uses\); nothing was submitted/);
            assert.strictEqual(calls(emu, "PushUrlsCache"), 1);
        });

        it("a timed-out wait keeps the task, and the next update resumes it without prefetching again", async () => {
            const inputs = { urls: ["https://www.example.com/big.mp4"], timeoutSeconds: 1, ...FAST };
            const err = await failure(slowHost.create("urlPush", inputs));
            assert.match(err.message, /timed out after 1 s waiting for push task \d+.*resumes the wait without prefetching again$/);
            assert.doesNotMatch(err.message, /purg/i);
            const taskIds = err.partial!.properties.taskIds as string[];
            slowEmu.pushes.complete(taskIds[0]);
            const outs = await slowHost.update("urlPush", err.partial!.id, err.partial!.properties, { ...inputs, timeoutSeconds: 30 });
            assert.deepStrictEqual([outs.status, outs.taskIds, calls(slowEmu, "PushUrlsCache")], ["done", taskIds, 1]);
        });

        it("without delays, paces the wait on the account's recent prefetches, read once", async () => {
            shiftMs = -3_600_000;
            ["1", "2", "3"].forEach((n) => emu.pushes.submit("mainland", [`https://www.example.com/old-${n}.js`]));
            shiftMs = 0;
            const { properties } = await host.create("urlPush", { urls: ["https://www.example.com/paced.js"] });
            const reads = emu.stats.snapshot().recent.filter((r) => r.action === "DescribePushTasks").map((r) => r.params as Record<string, unknown>);
            assert.deepStrictEqual([properties.status, reads.filter((p) => p.Status === "done").length, reads.filter((p) => p.TaskId).length > 0],
                ["done", 1, true]);
        });

        it("imports a prefetch and its gate by task id (a read that knows only the id), submitting nothing", async () => {
            const taskId = emu.pushes.submit("overseas", ["https://www.example.com/i.js"]);
            emu.pushes.complete(taskId);
            const push = await host.read("urlPush", taskId, {});
            const gate = await host.read("pushWaiter", taskId, {});
            assert.deepStrictEqual([push.id, push.properties.urls, push.properties.area, push.properties.status, gate.properties.status,
                calls(emu, "PushUrlsCache")], [taskId, ["https://www.example.com/i.js"], "overseas", "done", "done", 0]);
        });

        it("a PushTaskWaiter passes once every task is done, and fails naming an invalid URL", async () => {
            const { properties: warm } = await host.create("urlPush", { urls: ["https://www.example.com/w.js"], wait: false });
            const { properties } = await host.create("pushWaiter", { taskIds: warm.taskIds, timeoutSeconds: 30, ...FAST });
            assert.deepStrictEqual([warm.status, properties.status, (properties.pushLogs as { status: string }[]).map((r) => r.status)],
                ["process", "done", ["done"]]);
            const { properties: cold } = await host.create("urlPush", { urls: ["https://www.example.com/missing/w.js"], wait: false });
            await assert.rejects(host.create("pushWaiter", { taskId: cold.taskId, ...FAST }),
                (e: Error) => /missing\/w\.js \(invalid: the origin answered 4xx\/5xx\)/.test(e.message) && !/purg/i.test(e.message));
        });
    });
}
