import * as assert from "assert";
import { TaskStore, Submission } from "../../emulator/cdn/store";

const URLS = (...urls: string[]): Submission => ({ purgeType: "url", flushType: "flush", area: "mainland", urls });

describe("emulator task store", () => {
    let now: number;
    let store: TaskStore;

    beforeEach(() => {
        now = Date.UTC(2026, 10, 29, 4, 0, 0);
        store = new TaskStore({ now: () => now, completeAfterMs: 2000 });
    });

    it("gives each submission a unique numeric TaskId even at the same instant", () => {
        const a = store.submit(URLS("https://a.com/1"));
        const b = store.submit(URLS("https://a.com/2"));
        assert.match(a, /^\d+$/);
        assert.notStrictEqual(a, b);
    });

    it("creates one record per URL, all with the task's id", () => {
        const id = store.submit(URLS("https://a.com/1", "https://a.com/2", "https://a.com/3"));
        assert.deepStrictEqual(store.records().map((r) => [r.taskId, r.url]),
            [[id, "https://a.com/1"], [id, "https://a.com/2"], [id, "https://a.com/3"]]);
    });

    it("stamps CreateTime in Beijing time", () => {
        store.submit(URLS("https://a.com/1"));
        assert.strictEqual(store.records()[0].createTime, "2026-11-29 12:00:00");
    });

    it("keeps a record in process until completeAfterMs has passed", () => {
        store.submit(URLS("https://a.com/1"));
        now += 1999;
        assert.strictEqual(store.records()[0].status, "process");
    });

    it("turns a record done once completeAfterMs has passed", () => {
        store.submit(URLS("https://a.com/1"));
        now += 2000;
        assert.strictEqual(store.records()[0].status, "done");
    });

    it("fails URLs containing /fail by default", () => {
        store.submit(URLS("https://a.com/ok", "https://a.com/fail/x"));
        now += 2000;
        assert.deepStrictEqual(store.records().map((r) => r.status), ["done", "fail"]);
    });

    it("fails URLs matching a RegExp failPattern", () => {
        store = new TaskStore({ now: () => now, completeAfterMs: 0, failPattern: /\.png$/g });
        store.submit(URLS("https://a.com/x.png", "https://a.com/y.png", "https://a.com/z.css"));
        assert.deepStrictEqual(store.records().map((r) => r.status), ["fail", "fail", "done"]);
    });

    it("forces a task done or failed at once", () => {
        const a = store.submit(URLS("https://a.com/1"));
        const b = store.submit(URLS("https://a.com/2"));
        assert.ok(store.complete(a, "done"));
        assert.ok(store.complete(b, "fail"));
        const status = new Map(store.records().map((r) => [r.taskId, r.status]));
        assert.deepStrictEqual([status.get(a), status.get(b)], ["done", "fail"]);
    });

    it("reports false when forcing an unknown task", () => {
        assert.strictEqual(store.complete("42"), false);
    });

    it("drops a vanished task from records but keeps it in allRecords", () => {
        const id = store.submit(URLS("https://a.com/1"));
        store.vanish(id);
        assert.deepStrictEqual([store.records().length, store.allRecords()[0].visible], [0, false]);
    });

    it("drops records older than retentionMs from records", () => {
        store = new TaskStore({ now: () => now, retentionMs: 60_000 });
        store.submit(URLS("https://a.com/old"));
        now += 30_000;
        store.submit(URLS("https://a.com/new"));
        now += 30_001;
        assert.deepStrictEqual(store.records().map((r) => r.url), ["https://a.com/new"]);
    });

    it("applies a changed retention to records already stored", () => {
        store.submit(URLS("https://a.com/1"));
        now += 10_000;
        store.setRetention(5_000);
        assert.strictEqual(store.records().length, 0);
    });

    it("rejects a negative retention", () => {
        assert.throws(() => store.setRetention(-1), /retentionMs must be a number of milliseconds >= 0/);
    });

    it("hides a task until visibleAfterMs has passed", () => {
        store = new TaskStore({ now: () => now, visibleAfterMs: 500 });
        store.submit(URLS("https://a.com/1"));
        const before = store.records().length;
        now += 500;
        assert.deepStrictEqual([before, store.records().length], [0, 1]);
    });

    it("orders records newest first, then by TaskId, then URL order", () => {
        const old = store.submit(URLS("https://a.com/old"));
        now += 1000;
        const a = store.submit(URLS("https://a.com/a1", "https://a.com/a2"));
        const b = store.submit(URLS("https://a.com/b1"));
        assert.deepStrictEqual(store.records().map((r) => [r.taskId, r.url]), [
            [b, "https://a.com/b1"], [a, "https://a.com/a1"], [a, "https://a.com/a2"], [old, "https://a.com/old"],
        ]);
    });
});
