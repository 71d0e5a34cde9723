import * as assert from "assert";
import { TaskStore, Submission } from "../../emulator/cdn/store";
import { describePurgeTasks, keywordMatches } from "../../emulator/cdn/query";
import { ApiError } from "../../emulator/errors";
import { Params } from "../../emulator/params";
import { startEmulator } from "../../emulator/server";
import { emulatorClient } from "../../emulator/cdn/client";

const T0 = Date.UTC(2026, 10, 29, 4, 0, 0); // 2026-11-29 12:00:00 Beijing
const sub = (urls: string[], more: Partial<Submission> = {}): Submission =>
    ({ purgeType: "url", flushType: "flush", area: "mainland", urls, ...more });

describe("emulator DescribePurgeTasks filters and paging", () => {
    let now: number;
    let store: TaskStore;
    let ids: string[];
    const query = (params: Params) => describePurgeTasks(store.records(), params, "lower");
    const codeOf = (params: Params): string => {
        try {
            query(params);
        } catch (e) {
            return (e as ApiError).code;
        }
        return "no error";
    };

    beforeEach(() => {
        now = T0;
        store = new TaskStore({ now: () => now, completeAfterMs: 1000 });
        ids = [];
        ids.push(store.submit(sub(["https://www.a.com/1.png", "https://www.a.com/fail.png"])));
        now += 60_000;
        ids.push(store.submit(sub(["https://img.a.com/dir/"], { purgeType: "path", flushType: "delete", area: "overseas" })));
        now += 60_000;
        ids.push(store.submit(sub(["http://www.b.com/x"])));
    });

    it("finds every record of one TaskId", () => {
        assert.deepStrictEqual(query({ TaskId: ids[0] }).PurgeLogs.map((r) => r.Url),
            ["https://www.a.com/1.png", "https://www.a.com/fail.png"]);
    });

    it("requires TaskId or StartTime", () => {
        assert.strictEqual(codeOf({ EndTime: "2026-11-29 23:59:59" }), "InvalidParameter.CdnParamError");
    });

    it("rejects a StartTime that is not YYYY-MM-DD HH:mm:ss", () => {
        assert.strictEqual(codeOf({ StartTime: "2026-11-29T12:00:00Z" }), "InvalidParameter.CdnParamError");
    });

    it("filters StartTime and EndTime inclusively on CreateTime", () => {
        const res = query({ StartTime: "2026-11-29 12:01:00", EndTime: "2026-11-29 12:01:00" });
        assert.deepStrictEqual(res.PurgeLogs.map((r) => r.TaskId), [ids[1]]);
    });

    it("filters by PurgeType", () => {
        assert.deepStrictEqual(query({ StartTime: "2026-11-29 00:00:00", PurgeType: "path" }).PurgeLogs.map((r) => r.FlushType), ["delete"]);
    });

    it("filters by Status as it is now", () => {
        now += 1000;
        assert.deepStrictEqual(query({ StartTime: "2026-11-29 00:00:00", Status: "fail" }).PurgeLogs.map((r) => r.Url),
            ["https://www.a.com/fail.png"]);
    });

    it("filters by Area", () => {
        assert.strictEqual(query({ StartTime: "2026-11-29 00:00:00", Area: "overseas" }).TotalCount, 1);
    });

    it("matches a domain Keyword against the URL host exactly", () => {
        assert.strictEqual(query({ StartTime: "2026-11-29 00:00:00", Keyword: "www.a.com" }).TotalCount, 2);
        assert.strictEqual(keywordMatches("https://www.a.com.evil.net/x", "www.a.com"), false);
    });

    it("matches a full-URL Keyword as a prefix", () => {
        assert.strictEqual(query({ StartTime: "2026-11-29 00:00:00", Keyword: "https://www.a.com/f" }).TotalCount, 1);
    });

    it("rejects unknown enum values", () => {
        for (const params of [{ PurgeType: "dir" }, { Status: "Done" }, { Area: "moon" }]) {
            assert.strictEqual(codeOf({ TaskId: ids[0], ...params }), "InvalidParameter.CdnParamError", JSON.stringify(params));
        }
    });

    it("rejects Limit outside 1..1000 and a negative Offset", () => {
        for (const params of [{ Limit: 0 }, { Limit: 1001 }, { Offset: -1 }, { Limit: "5" }]) {
            assert.strictEqual(codeOf({ TaskId: ids[0], ...params }), "InvalidParameter.CdnParamError", JSON.stringify(params));
        }
    });

    it("answers newest first with TotalCount counting every match", () => {
        const res = query({ StartTime: "2026-11-29 00:00:00", Limit: 1 });
        assert.deepStrictEqual([res.TotalCount, res.PurgeLogs.map((r) => r.TaskId)], [4, [ids[2]]]);
    });

    it("pages with Offset and Limit without gaps or repeats", () => {
        const all = query({ StartTime: "2026-11-29 00:00:00" }).PurgeLogs;
        const pages = [0, 1, 2, 3].map((Offset) => query({ StartTime: "2026-11-29 00:00:00", Offset, Limit: 1 }).PurgeLogs[0]);
        assert.deepStrictEqual(pages, all);
    });

    it("answers Done/Process/Fail with statusCase title", () => {
        const res = describePurgeTasks(store.records(), { TaskId: ids[2] }, "title");
        assert.strictEqual(res.PurgeLogs[0].Status, "Process");
    });
});

describe("emulator lifecycle over HTTP with an injected clock", () => {
    it("shows process, then done and fail, to the SDK", async () => {
        let now = Date.now();
        const emu = await startEmulator({ now: () => now, completeAfterMs: 2000 });
        try {
            const client = emulatorClient(emu);
            const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://s.com/ok", "https://s.com/fail/1"] });
            const before = (await client.DescribePurgeTasks({ TaskId })).PurgeLogs?.map((r) => r.Status);
            now += 2000;
            const after = (await client.DescribePurgeTasks({ TaskId })).PurgeLogs?.map((r) => r.Status);
            assert.deepStrictEqual([before, after], [["process", "process"], ["done", "fail"]]);
        } finally {
            await emu.close();
        }
    });
});
