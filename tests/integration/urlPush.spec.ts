/**
 * The CDN's prefetch through both hosts, as the engine calls them, against the emulator: UrlPush waits until every
 * URL is warm, fails naming a URL the origin lacks, checks the push quota before sending, and resumes a timed-out
 * wait without prefetching again; PushTaskWaiter gates on push tasks. Needs the compiled package (`npm run build`).
 */
import * as assert from "assert";
import { RunningEmulator } from "../../emulator";
import { HOSTS } from "../support/hostsUnderTest";
import { fastAndSlowHosts } from "../support/fastAndSlowHosts";
import { QUOTA_SHARE_MS } from "../../provider/resources/quotaSubmission";
const FAST = { minDelaySeconds: 0.1, maxDelaySeconds: 0.3 };

for (const factory of HOSTS) {
    describe(`UrlPush and PushTaskWaiter in ${factory.name}`, function () {
        this.timeout(30_000);
        /** The emulator's clock runs this far from the real one (to seed past prefetches). */
        let shiftMs = 0;
        const t = fastAndSlowHosts(factory, { pushCompleteAfterMs: 300, pushBatch: 2, pushTotal: 6, now: () => Date.now() + shiftMs },
            { pushCompleteAfterMs: 60_000 });
        const calls = (e: RunningEmulator, action: string) => e.stats.snapshot().requests[action] ?? 0;
        const failure = (p: Promise<unknown>) => p.then(() => assert.fail("the update should fail"),
            (e: Error & { partial?: { id: string; properties: Record<string, unknown> } }) => e);

        it("check names a bad header, and too many headers, without calling the API", async () => {
            const urls = ["https://www.example.com/a.js"];
            const bad = await t.host.check("urlPush", { urls, headers: [{ name: "bad name", value: "x" }] });
            const many = await t.host.check("urlPush", { urls, headers: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "v" })) });
            assert.deepStrictEqual([bad.map((f) => f.property), many.map((f) => f.property), t.emu.stats.snapshot().requests],
                [["headers[0].name"], ["headers"], {}]);
        });

        it("create returns once every URL is done, in batches of the quota's size, after reading the quota", async () => {
            const urls = ["a", "b", "c"].map((n) => `https://www.example.com/${n}.js`);
            const { properties } = await t.host.create("urlPush", { urls, area: "mainland", userAgent: "warm/1",
                headers: [{ name: "X-Warm", value: "1" }], ...FAST });
            const records = t.emu.pushes.allRecords();
            assert.deepStrictEqual([properties.status, (properties.taskIds as string[]).length, properties.submitted,
                records.map((r) => r.status), calls(t.emu, "DescribePushQuota"), calls(t.emu, "PushUrlsCache")],
            ["done", 2, 3, ["done", "done", "done"], 1, 2]);
            const sent = t.emu.stats.snapshot().recent.find((r) => r.action === "PushUrlsCache")?.params as Record<string, unknown>;
            assert.deepStrictEqual([sent.UserAgent, sent.Headers], ["warm/1", [{ Name: "X-Warm", Value: "1" }]]);
        });

        it("a URL the origin lacks fails the update naming it and what invalid means", async () => {
            const err = await failure(t.host.create("urlPush", { urls: ["https://www.example.com/ok.js", "https://www.example.com/missing.js"], ...FAST }));
            assert.match(err.message, /https:\/\/www\.example\.com\/missing\.js \(invalid: the origin answered 4xx\/5xx\)/);
            assert.match(err.message, /the next `pulumi up` submits again what was not prefetched \(submission 2 of 3\)/);
            assert.doesNotMatch(err.message, /ok\.js|purg/i);
            assert.strictEqual(err.partial?.properties.status, "fail");
        });

        it("a global prefetch over what either area has left is refused before anything is sent", async () => {
            // The host counts a quota read down across the prefetches that start within moments; the earlier specs'
            // count outlives the emulator's reset, so this one starts on a read of its own.
            await new Promise((r) => setTimeout(r, QUOTA_SHARE_MS));
            await t.host.create("urlPush", { urls: ["https://www.example.com/1.js", "https://www.example.com/2.js"], area: "overseas", ...FAST });
            const urls = ["3", "4", "5", "6", "7"].map((n) => `https://www.example.com/${n}.js`);
            await assert.rejects(t.host.create("urlPush", { urls, area: "global", ...FAST }),
                /UrlPush needs 5 URL prefetches but only 4 of 6 are left today \(area overseas, which a global prefetch also uses\); nothing was submitted/);
            assert.strictEqual(calls(t.emu, "PushUrlsCache"), 1);
        });

        it("two prefetches created at once that together exceed the day's rest: one is refused before it sends anything", async () => {
            await new Promise((r) => setTimeout(r, QUOTA_SHARE_MS)); // a read of its own, as above
            const urls = (p: string) => ["1", "2", "3", "4"].map((n) => `https://www.example.com/${p}-${n}.js`);
            const told = await Promise.allSettled([t.host.create("urlPush", { urls: urls("a"), ...FAST }), t.host.create("urlPush", { urls: urls("b"), ...FAST })]);
            assert.deepStrictEqual(told.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
            const refused = told.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as Error;
            assert.match(refused.message, /UrlPush needs 4 URL prefetches but only 2 of 6 are left today \(area mainland\); nothing was submitted/);
            assert.strictEqual(calls(t.emu, "PushUrlsCache"), 2);
        });

        it("a timed-out wait keeps the task, and the next update resumes it without prefetching again", async () => {
            const inputs = { urls: ["https://www.example.com/big.mp4"], timeoutSeconds: 1, ...FAST };
            const err = await failure(t.slowHost.create("urlPush", inputs));
            assert.match(err.message, /timed out after 1 s waiting for push task \d+.*resumes the wait without prefetching again$/);
            assert.doesNotMatch(err.message, /purg/i);
            const taskIds = err.partial!.properties.taskIds as string[];
            t.slowEmu.pushes.complete(taskIds[0]);
            const outs = await t.slowHost.update("urlPush", err.partial!.id, err.partial!.properties, { ...inputs, timeoutSeconds: 30 });
            assert.deepStrictEqual([outs.status, outs.taskIds, calls(t.slowEmu, "PushUrlsCache")], ["done", taskIds, 1]);
        });

        it("without delays, paces the wait on the account's recent prefetches, read once", async () => {
            shiftMs = -3_600_000;
            ["1", "2", "3"].forEach((n) => t.emu.pushes.submit("mainland", [`https://www.example.com/old-${n}.js`]));
            shiftMs = 0;
            const { properties } = await t.host.create("urlPush", { urls: ["https://www.example.com/paced.js"] });
            const reads = t.emu.stats.snapshot().recent.filter((r) => r.action === "DescribePushTasks").map((r) => r.params as Record<string, unknown>);
            assert.deepStrictEqual([properties.status, reads.filter((p) => p.Status === "done").length, reads.filter((p) => p.TaskId).length > 0],
                ["done", 1, true]);
        });

        it("imports a prefetch and its gate by task id (a read that knows only the id), submitting nothing", async () => {
            const taskId = t.emu.pushes.submit("overseas", ["https://www.example.com/i.js"]);
            t.emu.pushes.complete(taskId);
            const push = await t.host.read("urlPush", taskId, {});
            const gate = await t.host.read("pushWaiter", taskId, {});
            assert.deepStrictEqual([push.id, push.properties.urls, push.properties.area, push.properties.status, gate.properties.status,
                calls(t.emu, "PushUrlsCache")], [taskId, ["https://www.example.com/i.js"], "overseas", "done", "done", 0]);
        });

        it("a PushTaskWaiter passes once every task is done, and fails naming an invalid URL", async () => {
            const { properties: warm } = await t.host.create("urlPush", { urls: ["https://www.example.com/w.js"], wait: false });
            const { properties } = await t.host.create("pushWaiter", { taskIds: warm.taskIds, timeoutSeconds: 30, ...FAST });
            assert.deepStrictEqual([warm.status, properties.status, (properties.pushLogs as { status: string }[]).map((r) => r.status)],
                ["process", "done", ["done"]]);
            const { properties: cold } = await t.host.create("urlPush", { urls: ["https://www.example.com/missing/w.js"], wait: false });
            await assert.rejects(t.host.create("pushWaiter", { taskId: cold.taskId, ...FAST }),
                (e: Error) => /missing\/w\.js \(invalid: the origin answered 4xx\/5xx\)/.test(e.message) && !/purg/i.test(e.message));
        });
    });
}
