import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorClient } from "../../emulator/cdn/client";
import { rawRequest } from "../../emulator/client";
import { formatApiTime } from "../../provider/base/time";

const SDK_CODE = (e: unknown): string | undefined => (e as { code?: string }).code;

describe("emulator's push (prefetch) actions with the official SDK", () => {
    let emu: RunningEmulator;
    let now = Date.now();
    const post = (p: string, body: unknown) => rawRequest(emu, "POST", p, JSON.stringify(body), { "Content-Type": "application/json" });

    before(async () => {
        emu = await startEmulator({ now: () => now, pushCompleteAfterMs: 60_000, pushBatch: 3, pushTotal: 5 });
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("answers PushUrlsCache with a TaskId and lists one record per URL, in process with a percent", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PushUrlsCache({ Urls: ["https://a.example.com/1", "https://a.example.com/2"],
            Area: "mainland", UserAgent: "warm", Layer: "middle", ParseM3U8: true, DisableRange: false,
            Headers: [{ Name: "X-Warm", Value: "1" }] });
        now += 30_000;
        const res = await client.DescribePushTasks({ TaskId });
        now -= 30_000;
        assert.strictEqual(res.TotalCount, 2);
        assert.deepStrictEqual(res.PushLogs?.map((r) => [r.TaskId, r.Url, r.Status, r.Percent, r.Area]), [
            [TaskId, "https://a.example.com/1", "process", 50, "mainland"],
            [TaskId, "https://a.example.com/2", "process", 50, "mainland"],
        ]);
    });

    it("ends a URL the origin lacks as invalid, one matching the fail pattern as fail, the others done, with UpdateTime", async () => {
        const client = emulatorClient(emu);
        const urls = ["https://a.example.com/ok", "https://a.example.com/missing.png", "https://a.example.com/fail.png"];
        const { TaskId } = await client.PushUrlsCache({ Urls: urls });
        const created = now;
        now += 60_000;
        const res = await client.DescribePushTasks({ TaskId });
        now -= 60_000;
        assert.deepStrictEqual(res.PushLogs?.map((r) => [r.Url, r.Status, r.Percent]),
            [[urls[0], "done", 100], [urls[1], "invalid", 0], [urls[2], "fail", 0]]);
        assert.strictEqual(res.PushLogs?.[0].UpdateTime, formatApiTime(new Date(created + 60_000)));
    });

    it("answers DescribePushQuota per area and takes a global push from both", async () => {
        const client = emulatorClient(emu);
        await client.PushUrlsCache({ Urls: ["https://a.example.com/1", "https://a.example.com/2"], Area: "global" });
        await client.PushUrlsCache({ Urls: ["https://a.example.com/3"], Area: "overseas" });
        const res = await client.DescribePushQuota();
        assert.deepStrictEqual(res.UrlPush, [
            { Batch: 3, Total: 5, Available: 3, Area: "mainland" }, { Batch: 3, Total: 5, Available: 2, Area: "overseas" },
        ]);
    });

    it("refuses a push over the batch size and over the day's quota", async () => {
        const client = emulatorClient(emu);
        const four = ["1", "2", "3", "4"].map((n) => `https://a.example.com/${n}`);
        await assert.rejects(client.PushUrlsCache({ Urls: four }), (e) => SDK_CODE(e) === "LimitExceeded.CdnPushExceedBatchLimit");
        await client.PushUrlsCache({ Urls: four.slice(0, 3), Area: "global" });
        await assert.rejects(client.PushUrlsCache({ Urls: four.slice(0, 3), Area: "overseas" }),
            (e) => SDK_CODE(e) === "LimitExceeded.CdnPushExceedDayLimit");
    });

    it("refuses more than 20 headers as a parameter error", async () => {
        const Headers = Array.from({ length: 21 }, (_, i) => ({ Name: `X-${i}`, Value: "v" }));
        await assert.rejects(emulatorClient(emu).PushUrlsCache({ Urls: ["https://a.example.com/1"], Headers }),
            (e) => SDK_CODE(e) === "InvalidParameter.CdnParamError");
    });

    it("filters DescribePushTasks by time, status, keyword and area, and pages", async () => {
        const client = emulatorClient(emu);
        await client.PushUrlsCache({ Urls: ["https://a.example.com/1", "https://a.example.com/missing"] });
        await client.PushUrlsCache({ Urls: ["https://b.example.com/1"], Area: "overseas" });
        now += 60_000;
        const since = formatApiTime(new Date(now - 120_000));
        const invalid = await client.DescribePushTasks({ StartTime: since, Status: "invalid" });
        const b = await client.DescribePushTasks({ StartTime: since, Keyword: "b.example.com", Area: "overseas" });
        const page = await client.DescribePushTasks({ StartTime: since, Offset: 1, Limit: 1 });
        now -= 60_000;
        assert.deepStrictEqual(invalid.PushLogs?.map((r) => r.Url), ["https://a.example.com/missing"]);
        assert.deepStrictEqual(b.PushLogs?.map((r) => r.Url), ["https://b.example.com/1"]);
        assert.deepStrictEqual([page.TotalCount, page.PushLogs?.length], [3, 1]);
        await assert.rejects(client.DescribePushTasks({}), (e) => SDK_CODE(e) === "InvalidParameter.CdnParamError");
    });

    it("hides a new push task for the listing lag", async () => {
        const client = emulatorClient(emu);
        emu.store.setVisibleAfter(5000);
        try {
            const { TaskId } = await client.PushUrlsCache({ Urls: ["https://a.example.com/1"] });
            assert.strictEqual((await client.DescribePushTasks({ TaskId })).TotalCount, 0);
            now += 5000;
            const later = await client.DescribePushTasks({ TaskId });
            now -= 5000;
            assert.strictEqual(later.TotalCount, 1);
        } finally {
            emu.store.setVisibleAfter(0);
        }
    });

    it("meets a fault rule for PushUrlsCache as for the purge actions", async () => {
        emu.faults.add({ action: "PushUrlsCache", kind: "apiError", code: "InternalError.CdnSystemError" });
        await assert.rejects(emulatorClient(emu).PushUrlsCache({ Urls: ["https://a.example.com/1"] }),
            (e) => SDK_CODE(e) === "InternalError.CdnSystemError");
    });

    it("completes a push task through the control API, with the status asked for", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PushUrlsCache({ Urls: ["https://a.example.com/1"] });
        assert.strictEqual((await post(`/_emulator/push-tasks/${TaskId}/complete`, { status: "invalid" })).status, 200);
        assert.strictEqual((await client.DescribePushTasks({ TaskId })).PushLogs?.[0].Status, "invalid");
        assert.strictEqual((await post(`/_emulator/push-tasks/${TaskId}/complete`, { status: "nope" })).status, 400);
        assert.strictEqual((await post("/_emulator/push-tasks/404/complete", {})).status, 404);
    });

    it("carries push tasks to another emulator through GET push-tasks/saved and POST push-tasks/restore, ids, times and statuses kept", async () => {
        const client = emulatorClient(emu);
        const { TaskId: done } = await client.PushUrlsCache({ Urls: ["https://a.example.com/1", "https://a.example.com/missing.png"] });
        const { TaskId: pending } = await client.PushUrlsCache({ Urls: ["https://a.example.com/2"] });
        const finishedAtMs = now + 90_000;
        await post(`/_emulator/push-tasks/${done}/complete`, { status: "invalid", atMs: finishedAtMs });
        const saved = (await rawRequest(emu, "GET", "/_emulator/push-tasks/saved")).json as { tasks: { taskId: string; status: string; finishedAtMs?: number }[] };
        assert.deepStrictEqual(saved.tasks.map((t) => [t.taskId, t.status, t.finishedAtMs]), [[done, "invalid", finishedAtMs], [pending, "process", undefined]]);
        // Another emulator, a day later, whose own pushes finish at once: the restored ones keep what they were.
        const other = await startEmulator({ now: () => now + 86_400_000, pushCompleteAfterMs: 0 });
        try {
            const restored = (await rawRequest(other, "POST", "/_emulator/push-tasks/restore", JSON.stringify(saved))).json;
            const seen = (await emulatorClient(other).DescribePushTasks({ StartTime: "2000-01-01 00:00:00" })).PushLogs ?? [];
            const { TaskId: next } = await emulatorClient(other).PushUrlsCache({ Urls: ["https://a.example.com/3"] });
            assert.deepStrictEqual([restored, seen.map((l) => [l.TaskId, l.Url, l.Status]), BigInt(next!) > BigInt(pending!)], [{ restored: 2 }, [
                [pending, "https://a.example.com/2", "process"], [done, "https://a.example.com/1", "invalid"], [done, "https://a.example.com/missing.png", "invalid"],
            ], true]);
            assert.strictEqual(seen.find((l) => l.TaskId === done)?.UpdateTime, formatApiTime(new Date(finishedAtMs)));
            // The restored pending one ends only when told, at the time given.
            await rawRequest(other, "POST", `/_emulator/push-tasks/${pending}/complete`, JSON.stringify({ atMs: now + 5000 }));
            const ended = (await emulatorClient(other).DescribePushTasks({ TaskId: pending })).PushLogs?.[0];
            assert.deepStrictEqual([ended?.Status, ended?.Percent, ended?.UpdateTime], ["done", 100, formatApiTime(new Date(now + 5000))]);
        } finally {
            await other.close();
        }
    });

    it("refuses a restored push task with a bad field, naming it, and a completion time that is not one", async () => {
        const answer = await post("/_emulator/push-tasks/restore", { tasks: [{ taskId: "1", area: "mainland", urls: ["https://a.example.com/1"],
            createdAtMs: 0, status: "warm" }] });
        assert.deepStrictEqual([answer.status, answer.json.error, emu.pushes.allRecords().length],
            [400, 'tasks[0].status must be one of process, done, fail, invalid, got "warm"', 0]);
        const { TaskId } = await emulatorClient(emu).PushUrlsCache({ Urls: ["https://a.example.com/1"] });
        assert.strictEqual((await post(`/_emulator/push-tasks/${TaskId}/complete`, { atMs: "soon" })).status, 400);
    });
});
