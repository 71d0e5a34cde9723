import * as assert from "assert";
import { iteratePages, readAllPages } from "../../provider/cdn/paging";
import { FakePurgeApi, records } from "../support/fakeApi";

describe("paging", () => {
    it("reads every record across pages", async () => {
        const api = new FakePurgeApi(records(1000));
        const { purgeLogs } = await readAllPages(api, { taskId: "t1" });
        assert.strictEqual(purgeLogs.length, 1000);
    });
    it("asks for pages of 100 by default, ten for 1,000 records", async () => {
        const api = new FakePurgeApi(records(1000));
        await readAllPages(api, { taskId: "t1" });
        assert.deepStrictEqual(api.queries.map((q) => [q.offset, q.limit]), Array.from({ length: 10 }, (_, i) => [i * 100, 100]));
    });
    it("makes one request when everything fits on the first page", async () => {
        const api = new FakePurgeApi(records(3));
        await readAllPages(api, { taskId: "t1" });
        assert.strictEqual(api.queries.length, 1);
    });
    it("honours a page size", async () => {
        const api = new FakePurgeApi(records(50));
        await readAllPages(api, { taskId: "t1" }, { pageSize: 10 });
        assert.strictEqual(api.queries.length, 5);
    });
    it("reads until a short page when the API gives no total", async () => {
        const api = new FakePurgeApi(records(250));
        api.nullTotal = true;
        const { purgeLogs } = await readAllPages(api, { taskId: "t1" });
        assert.deepStrictEqual([purgeLogs.length, api.queries.length], [250, 3]);
    });
    it("neither duplicates nor misses records when new tasks arrive while paging", async () => {
        const api = new FakePurgeApi(records(300));
        api.beforeAnswer = (call) => {
            if (call === 2) {
                api.records = [...records(5, "t1", 1000), ...api.records]; // newest first: five new records in front
            }
        };
        const { purgeLogs } = await readAllPages(api, { taskId: "t1" }, { lookahead: 1 });
        const urls = purgeLogs.map((t) => t.url);
        assert.strictEqual(new Set(urls).size, urls.length, "no duplicates");
        assert.ok(records(300).every((r) => urls.includes(r.url)), "every record that existed at the start is read");
    });
    it("keeps the caller's filters and replaces offset and limit", async () => {
        const api = new FakePurgeApi(records(1));
        await readAllPages(api, { taskId: "t1", status: "done", offset: 7, limit: 3 });
        assert.deepStrictEqual(api.queries[0], { taskId: "t1", status: "done", offset: 0, limit: 100 });
    });
    it("stops fetching when the consumer stops iterating", async () => {
        const api = new FakePurgeApi(records(1000));
        for await (const page of iteratePages(api, { taskId: "t1" }, { lookahead: 2 })) {
            assert.ok(page.purgeLogs.length > 0);
            break;
        }
        assert.ok(api.queries.length <= 1, `made ${api.queries.length} requests`);
    });
    it("passes an API failure to the caller", async () => {
        const api = new FakePurgeApi(records(500));
        api.beforeAnswer = (call) => {
            if (call === 3) {
                throw new Error("boom");
            }
        };
        await assert.rejects(readAllPages(api, { taskId: "t1" }), /boom/);
    });
});
