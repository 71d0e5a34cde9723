import * as assert from "assert";
import { VirtualClock } from "../../provider/base/virtualClock";
import { awsDelay } from "../../bench/sim/peerDelays";
import { PEERS } from "../../bench/cdn/schedules";
import { SimApi } from "../../bench/cdn/simApi";
import { SimTask, workloads } from "../../bench/cdn/workloads";
import { PUSH_PEERS } from "../../bench/cdn/pushSchedules";
import { SimPushApi } from "../../bench/cdn/simPushApi";
import { SIM_EPOCH } from "../../bench/sim/driver";

/** A SimApi that logs when each call arrives. */
function setup(tasks: SimTask[], latencyMs = 0) {
    const clock = new VirtualClock();
    const api = new SimApi(clock, tasks, { latencyMs });
    const at: number[] = [];
    const describe = api.describePurgeTasks.bind(api);
    api.describePurgeTasks = (q) => { at.push(clock.now()); return describe(q); };
    return { clock, api, at };
}

const peer = (key: string) => PEERS.find((p) => p.key === key)!;

describe("bench: peer schedules", () => {
    it("Terraform checks at once, then after 0.5 s doubling to a 10 s cap", async () => {
        const { clock, api, at } = setup([{ taskId: "1", submitAt: 0, doneAt: 40_000 }]);
        const [outcome] = await clock.run(peer("terraform").run(api, clock, [{ taskId: "1", submitAt: 0, doneAt: 40_000 }], Math.random));
        assert.deepStrictEqual(at, [0, 500, 1500, 3500, 7500, 15_500, 25_500, 35_500, 45_500]);
        assert.deepStrictEqual([outcome.releasedAt, outcome.calls], [45_500, 9]);
    });

    it("Terraform gives up after 6 minutes", async () => {
        const task = { taskId: "1", submitAt: 0, doneAt: 3_600_000 };
        const { clock, api } = setup([task]);
        const [outcome] = await clock.run(peer("terraform").run(api, clock, [task], Math.random));
        assert.strictEqual(outcome.releasedAt, undefined);
        assert.ok(clock.now() <= 360_000);
    });

    it("tccli checks every 5 s from its start", async () => {
        const task = { taskId: "1", submitAt: 2000, doneAt: 13_000 };
        const { clock, api, at } = setup([task]);
        await clock.run(peer("tccli").run(api, clock, [task], Math.random));
        assert.deepStrictEqual(at, [2000, 7000, 12_000, 17_000]);
    });

    it("Terraform's push passes a push whose URL ended invalid; the AWS-style waiter fails it", async () => {
        const push = { taskId: "1", submitAt: 0, doneAt: 60_000, urls: 2, invalidUrls: 1 };
        const ends = await Promise.all(["terraform-push", "aws2-push"].map(async (key) => {
            const clock = new VirtualClock(SIM_EPOCH);
            const api = new SimPushApi(clock, [push], { latencyMs: 0 });
            const [o] = await clock.run(PUSH_PEERS.find((p) => p.key === key)!.run(api, clock, [push], () => 0));
            return o.failed ? "failed" : o.releasedAt !== undefined ? "passed" : "gave up";
        }));
        assert.deepStrictEqual(ends, ["passed", "failed"]);
    });

    it("the AWS delay after check k lies between minDelay and min(maxDelay, minDelay * 2^(k-1))", () => {
        assert.deepStrictEqual([awsDelay(1, 20, 120, () => 0.99), awsDelay(2, 20, 120, () => 1), awsDelay(5, 20, 120, () => 1),
            awsDelay(5, 20, 120, () => 0)], [20, 40, 120, 20]);
    });
});

describe("bench: simulated API", () => {
    it("throttles the 21st call within a second and does not count it toward the window", async () => {
        const { clock, api } = setup([{ taskId: "1", submitAt: 0, doneAt: 0 }]);
        const answers = await clock.run(Promise.allSettled(Array.from({ length: 21 }, () => api.describePurgeTasks({ taskId: "1" }))));
        await clock.advance(1000);
        const later = await clock.run(api.describePurgeTasks({ taskId: "1" }));
        assert.deepStrictEqual([answers.filter((a) => a.status === "rejected").length, api.throttled, api.calls,
            later.purgeLogs[0].status], [1, 1, 22, "done"]);
    });

    it("answers a time range newest first, with paging and the total", async () => {
        const tasks = [0, 1000, 2000].map((t, i) => ({ taskId: `${i}`, submitAt: t, doneAt: 5000 }));
        const { clock, api } = setup(tasks);
        await clock.advance(3000);
        const page = await clock.run(api.describePurgeTasks({ startTime: SimApi.apiTime(1000), offset: 0, limit: 1 }));
        assert.deepStrictEqual([page.purgeLogs.map((r) => [r.taskId, r.status]), page.totalCount], [[["2", "process"]], 2]);
    });

    it("does not list a task before it is submitted", async () => {
        const { clock, api } = setup([{ taskId: "1", submitAt: 5000, doneAt: 6000 }]);
        const page = await clock.run(api.describePurgeTasks({ taskId: "1" }));
        assert.strictEqual(page.purgeLogs.length, 0);
    });

    it("lists a busy account's older records after the trial's tasks", async () => {
        const clock = new VirtualClock();
        const api = new SimApi(clock, [{ taskId: "1", submitAt: -5000, doneAt: 3000 }], { latencyMs: 0, olderRecords: 3 });
        const page = await clock.run(api.describePurgeTasks({ startTime: SimApi.apiTime(-3_600_000), offset: 0, limit: 2 }));
        assert.deepStrictEqual([page.purgeLogs.map((r) => [r.taskId, r.status]), page.totalCount],
            [[["1", "process"], ["other0", "done"]], 4]);
    });

    it("draws the waits on ids from elsewhere as described: started together, done 3.0-6.6 s later", () => {
        const [plain, busy] = workloads(1).filter((w) => w.key.startsWith("elsewhere50"));
        const tasks = plain.trials.flat();
        const within = tasks.every((t) => t.elsewhere && t.waitAt === 0 && t.submitAt <= -30_000 && t.submitAt >= -120_000 &&
            t.doneAt >= 3000 && t.doneAt <= 6600);
        assert.deepStrictEqual([within, plain.trials[0].length, busy.olderRecords, busy.trials[0][0].doneAt === tasks[0].doneAt],
            [true, 50, 3000, true]);
    });

    it("lists the records submitted after the trial's tasks first, and keeps them out of a range that ends before them", async () => {
        const clock = new VirtualClock();
        const api = new SimApi(clock, [{ taskId: "1", submitAt: -60_000, doneAt: 3000 }], { latencyMs: 0, newerRecords: 3 });
        const since = SimApi.apiTime(-60_000);
        const open = await clock.run(api.describePurgeTasks({ startTime: since, offset: 0, limit: 1 }));
        const ended = await clock.run(api.describePurgeTasks({ startTime: since, endTime: since, offset: 0, limit: 1 }));
        assert.deepStrictEqual([open.purgeLogs[0].taskId, open.totalCount, ended.purgeLogs[0].taskId, ended.totalCount],
            ["newer2", 4, "1", 1]);
    });
});
