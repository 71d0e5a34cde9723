import * as assert from "assert";
import { PurgeTask } from "../../provider/cdn/types";
import { iteratePages, readAllPages } from "../../provider/cdn/paging";
import { chooseReadPlan, rangeEnd, readManyTasks, readRecordsOfTask } from "../../provider/cdn/recordsOfTasks";
import { mayReadAnotherPage } from "../../provider/wait";
import { FakePurgeApi } from "../support/fakeApi";

const task = (taskId: string, n: number, createTime = "2026-11-29 10:00:00"): PurgeTask[] =>
    Array.from({ length: n }, (_, i) => ({ taskId, url: `https://a/${taskId}/${i}`, status: "process",
        purgeType: "url", flushType: "flush", createTime }));

describe("wait: task reader", () => {
    it("reads a 1,000-record task in 10 pages of 100", async () => {
        const api = new FakePurgeApi(task("t", 1000));
        const records = await readRecordsOfTask(api, "t");
        assert.deepStrictEqual([records.length, api.queries.length, api.queries[9].offset, api.queries[9].limit],
            [1000, 10, 900, 100]);
    });

    it("reads until a short page when totalCount is null", async () => {
        const api = new FakePurgeApi(task("t", 250), { nullTotal: true });
        const read = await readAllPages(api, { taskId: "t" });
        assert.deepStrictEqual([read.purgeLogs.length, read.requestIds.length], [250, 3]);
    });

    it("asks for one more page when a null-total answer ends exactly on a page boundary", async () => {
        const api = new FakePurgeApi(task("t", 200), { nullTotal: true });
        assert.strictEqual((await readAllPages(api, { taskId: "t" })).requestIds.length, 3);
    });

    it("keeps paging when the server caps Limit below the page size", async () => {
        const api = new FakePurgeApi(task("t", 120), { maxLimit: 50 });
        assert.strictEqual((await readRecordsOfTask(api, "t")).length, 120);
    });

    it("yields pages one at a time", async () => {
        const api = new FakePurgeApi(task("t", 300));
        const iterator = iteratePages(api, { taskId: "t" });
        await iterator.next();
        assert.strictEqual(api.queries.length, 1);
    });

    it("chooses one query per task for a single task", () => {
        assert.strictEqual(chooseReadPlan(1), "byId");
    });

    it("chooses the range when its last total needs fewer pages than there are tasks", () => {
        assert.deepStrictEqual([chooseReadPlan(50, 120), chooseReadPlan(3, 900)], ["range", "byId"]);
    });

    it("reads fifty tasks with one range query and groups them by task id", async () => {
        const api = new FakePurgeApi(Array.from({ length: 50 }, (_, i) => task(`t${i}`, 1)).flat());
        const tasks = Array.from({ length: 50 }, (_, i) => ({ taskId: `t${i}`, since: "2026-11-29 09:59:00" }));
        const read = await readManyTasks(api, tasks);
        assert.deepStrictEqual([read.plan, read.apiCalls, read.records.size, read.records.get("t7")?.length],
            ["range", 1, 50, 1]);
    });

    it("reads tasks missing from the range answer by id", async () => {
        const api = new FakePurgeApi([...task("new", 2), ...task("old", 1, "2026-11-28 10:00:00")]);
        const read = await readManyTasks(api, [{ taskId: "new", since: "2026-11-29 00:00:00" },
            { taskId: "old", since: "2026-11-29 00:00:00" }]);
        assert.deepStrictEqual([read.records.get("old")?.length, read.apiCalls, api.queries[1].taskId], [1, 2, "old"]);
    });

    it("drops a range busier than one call per task after its first page", async () => {
        const busy = Array.from({ length: 500 }, (_, i) => task(`other${i}`, 1)).flat();
        const api = new FakePurgeApi([...task("a", 1), ...task("b", 1), ...busy]);
        const read = await readManyTasks(api, [{ taskId: "a", since: "2026-11-29 00:00:00" },
            { taskId: "b", since: "2026-11-29 00:00:00" }]);
        assert.deepStrictEqual([read.plan, read.apiCalls, read.rangeTotal], ["byId", 3, 502]);
    });

    it("gives an empty list for a task not visible yet", async () => {
        const api = new FakePurgeApi(task("a", 1));
        const read = await readManyTasks(api, [{ taskId: "a", since: "2026-11-29 00:00:00" },
            { taskId: "b", since: "2026-11-29 00:00:00" }]);
        assert.deepStrictEqual(read.records.get("b"), []);
    });

    it("counts a record shown on two pages once", async () => {
        const records = [...task("a", 100), ...task("b", 1)];
        const api = new FakePurgeApi(records);
        // A purge submitted between the two pages pushes every record one place down.
        api.beforeAnswer = (_call, q) => {
            if (q.offset === 100) { api.records = [...task("x", 1), ...records]; }
        };
        const read = await readManyTasks(api, [{ taskId: "a", since: "2026-11-29 00:00:00" },
            { taskId: "b", since: "2026-11-29 00:00:00" }, { taskId: "c", since: "2026-11-29 00:00:00" }]);
        assert.strictEqual(read.records.get("a")?.length, 100);
    });

    describe("tasks of unknown time, looked for around the ones read by id", () => {
        const T1 = "2026-11-29 09:00:00";
        const T2 = "2026-11-29 10:00:00";
        const T3 = "2026-11-29 10:00:05";
        const probe = { probeSince: "2026-11-28 10:00:00" };
        const bare = (...ids: string[]) => ids.map((taskId) => ({ taskId }));
        const calls = (api: FakePurgeApi) => api.queries.map((q) => q.taskId ?? `${q.startTime}..${q.endTime ?? ""}`);

        it("reads fifty created together with two calls, however many older records follow", async () => {
            const ours = Array.from({ length: 50 }, (_, i) => task(`t${i}`, 1, T2)).flat();
            const older = Array.from({ length: 3000 }, (_, i) => task(`other${i}`, 1, T1)).flat();
            const api = new FakePurgeApi([...ours, ...older]);
            const read = await readManyTasks(api, bare(...Array.from({ length: 50 }, (_, i) => `t${i}`)), undefined, undefined, probe);
            assert.deepStrictEqual([read.plan, calls(api), read.records.get("t49")?.length],
                ["locate", ["t0", `${probe.probeSince}..${T2}`], 1]);
        });

        it("finds the ones created before the first read below it, and those created after above it", async () => {
            const api = new FakePurgeApi([...task("b", 1, T3), ...task("a", 1, T2), ...task("z", 1, "2026-11-29 09:30:00"),
                ...task("other", 1, T1)]);
            const read = await readManyTasks(api, bare("a", "b", "z"), undefined, undefined, probe);
            assert.deepStrictEqual([calls(api), read.records.get("b")?.length, read.records.get("z")?.length],
                [["a", `${probe.probeSince}..${T2}`, `${T2}..`], 1, 1]);
        });

        it("reads between two known times the ones newer purges bury", async () => {
            const newer = Array.from({ length: 300 }, (_, i) => task(`newer${i}`, 1, "2026-11-29 10:01:00")).flat();
            const older = ["z1", "z2", "z3"].flatMap((id) => task(id, 1, "2026-11-29 09:30:00"));
            const api = new FakePurgeApi([...newer, ...task("c", 1, T3), ...task("b", 1, "2026-11-29 10:00:03"),
                ...task("a", 1, T2), ...older]);
            const read = await readManyTasks(api, bare("a", "c", "b", "z1", "z2", "z3"), undefined, undefined, probe);
            assert.deepStrictEqual([calls(api), read.records.get("b")?.length], [["a", `${probe.probeSince}..${T2}`,
                `${T2}..`, "c", `${T2}..${T3}`], 1]);
        });

        it("costs at most one call more than reading each by id", async () => {
            const api = new FakePurgeApi([...task("a", 1, T2)]); // b is not visible
            const read = await readManyTasks(api, bare("a", "b"), undefined, undefined, probe);
            assert.deepStrictEqual([read.apiCalls, calls(api), read.records.get("b")], [3, ["a", `${probe.probeSince}..${T2}`, "b"], []]);
        });

        it("re-reads by id a task whose records may go on past the last page it read", async () => {
            const sameSecond = Array.from({ length: 49 }, (_, i) => task(`other${i}`, 1, T2)).flat();
            const api = new FakePurgeApi([...task("a", 1, T3), ...task("b", 150, T2), ...sameSecond]);
            const read = await readManyTasks(api, bare("a", "b", "c"), undefined, undefined, probe);
            assert.deepStrictEqual([calls(api), read.records.get("b")?.length, read.records.get("a")?.length],
                [["a", `${probe.probeSince}..${T3}`, "c", "b", "b"], 150, 1]);
        });

        it("reads another range page only while the pages have found as many tasks as they cost", () => {
            assert.deepStrictEqual([[0, 0], [1, 0], [1, 1], [2, 1], [3, 40]].map(([p, f]) => mayReadAnotherPage(p, f)),
                [true, false, true, false, true]);
        });

        it("reads a single task of unknown time by id", async () => {
            const api = new FakePurgeApi(task("a", 1, T2));
            const read = await readManyTasks(api, bare("a"), undefined, undefined, probe);
            assert.deepStrictEqual([read.plan, calls(api)], ["byId", ["a"]]);
        });
    });

    describe("the end of a range read", () => {
        it("is the latest CreateTime of the tasks when all of them are known", () => {
            assert.strictEqual(rangeEnd([{ taskId: "a", created: "2026-11-29 10:00:01" },
                { taskId: "b", created: "2026-11-29 10:00:09" }]), "2026-11-29 10:00:09");
        });

        it("is open while one task's CreateTime is not known", () => {
            assert.strictEqual(rangeEnd([{ taskId: "a", created: "2026-11-29 10:00:01" }, { taskId: "b", since: "2026-11-29 10:00:00" }]),
                undefined);
        });

        it("is sent with the range query", async () => {
            const api = new FakePurgeApi([...task("a", 1), ...task("b", 1)]);
            await readManyTasks(api, [{ taskId: "a", since: "2026-11-29 10:00:00", created: "2026-11-29 10:00:00" },
                { taskId: "b", since: "2026-11-29 10:00:00", created: "2026-11-29 10:00:00" }]);
            assert.deepStrictEqual([api.queries[0].startTime, api.queries[0].endTime], ["2026-11-29 10:00:00", "2026-11-29 10:00:00"]);
        });
    });
});
