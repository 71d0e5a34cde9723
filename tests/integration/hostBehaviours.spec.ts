/**
 * What users rely on from the resources, whichever host runs them: the core's behaviour through the
 * dynamic-provider host and through the provider plugin, over gRPC as the engine calls them, against the
 * emulator. Needs the compiled package (`npm run build`), which the test command runs first.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator } from "../../emulator";
import { HOSTS } from "../support/hostsUnderTest";
import { fastAndSlowHosts } from "../support/fastAndSlowHosts";

for (const factory of HOSTS) {
    describe(`the resources in ${factory.name}`, function () {
        this.timeout(30_000);
        const t = fastAndSlowHosts(factory, { completeAfterMs: 300 }, { completeAfterMs: 60_000 });
        const calls = (e: RunningEmulator, action: string) => e.stats.snapshot().requests[action] ?? 0;

        it("check names a bad URL without calling the API", async () => {
            const failures = await t.host.check("urlPurge", { urls: ["www.example.com/a"] });
            assert.deepStrictEqual([failures.map((f) => f.property), t.emu.stats.snapshot().requests], [["urls"], {}]);
        });
        it("check refuses a PurgeTaskWaiter given both taskId and taskIds, naming taskIds", async () => {
            const failures = await t.host.check("waiter", { taskId: "1533", taskIds: ["1534"] });
            assert.deepStrictEqual([failures.map((f) => f.property), t.emu.stats.snapshot().requests], [["taskIds"], {}]);
        });
        it("create returns only once the purge is done", async () => {
            const { id, properties } = await t.host.create("urlPurge", { urls: ["https://www.example.com/a"] });
            const records = t.emu.store.allRecords().filter((r) => r.taskId === id);
            assert.deepStrictEqual([properties.status, records.map((r) => r.status), calls(t.emu, "PurgeUrlsCache")], ["done", ["done"], 1]);
        });
        it("a failed purge fails naming the URL, and keeps the task in a partial state", async () => {
            await assert.rejects(t.host.create("urlPurge", { urls: ["https://www.example.com/ok", "https://www.example.com/fail/x"] }),
                (e: any) => /https:\/\/www\.example\.com\/fail\/x/.test(e.message) && e.partial?.properties.status === "fail");
        });
        it("a PurgeTaskWaiter passes once the task is done and returns its records", async () => {
            const { properties: purge } = await t.host.create("urlPurge", { urls: ["https://www.example.com/w"], wait: false });
            const { properties } = await t.host.create("waiter", { taskId: purge.taskId, timeoutSeconds: 30 });
            assert.deepStrictEqual([properties.status, (properties.purgeLogs as { status: string }[]).map((r) => r.status)], ["done", ["done"]]);
        });
        it("refresh (read) re-reads the task's status", async () => {
            const { id, properties } = await t.host.create("urlPurge", { urls: ["https://www.example.com/r"], wait: false });
            t.emu.store.complete(id, "done");
            assert.deepStrictEqual([properties.status, (await t.host.read("urlPurge", id, properties)).properties.status], ["process", "done"]);
        });
        it("never puts the secret key or id in the outputs", async () => {
            const { properties } = await t.host.create("pathPurge", { paths: ["https://www.example.com/static/"], flushType: "flush" });
            const text = JSON.stringify(properties);
            assert.ok(properties.status === "done" && !text.includes(EMULATOR_CREDENTIALS.secretKey) && !text.includes(EMULATOR_CREDENTIALS.secretId), text);
        });
        it("a PurgeTaskWaiter on three task ids is created only once all three are done", async () => {
            const ids: string[] = [];
            for (const page of ["one", "two", "three"]) {
                ids.push((await t.slowHost.create("urlPurge", { urls: [`https://www.example.com/${page}`], wait: false })).id);
            }
            let settled = false;
            const gate = t.slowHost.create("waiter", { taskIds: ids, timeoutSeconds: 20, minDelaySeconds: 0.1, maxDelaySeconds: 0.2 })
                .finally(() => { settled = true; });
            const completedAt = Date.now();
            t.slowEmu.store.complete(ids[0], "done");
            t.slowEmu.store.complete(ids[2], "done");
            // Two reads begun after the completions and answered: the gate went on to the second only after it had
            // the first answer, with two of three done, in hand.
            const readsSince = () => t.slowEmu.stats.snapshot().recent.filter((r) => r.action === "DescribePurgeTasks" && r.time >= completedAt).length;
            while (readsSince() < 2 && !settled) {
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            const beforeLast = settled;
            t.slowEmu.store.complete(ids[1], "done");
            const { properties } = await gate;
            const seen = (properties.purgeLogs as { taskId: string; status: string }[]).map((r) => `${r.taskId}:${r.status}`).sort();
            assert.deepStrictEqual([beforeLast, properties.status, properties.taskIds, seen],
                [false, "done", ids, ids.map((id) => `${id}:done`).sort()]);
        });
        it("a PurgeTaskWaiter on three task ids fails naming the one that failed", async () => {
            const ids: string[] = [];
            for (const page of ["ok-1", "fail/broken", "ok-2"]) {
                ids.push((await t.host.create("urlPurge", { urls: [`https://www.example.com/${page}`], wait: false })).id);
            }
            const err: any = await t.host.create("waiter", { taskIds: ids, timeoutSeconds: 20 }).then(() => assert.fail("the gate should fail"), (e) => e);
            assert.deepStrictEqual([/https:\/\/www\.example\.com\/fail\/broken/.test(err.message), new RegExp(`failed task: ${ids[1]}\\)`).test(err.message),
                err.partial?.properties.status], [true, true, "fail"], err.message);
        });
        it("a timed-out create keeps the task id, and the next update resumes the wait without purging again", async () => {
            const inputs = { urls: ["https://www.example.com/slow"], timeoutSeconds: 1, minDelaySeconds: 0.2, maxDelaySeconds: 0.5 };
            const err: any = await t.slowHost.create("urlPurge", inputs).then(() => assert.fail("create should time out"), (e) => e);
            assert.match(err.message, /timed out after 1 s/);
            t.slowEmu.store.complete(err.partial.id, "done");
            assert.strictEqual(await t.slowHost.diff("urlPurge", err.partial.id, err.partial.properties, inputs), "some");
            const outs = await t.slowHost.update("urlPurge", err.partial.id, err.partial.properties, inputs);
            assert.deepStrictEqual([outs.status, outs.taskId, calls(t.slowEmu, "PurgeUrlsCache")], ["done", err.partial.id, 1]);
        });
    });
}
