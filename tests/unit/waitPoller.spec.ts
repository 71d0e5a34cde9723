import * as assert from "assert";
import { DescribePurgeTasksQuery, PurgeApi, PurgeStatus, PurgeTask } from "../../provider/base/types";
import { CoalescingPoller } from "../../provider/wait/coalescingPoller";
import { RoundSchedule } from "../../provider/wait/roundSchedule";
import { VirtualClock } from "../../provider/base/virtualClock";
import { getDefaultPoller, waitOnPollerForTask } from "../../provider/wait/pollerWaits";

const SINCE = "2026-11-29 10:00:00";

/** A DescribePurgeTasks over mutable tasks that answers after `latencyMs` of simulated time and logs each call. */
class FakeApi implements PurgeApi {
    readonly calls: Array<{ at: number; query: DescribePurgeTasksQuery }> = [];
    private readonly tasks = new Map<string, PurgeTask[]>();
    constructor(private readonly clock: VirtualClock, private readonly latencyMs = 0) {}
    set(taskId: string, ...statuses: PurgeStatus[]): void {
        this.tasks.set(taskId, statuses.map((status, i) => ({ taskId, url: `https://a/${taskId}/${i}`, status,
            purgeType: "url", flushType: "flush", createTime: SINCE })));
    }
    async describePurgeTasks(query: DescribePurgeTasksQuery) {
        this.calls.push({ at: this.clock.now(), query });
        const all = [...this.tasks.values()].flat().filter((r) => !query.taskId || r.taskId === query.taskId);
        const offset = query.offset ?? 0;
        const page = all.slice(offset, offset + (query.limit ?? 20));
        if (this.latencyMs > 0) {
            await this.clock.sleep(this.latencyMs);
        }
        return { purgeLogs: page, totalCount: all.length, requestId: "r" };
    }
    purgeUrlsCache(): never { throw new Error("not used"); }
    purgePathCache(): never { throw new Error("not used"); }
    describePurgeQuota(): never { throw new Error("not used"); }
}

function setup(latencyMs = 0, random = () => 1) {
    const clock = new VirtualClock();
    const api = new FakeApi(clock, latencyMs);
    const poller = new CoalescingPoller({ api, clock, sleep: clock.sleep, random, minDelayMs: 1000,
        maxDelayMs: 8000, gatherWindowMs: 50 });
    const waitOptions = { clock, sleep: clock.sleep, timeoutMs: 600_000, notVisibleGraceMs: 30_000 };
    return { clock, api, poller, waitOptions };
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]);

