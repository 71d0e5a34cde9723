import * as assert from "assert";
import { DescribePurgeTasksQuery, PurgeApi, PurgeStatus, PurgeTask } from "../../provider/base/types";
import { CoalescingPoller, DEFAULT_CHANGE_PACE } from "../../provider/wait/coalescingPoller";
import { changePaceMs, RoundSchedule, RoundTiming } from "../../provider/wait/roundSchedule";
import { WatchRegistry } from "../../provider/wait/watchRegistry";
import { waitOnPollerForTask } from "../../provider/wait/pollerWaits";
import { VirtualClock } from "../../provider/base/virtualClock";

const timing: RoundTiming = { minDelayMs: 3000, maxDelayMs: 30_000, random: () => 0, gatherWindowMs: 50,
    maxCallsPerSecond: 10, changePace: { fastestDelayMs: 1000, referenceChangesPerSecond: 2 } };

/** Plays rounds on a schedule: each entry is [status changes, first sights] of one round; returns the intervals. */
function intervals(rounds: Array<[number, number]>, t = timing): number[] {
    const schedule = new RoundSchedule(t);
    let now = 0;
    return rounds.map(([changes, first]) => {
        schedule.roundStarted(now);
        schedule.roundEnded(1, changes + first > 0, 50, changes);
        now += schedule.currentIntervalMs;
        return schedule.currentIntervalMs;
    });
}

describe("wait: round pace while tasks change", () => {
    it("keeps the minimum delay at the reference rate of change", () => {
        assert.strictEqual(changePaceMs(timing, 6, 3000, 1), 3000);
    });

    it("shortens the delay as the square root of a faster rate, down to the fastest delay", () => {
        assert.deepStrictEqual([changePaceMs(timing, 8, 1000, 1), changePaceMs(timing, 50, 1000, 1)], [1500, 1000]);
    });

    it("never waits longer than the minimum delay after a change, however slow the rate", () => {
        assert.strictEqual(changePaceMs(timing, 1, 60_000, 1), 3000);
    });

    it("weighs the rate against what the last round cost", () => {
        assert.deepStrictEqual([changePaceMs(timing, 8, 1000, 1), changePaceMs(timing, 8, 1000, 4)], [1500, 3000]);
    });

    it("follows the first change of a set with the fastest delay, to measure the rate", () => {
        assert.strictEqual(changePaceMs(timing, 1, undefined, 1), 1000);
    });

    it("keeps the plain minimum delay without a change pace", () => {
        assert.strictEqual(changePaceMs({ ...timing, changePace: undefined }, 50, 1000, 1), 3000);
    });

    it("rejects a change pace that is not positive", () => {
        assert.throws(() => new RoundSchedule({ ...timing, changePace: { fastestDelayMs: 0, referenceChangesPerSecond: 2 } }),
            RangeError);
    });

    it("measures after the first change, then paces by the rate", () => {
        // first sight, quiet, first change, 14 changes in the 1 s after it
        assert.deepStrictEqual(intervals([[0, 50], [0, 0], [1, 0], [14, 0]]), [3000, 3000, 1000, 1134]);
    });

    it("resumes the minimum delay from the change when the measuring round finds nothing", () => {
        assert.deepStrictEqual(intervals([[0, 50], [1, 0], [0, 0]]), [3000, 1000, 2000]);
    });

    it("measures only the first change of a set: later isolated changes keep the minimum delay", () => {
        assert.deepStrictEqual(intervals([[0, 50], [1, 0], [0, 0], [0, 0], [1, 0]]), [3000, 1000, 2000, 3000, 3000]);
    });

    it("looks again after the fastest delay, once, when it first sees tasks of unknown age", () => {
        const schedule = new RoundSchedule(timing);
        const seen: number[] = [];
        for (const [changes, unknownAge] of [[0, 50], [0, 0], [0, 0]]) {
            schedule.roundStarted(0);
            schedule.roundEnded(1, unknownAge > 0, 50, changes, unknownAge);
            seen.push(schedule.currentIntervalMs);
        }
        // the look finds nothing: 2 s more makes the 3 s after the first sight; then the quiet back-off
        assert.deepStrictEqual(seen, [1000, 2000, 3000]);
    });

    it("keeps a look planned soon when a task is added", () => {
        const schedule = new RoundSchedule(timing);
        schedule.roundStarted(0);
        schedule.roundEnded(1, true, 50, 0, 50);
        schedule.reset();
        assert.strictEqual(schedule.currentIntervalMs, 1000);
    });

    it("measures again after the set grows", () => {
        const schedule = new RoundSchedule(timing);
        schedule.roundStarted(0);
        schedule.roundEnded(1, true, 50, 1);
        schedule.roundStarted(1000);
        schedule.roundEnded(1, false, 50, 0);
        schedule.reset();
        schedule.roundStarted(3000);
        schedule.roundEnded(1, true, 51, 1);
        assert.strictEqual(schedule.currentIntervalMs, 1000);
    });
});

/** Tasks whose status the test sets; every record created at CREATED. */
class BatchApi implements PurgeApi {
    readonly calls: Array<{ at: number; query: DescribePurgeTasksQuery }> = [];
    readonly status = new Map<string, PurgeStatus>();
    constructor(private readonly clock: VirtualClock) {}
    async describePurgeTasks(query: DescribePurgeTasksQuery) {
        this.calls.push({ at: this.clock.now(), query });
        const logs: PurgeTask[] = [...this.status].filter(([id]) => !query.taskId || id === query.taskId)
            .map(([taskId, status]) => ({ taskId, url: `https://a/${taskId}`, status, purgeType: "url", flushType: "flush",
                createTime: CREATED }));
        return { purgeLogs: logs, totalCount: logs.length, requestId: "r" };
    }
    purgeUrlsCache(): never { throw new Error("not used"); }
    purgePathCache(): never { throw new Error("not used"); }
    describePurgeQuota(): never { throw new Error("not used"); }
}
const CREATED = "2026-11-29 10:00:00";

