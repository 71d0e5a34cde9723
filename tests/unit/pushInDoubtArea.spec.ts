import * as assert from "assert";
import { findInDoubtPush } from "../../provider/cdn/submitPush";
import { readAllPushPages } from "../../provider/cdn/pushPaging";
import { DescribePushTasksQuery, PushApi, PushTask } from "../../provider/cdn/pushTypes";
import { PurgeArea } from "../../provider/cdn/types";

const URL_A = "https://www.example.com/a.js";
const SINCE = "2026-11-29 10:00:00";

/**
 * A DescribePushTasks over `records` that filters by area as the SDK documents it (`global`: both areas' records),
 * serving `pageSize` records a page; the submitting calls are not used by these specs.
 */
function listing(records: readonly PushTask[], pageSize = 100): PushApi & { queries: DescribePushTasksQuery[] } {
    const queries: DescribePushTasksQuery[] = [];
    return {
        queries,
        async describePushTasks(q) {
            queries.push(q);
            const found = records.filter((r) => !q.area || q.area === "global" || r.area === q.area || r.area === "global");
            const from = q.offset ?? 0;
            return { pushLogs: found.slice(from, from + Math.min(q.limit ?? 20, pageSize)), totalCount: found.length, requestId: "r" };
        },
        pushUrlsCache: () => Promise.reject(new Error("not used")),
        describePushQuota: () => Promise.reject(new Error("not used")),
    };
}

const rec = (taskId: string, area: PurgeArea, url = URL_A): PushTask =>
    ({ taskId, url, area, status: "process", percent: 0, createTime: "2026-11-29 10:00:05", updateTime: null });

describe("the in-doubt lookup of a UrlPush, by area", () => {
    it("asks DescribePushTasks for the push's area", async () => {
        const api = listing([]);
        await findInDoubtPush(api, [URL_A], "overseas", SINCE);
        assert.deepStrictEqual(api.queries.map((q) => q.area), ["overseas"]);
    });

    it("an overseas push does not adopt a mainland task of the same URLs", async () => {
        assert.deepStrictEqual(await findInDoubtPush(listing([rec("1", "mainland"), rec("2", "overseas")]), [URL_A], "overseas", SINCE), ["2"]);
    });

    it("a push without an area looks in mainland, the API's default", async () => {
        assert.deepStrictEqual(await findInDoubtPush(listing([rec("1", "mainland"), rec("2", "overseas")]), [URL_A], undefined, SINCE), ["1"]);
    });

    it("a global push adopts its task listed once per area", async () => {
        assert.deepStrictEqual(await findInDoubtPush(listing([rec("3", "mainland"), rec("3", "overseas")]), [URL_A], "global", SINCE), ["3"]);
    });

    it("a global push does not adopt a task of one area only", async () => {
        assert.deepStrictEqual(await findInDoubtPush(listing([rec("1", "mainland"), rec("2", "overseas")]), [URL_A], "global", SINCE), []);
    });

    it("a mainland push does not adopt a global task it sees in another area too", async () => {
        const api = listing([rec("3", "mainland"), rec("3", "overseas")]);
        const unfiltered: PushApi = { ...api, describePushTasks: (q, s) => api.describePushTasks({ ...q, area: undefined }, s) };
        assert.deepStrictEqual(await findInDoubtPush(unfiltered, [URL_A], "mainland", SINCE), []);
    });

    it("reading pages keeps a URL's record of each area of one task", async () => {
        const { pushLogs } = await readAllPushPages(listing([rec("3", "mainland"), rec("3", "overseas")], 1), { taskId: "3" });
        assert.deepStrictEqual(pushLogs.map((r) => r.area), ["mainland", "overseas"]);
    });
});
