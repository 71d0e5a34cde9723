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
