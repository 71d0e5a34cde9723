/**
 * CDN's side of the shared poller for prefetches: its reader of push tasks (one time range for many, by id for
 * one), and what it gives the core's learned pace (the account's finished pushes, in the CDN's Beijing time).
 */
import * as assert from "assert";
import { pushJobReader } from "../../provider/cdn/pushJobReader";
import { pushPace, recentPushes } from "../../provider/cdn/pushPoller";
import { DescribePushTasksQuery, PushApi, PushTask } from "../../provider/cdn/pushTypes";
import { durationsOf } from "../../provider/wait/recentDurations";

const record = (taskId: string, status: PushTask["status"], createTime: string, updateTime: string): PushTask =>
    ({ taskId, url: `https://www.example.com/${taskId}.js`, status, percent: status === "done" ? 100 : 0, area: "mainland", createTime, updateTime });

/** A push API over fixed records that logs its queries. */
function fakeApi(records: readonly PushTask[]) {
    const queries: DescribePushTasksQuery[] = [];
    const api = {
        async describePushTasks(q: DescribePushTasksQuery) {
            queries.push(q);
            const matching = records.filter((r) => (q.taskId === undefined || r.taskId === q.taskId) && (q.status === undefined || r.status === q.status));
            const page = matching.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 20));
            return { pushLogs: page, totalCount: matching.length, requestId: "r" };
        },
    } as unknown as PushApi;
    return { api, queries };
}

describe("cdn: push tasks for the shared poller", () => {
    const records = [record("1", "process", "2026-11-29 10:00:00", "2026-11-29 10:00:00"), record("2", "done", "2026-11-29 10:00:01", "2026-11-29 10:06:01")];

    it("reads many push tasks of known submission time from one time range", async () => {
        const { api, queries } = fakeApi(records);
        const read = await pushJobReader(api).read([{ taskId: "1", since: "2026-11-29 09:55:00" }, { taskId: "2", since: "2026-11-29 09:55:00" }],
            { now: Date.now() });
        assert.deepStrictEqual([read.apiCalls, queries[0].startTime, read.records.get("2")?.map((r) => r.status)], [1, "2026-11-29 09:55:00", ["done"]]);
    });

    it("reads a single push task by id", async () => {
        const { api, queries } = fakeApi(records);
        const read = await pushJobReader(api).read([{ taskId: "1", since: "2026-11-29 09:55:00" }], { now: Date.now() });
        assert.deepStrictEqual([read.apiCalls, queries.map((q) => q.taskId)], [1, ["1"]]);
    });

    it("learns from the account's done pushes of the last week, in Beijing time", async () => {
        const { api, queries } = fakeApi(records);
        const jobs = recentPushes(api);
        const finished = await jobs.readFinished(Date.parse("2026-11-29T04:00:00Z"));
        assert.deepStrictEqual([durationsOf(finished, jobs.createdMs, jobs.finishedMs), queries[0].status, queries[0].startTime],
            [[360_000], "done", "2026-11-22 12:00:00"]);
    });

    it("gives no pace to an account with no finished push", async () => {
        assert.strictEqual(await pushPace(fakeApi([records[0]]).api, Date.now(), Date.now()), undefined);
    });
});