describe("wait: coalescing poller", () => {
    it("answers fifty watched tasks with one API call per round", async () => {
        const { clock, api, poller } = setup();
        const ids = Array.from({ length: 50 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.set(id, "process"));
        const answers = await clock.run(Promise.all(ids.map((id) => poller.watch(id, { since: SINCE }).check())));
        assert.deepStrictEqual([api.calls.length, answers.every((a, i) => a[0].taskId === ids[i])], [1, true]);
    });

    it("gates fifty waits finishing at different times with one call per round", async () => {
        const { clock, api, poller, waitOptions } = setup();
        const ids = Array.from({ length: 50 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.set(id, "process"));
        const waits = ids.map((taskId) => waitOnPollerForTask(poller, { ...waitOptions, taskId, since: SINCE }));
        ids.forEach((id, i) => void clock.sleep(1000 * (i + 1)).then(() => api.set(id, "done")));
        const results = await clock.run(Promise.all(waits));
        assert.ok(results.every((r) => r.state === "done"));
        assert.strictEqual(api.calls.length, poller.rounds);
    });

    it("resolves a check only with data from a round that started after it", async () => {
        const { clock, api, poller } = setup(100);
        api.set("t", "process");
        const watch = poller.watch("t", { since: SINCE });
        const first = watch.check();
        await clock.advance(100); // round 1 started at 50 and is in flight until 150
        api.set("t", "done");
        const second = watch.check();
        assert.strictEqual((await clock.run(first))[0].status, "process");
        assert.strictEqual((await clock.run(second))[0].status, "done");
        assert.ok(api.calls[1].at > 100);
    });

    it("backs off while nothing changes and returns to the minimum on a change", async () => {
        const { clock, api, poller, waitOptions } = setup();
        api.set("t", "process", "process");
        const waiting = waitOnPollerForTask(poller, { ...waitOptions, taskId: "t", since: SINCE });
        void clock.sleep(16_000).then(() => api.set("t", "done", "process"));
        void clock.sleep(24_500).then(() => api.set("t", "done", "done"));
        await clock.run(waiting);
        assert.deepStrictEqual(gaps(api.calls.map((c) => c.at)), [1000, 2000, 4000, 8000, 8000, 1000, 2000]);
    });

    it("plans the next round at the minimum delay, not the long back-off, when a task is added", async () => {
        const { clock, api, poller } = setup();
        api.set("a", "process");
        api.set("b", "process");
        const a = poller.watch("a", { since: SINCE });
        for (let i = 0; i < 4; i++) {
            await clock.run(a.check()); // quiet rounds: the next one is planned 8 s out
        }
        const pendingA = a.check();
        await clock.advance(100);
        await clock.run(poller.watch("b", { since: SINCE }).check());
        const [lastQuiet, afterAdd] = api.calls.slice(-2).map((c) => c.at);
        assert.strictEqual(afterAdd - lastQuiet, 1000);
        await clock.run(pendingA);
    });

    it("stops reading a task once it is unwatched, and holds no timer", async () => {
        const { clock, api, poller } = setup();
        api.set("t", "process");
        const watch = poller.watch("t", { since: SINCE });
        await clock.run(watch.check());
        const pending = watch.check();
        watch.unwatch();
        await assert.rejects(pending, /stopped watching/);
        await clock.advance(60_000);
        assert.deepStrictEqual([api.calls.length, poller.watchedTasks, clock.pendingTimers], [1, 0, 0]);
    });

    it("rejects a check made after unwatch", async () => {
        const { poller } = setup();
        const watch = poller.watch("t");
        watch.unwatch();
        await assert.rejects(watch.check(), /no longer watched/);
    });

    it("unwatches when the watch's signal aborts", () => {
        const { poller } = setup();
        const stop = new AbortController();
        poller.watch("t", { signal: stop.signal });
        stop.abort();
        assert.strictEqual(poller.watchedTasks, 0);
    });

    it("keeps watching a task while another wait still holds it", () => {
        const { poller } = setup();
        poller.watch("t");
        poller.watch("t").unwatch();
        assert.strictEqual(poller.watchedTasks, 1);
    });

    it("rejects an aborted check and leaves it out of the round", async () => {
        const { clock, api, poller } = setup();
        api.set("t", "process");
        const stop = new AbortController();
        const check = poller.watch("t").check(stop.signal);
        stop.abort(new Error("gone"));
        await assert.rejects(check, /gone/);
        await clock.advance(10_000);
        assert.strictEqual(api.calls.length, 0);
    });

    it("passes a round's error to every check of that round", async () => {
        const { clock, api, poller } = setup();
        api.describePurgeTasks = async () => { throw new Error("InternalError"); };
        const checks = ["a", "b"].map((id) => poller.watch(id).check());
        const outcomes = await clock.run(Promise.allSettled(checks));
        assert.deepStrictEqual(outcomes.map((o) => o.status), ["rejected", "rejected"]);
    });

    it("keeps the wait's own deadline when rounds are planned past it", async () => {
        const { clock, api, poller, waitOptions } = setup();
        api.set("t", "process");
        const result = await clock.run(waitOnPollerForTask(poller, { ...waitOptions, timeoutMs: 5000, taskId: "t" }));
        assert.deepStrictEqual([result.state, result.elapsedMs], ["timedOut", 5000]);
    });

    it("releases a wait at the first round after its task turns done", async () => {
        const { clock, api, poller, waitOptions } = setup();
        api.set("t", "process");
        const waiting = waitOnPollerForTask(poller, { ...waitOptions, taskId: "t" });
        void clock.sleep(1500).then(() => api.set("t", "done"));
        const result = await clock.run(waiting);
        const [before, seen] = api.calls.slice(-2).map((c) => c.at);
        assert.deepStrictEqual([result.state, result.elapsedMs, before < 1500], ["done", seen, true]);
    });

    it("remembers a busy range and reads by id from the next round on", async () => {
        const { clock, api, poller } = setup();
        api.set("a", "process");
        api.set("b", "process");
        Array.from({ length: 300 }, (_, i) => api.set(`other${i}`, "done"));
        const [a, b] = ["a", "b"].map((id) => poller.watch(id, { since: SINCE }));
        await clock.run(Promise.all([a.check(), b.check()]));
        await clock.run(Promise.all([a.check(), b.check()]));
        assert.deepStrictEqual(api.calls.map((c) => c.query.taskId ?? "range"), ["range", "a", "b", "a", "b"]);
    });

    it("gathers checks that keep arriving into one round, from a gather window after the last of them", async () => {
        const { clock, api, poller } = setup();
        const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.set(id, "process"));
        const watches = ids.map((id) => poller.watch(id, { since: SINCE }));
        // As fifty creates reach a real host: one after another, 20 ms apart.
        await clock.run(Promise.all(watches.map(async (w, i) => { await clock.sleep(i * 20); return w.check(); })));
        assert.deepStrictEqual(api.calls.map((c) => c.at), [19 * 20 + 50]);
    });

    it("starts a round at most ten gather windows after the first waiting check, however long checks keep coming", async () => {
        const { clock, api, poller } = setup();
        const ids = Array.from({ length: 100 }, (_, i) => `t${i}`);
        ids.forEach((id) => api.set(id, "process"));
        const watches = ids.map((id) => poller.watch(id, { since: SINCE }));
        await clock.run(Promise.all(watches.map(async (w, i) => { await clock.sleep(i * 20); return w.check(); })));
        assert.strictEqual(api.calls[0].at, 500);
    });

    it("spaces rounds by their cost to stay under the call rate", () => {
        const schedule = new RoundSchedule({ minDelayMs: 1000, maxDelayMs: 8000, random: () => 0,
            gatherWindowMs: 50, maxCallsPerSecond: 10 });
        schedule.roundStarted(0);
        schedule.roundEnded(30, true);
        assert.strictEqual(schedule.plannedAt(0), 3000);
    });

    it("shares one default poller per API client", () => {
        const a = new FakeApi(new VirtualClock());
        const b = new FakeApi(new VirtualClock());
        assert.deepStrictEqual([getDefaultPoller(a) === getDefaultPoller(a), getDefaultPoller(a) === getDefaultPoller(b)],
            [true, false]);
    });
});