describe("wait: the poller with its default pace", () => {
    it("publishes the change pace it uses", () => {
        assert.deepStrictEqual(DEFAULT_CHANGE_PACE, { fastestDelayMs: 1000, referenceChangesPerSecond: 2 });
    });

    it("reads ids it knows no time of around one read by id, then by the range from their CreateTime", async () => {
        const clock = new VirtualClock();
        const api = new BatchApi(clock);
        const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.status.set(id, "process"));
        const poller = new CoalescingPoller({ api, clock, sleep: clock.sleep, random: () => 0 });
        const watches = ids.map((id) => poller.watch(id));
        await clock.run(Promise.all(watches.map((w) => w.check())));
        await clock.run(Promise.all(watches.map((w) => w.check())));
        assert.deepStrictEqual(api.calls.map((c) => [c.query.taskId ?? "range", c.query.startTime === CREATED]),
            [["t0", false], ["range", false], ["range", true]]);
    });

    it("rounds fast while a batch finishes together", async () => {
        const clock = new VirtualClock();
        const api = new BatchApi(clock);
        const ids = Array.from({ length: 40 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.status.set(id, "process"));
        // One task done at 2 s, the other 39 between 3.5 and 4.5 s.
        void clock.sleep(2000).then(() => api.status.set("t0", "done"));
        ids.slice(1).forEach((id, i) => void clock.sleep(3500 + i * 25).then(() => api.status.set(id, "done")));
        const poller = new CoalescingPoller({ api, clock, sleep: clock.sleep, random: () => 0 });
        const watches = ids.map((id) => poller.watch(id));
        const untilDone = async (w: ReturnType<CoalescingPoller["watch"]>): Promise<void> => {
            while ((await w.check()).some((r) => r.status !== "done")) { /* next round */ }
        };
        await clock.run(Promise.all(watches.map(untilDone)));
        // first sight at 50 ms (one task by id, the rest around it), of ids with no known time: a look 1 s later finds
        // nothing, so the schedule goes on 3 s after the first sight; t0 seen at 3.05 s, so 1 s to measure the rate;
        // 22 changed in that second: 1 s again
        assert.deepStrictEqual(api.calls.map((c) => c.at), [50, 50, 1050, 3050, 4050, 5050]);
    });

    it("looks again soon after first seeing ids from elsewhere, so tasks finishing as the waits start are released", async () => {
        const clock = new VirtualClock();
        const api = new BatchApi(clock);
        const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.status.set(id, "process"));
        ids.forEach((id, i) => void clock.sleep(200 + i * 50).then(() => api.status.set(id, "done")));
        const poller = new CoalescingPoller({ api, clock, sleep: clock.sleep, random: () => 0 });
        const released: number[] = [];
        await clock.run(Promise.all(ids.map(async (taskId) => {
            const result = await waitOnPollerForTask(poller, { taskId, clock, sleep: clock.sleep, timeoutMs: 600_000,
                notVisibleGraceMs: 30_000 });
            released.push(result.state === "done" ? clock.now() : -1);
        })));
        // all done by 0.65 s: released by the look 1 s after the first sight, not 3 s after it
        assert.deepStrictEqual([...new Set(released)], [1050]);
    });

    it("does not look again soon after first seeing tasks the process submitted (their time is known)", async () => {
        const clock = new VirtualClock();
        const api = new BatchApi(clock);
        const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.status.set(id, "process"));
        ids.forEach((id) => void clock.sleep(200).then(() => api.status.set(id, "done")));
        const poller = new CoalescingPoller({ api, clock, sleep: clock.sleep, random: () => 0 });
        await clock.run(Promise.all(ids.map((taskId) => waitOnPollerForTask(poller, { taskId, since: CREATED, clock,
            sleep: clock.sleep, timeoutMs: 600_000, notVisibleGraceMs: 30_000 }))));
        assert.deepStrictEqual(api.calls.map((c) => c.at), [50, 3050]);
    });
});

describe("wait: what the poller learns of a task", () => {
    it("takes a task's CreateTime as where to find it once a round has seen it", () => {
        const registry = new WatchRegistry();
        registry.hold("a");
        const before = registry.toRead(["a"]).since;
        const seen = registry.noteRecords("a", [{ taskId: "a", url: "u", status: "process", purgeType: "url",
            flushType: "flush", createTime: CREATED }]);
        assert.deepStrictEqual([before, seen, registry.toRead(["a"]).since], [undefined, "first", CREATED]);
    });

    it("keeps the earlier of the time a wait gave and the CreateTime", () => {
        const registry = new WatchRegistry();
        registry.hold("a", "2026-11-29 10:00:02"); // the process's clock ran ahead of the API's
        registry.noteRecords("a", [{ taskId: "a", url: "u", status: "process", purgeType: "url", flushType: "flush",
            createTime: CREATED }]);
        assert.strictEqual(registry.toRead(["a"]).since, CREATED);
    });

    it("tells a status change from a first sight and from no change", () => {
        const registry = new WatchRegistry();
        registry.hold("a");
        const rec = (status: PurgeStatus): PurgeTask => ({ taskId: "a", url: "u", status, purgeType: "url", flushType: "flush",
            createTime: CREATED });
        assert.deepStrictEqual([registry.noteRecords("a", [rec("process")]), registry.noteRecords("a", [rec("process")]),
            registry.noteRecords("a", [rec("done")])], ["first", "same", "changed"]);
    });
});
