import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorClient } from "../../emulator/cdn/client";
import { rawRequest } from "../../emulator/client";

describe("emulator control API", () => {
    let emu: RunningEmulator;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 60_000 });
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    const post = (p: string, body: unknown) => rawRequest(emu, "POST", p, JSON.stringify(body), { "Content-Type": "application/json" });

    it("GET /_emulator/stats counts requests per action", async () => {
        await emulatorClient(emu).DescribePurgeQuota();
        assert.strictEqual((await rawRequest(emu, "GET", "/_emulator/stats")).json.requests.DescribePurgeQuota, 1);
    });

    it("GET /_emulator/tasks lists records with their status", async () => {
        const { TaskId } = await emulatorClient(emu).PurgeUrlsCache({ Urls: ["https://c.com/1"] });
        const tasks = (await rawRequest(emu, "GET", "/_emulator/tasks")).json.tasks;
        assert.deepStrictEqual(tasks.map((t: { taskId: string; status: string }) => [t.taskId, t.status]), [[TaskId, "process"]]);
    });

    it("POST /_emulator/faults adds a list of rules the SDK then meets", async () => {
        await post("/_emulator/faults", [{ kind: "http", status: 503 }, { kind: "apiError", code: "InternalError.RouteError" }]);
        const client = emulatorClient(emu);
        const first = await client.DescribePurgeQuota().catch((e: { httpCode?: number }) => e.httpCode);
        const second = await client.DescribePurgeQuota().catch((e: { code?: string }) => e.code);
        assert.deepStrictEqual([first, second], [503, "InternalError.RouteError"]);
    });

    it("POST /_emulator/faults rejects an unknown kind with 400", async () => {
        assert.strictEqual((await post("/_emulator/faults", { kind: "explode" })).status, 400);
    });

    it("POST /_emulator/tasks/{id}/complete finishes a task as fail", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://c.com/1"] });
        await post(`/_emulator/tasks/${TaskId}/complete`, { status: "fail" });
        assert.strictEqual((await client.DescribePurgeTasks({ TaskId })).PurgeLogs?.[0].Status, "fail");
    });

    it("POST /_emulator/tasks/{id}/complete answers 404 for an unknown task", async () => {
        assert.strictEqual((await post("/_emulator/tasks/999/complete", { status: "done" })).status, 404);
    });

    it("POST /_emulator/tasks/{id}/vanish hides a task from DescribePurgeTasks", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://c.com/1"] });
        await post(`/_emulator/tasks/${TaskId}/vanish`, {});
        assert.strictEqual((await client.DescribePurgeTasks({ TaskId })).TotalCount, 0);
    });

    it("POST /_emulator/retention makes older records disappear from DescribePurgeTasks", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://c.com/1"] });
        await new Promise((r) => setTimeout(r, 5));
        const set = await post("/_emulator/retention", { retentionMs: 1 });
        const after = (await client.DescribePurgeTasks({ TaskId })).TotalCount;
        await post("/_emulator/retention", { retentionMs: null });
        assert.deepStrictEqual([set.json, after], [{ retentionMs: 1 }, 0]);
    });

    it("POST /_emulator/retention rejects a value that is not a duration", async () => {
        assert.strictEqual((await post("/_emulator/retention", { retentionMs: "1h" })).status, 400);
    });

    it("GET /_emulator/tasks/saved and POST /_emulator/tasks/restore carry tasks to another emulator, ids, times and statuses kept", async () => {
        const client = emulatorClient(emu);
        const { TaskId: done } = await client.PurgeUrlsCache({ Urls: ["https://c.com/1", "https://c.com/2"] });
        const { TaskId: pending } = await client.PurgePathCache({ Paths: ["https://c.com/dir/"], FlushType: "delete" });
        emu.store.complete(done!, "done");
        const saved = (await rawRequest(emu, "GET", "/_emulator/tasks/saved")).json;
        const other = await startEmulator({ completeAfterMs: 0 });
        try {
            const restored = await rawRequest(other, "POST", "/_emulator/tasks/restore", JSON.stringify(saved));
            const seen = (await emulatorClient(other).DescribePurgeTasks({ StartTime: "2000-01-01 00:00:00" })).PurgeLogs ?? [];
            const { TaskId: next } = await emulatorClient(other).PurgeUrlsCache({ Urls: ["https://c.com/3"] });
            assert.deepStrictEqual([restored.json, seen.map((l) => [l.TaskId, l.Url, l.Status, l.PurgeType]), BigInt(next!) > BigInt(pending!),
                other.store.allRecords().find((r) => r.taskId === done)?.createdAtMs],
            [{ restored: 2 }, [[pending, "https://c.com/dir/", "process", "path"], [done, "https://c.com/1", "done", "url"], [done, "https://c.com/2", "done", "url"]],
                true, emu.store.allRecords().find((r) => r.taskId === done)?.createdAtMs]);
        } finally {
            await other.close();
        }
    });

    it("POST /_emulator/tasks/restore keeps a processing task processing until it is completed", async () => {
        const task = { taskId: "42", purgeType: "url", flushType: "flush", area: "mainland", urls: ["https://c.com/p"], createdAtMs: 0, status: "process" };
        await post("/_emulator/tasks/restore", { tasks: [task] });
        const before = (await emulatorClient(emu).DescribePurgeTasks({ TaskId: "42" })).PurgeLogs?.[0].Status;
        await post("/_emulator/tasks/42/complete", { status: "done" });
        assert.deepStrictEqual([before, (await emulatorClient(emu).DescribePurgeTasks({ TaskId: "42" })).PurgeLogs?.[0].Status], ["process", "done"]);
    });

    it("POST /_emulator/tasks/restore refuses a task with a bad field, naming it", async () => {
        const answer = await post("/_emulator/tasks/restore", { tasks: [{ taskId: "1", purgeType: "url", flushType: "flush", area: "moon",
            urls: ["https://c.com/1"], createdAtMs: 0, status: "done" }] });
        assert.deepStrictEqual([answer.status, answer.json.error, emu.store.allRecords().length],
            [400, 'tasks[0].area must be one of mainland, overseas, global, got "moon"', 0]);
    });

    it("POST /_emulator/reset forgets tasks and statistics", async () => {
        await emulatorClient(emu).PurgeUrlsCache({ Urls: ["https://c.com/1"] });
        await post("/_emulator/reset", {});
        const stats = (await rawRequest(emu, "GET", "/_emulator/stats")).json;
        assert.deepStrictEqual([emu.store.allRecords().length, stats.requests], [0, {}]);
    });

    it("is not served with controlApi false", async () => {
        const closed = await startEmulator({ controlApi: false });
        try {
            assert.strictEqual((await rawRequest(closed, "GET", "/_emulator/stats")).status, 404);
        } finally {
            await closed.close();
        }
    });
});
