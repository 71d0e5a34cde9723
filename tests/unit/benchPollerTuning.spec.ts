import * as assert from "assert";
import { DescribePurgeTasksQuery, PurgeApi, PurgeTask } from "../../provider/cdn/types";
import { CoalescingPoller, DEFAULT_ROUND_DELAYS } from "../../provider/wait/coalescingPoller";
import { quietCapMs, RoundSchedule, RoundTiming } from "../../provider/wait/roundSchedule";
import { VirtualClock } from "../../provider/base/virtualClock";
import { cdnPolling } from "../../provider/cdn/poller";

const timing = (singleTaskMaxDelayMs?: number): RoundTiming => ({ minDelayMs: 1000, maxDelayMs: 20_000,
    random: () => 1, gatherWindowMs: 50, maxCallsPerSecond: 10, singleTaskMaxDelayMs });

/** Tasks that stay in `process`; logs when each call is made. */
class QuietApi implements PurgeApi {
    readonly at: number[] = [];
    constructor(private readonly clock: VirtualClock) {}
    async describePurgeTasks(query: DescribePurgeTasksQuery) {
        this.at.push(this.clock.now());
        const ids = query.taskId ? [query.taskId] : ["a", "b", "c", "d"];
        const logs: PurgeTask[] = ids.map((taskId) => ({ taskId, url: `https://a/${taskId}`, status: "process",
            purgeType: "url", flushType: "flush", createTime: "2026-11-29 10:00:00" }));
        return { purgeLogs: logs, totalCount: logs.length, requestId: "r" };
    }
    purgeUrlsCache(): never { throw new Error("not used"); }
    purgePathCache(): never { throw new Error("not used"); }
    describePurgeQuota(): never { throw new Error("not used"); }
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]);

async function quietGaps(taskIds: string[], options: object, checks = 5): Promise<number[]> {
    const clock = new VirtualClock();
    const api = new QuietApi(clock);
    const poller = new CoalescingPoller({ ...cdnPolling(api), clock, sleep: clock.sleep, random: () => 1, ...options });
    const watches = taskIds.map((id) => poller.watch(id, { since: "2026-11-29 10:00:00" }));
    for (let i = 0; i < checks; i++) {
        await clock.run(Promise.all(watches.map((w) => w.check())));
    }
    return gaps(api.at);
}

describe("bench tuning: quiet-interval cap by watched tasks", () => {
    it("is maxDelayMs when no single-task cap is set", () => {
        assert.strictEqual(quietCapMs(timing(), 50), 20_000);
    });

    it("grows with the square root of the watched tasks", () => {
        assert.deepStrictEqual([1, 4, 9].map((n) => quietCapMs(timing(5000), n)), [5000, 10_000, 15_000]);
    });

    it("stays within minDelayMs..maxDelayMs", () => {
        assert.deepStrictEqual([quietCapMs(timing(5000), 100), quietCapMs(timing(500), 1)], [20_000, 1000]);
    });

    it("counts no watched task as one", () => {
        assert.strictEqual(quietCapMs(timing(5000), 0), 5000);
    });

    it("rejects a single-task cap that is not positive", () => {
        assert.throws(() => new RoundSchedule(timing(0)), RangeError);
    });

    it("caps the back-off by the number of tasks the round ended with", () => {
        const schedule = new RoundSchedule(timing(3000));
        const intervals = [1, 1, 1, 1, 4].map((n) => {
            schedule.roundStarted(0);
            schedule.roundEnded(1, false, n);
            return schedule.currentIntervalMs;
        });
        assert.deepStrictEqual(intervals, [2000, 3000, 3000, 3000, 6000]);
    });
});

describe("bench tuning: default poller timing", () => {
    it("backs off from 3 s to 6 s for one task", async () => {
        assert.deepStrictEqual(await quietGaps(["a"], {}), [3000, 6000, 6000, 6000]);
    });

    it("backs off to 6 s x sqrt(n) for n tasks", async () => {
        assert.deepStrictEqual(await quietGaps(["a", "b", "c", "d"], {}, 6), [3000, 6000, 12_000, 12_000, 12_000]);
    });

    it("keeps a plain min..max back-off when the caller gives the delays", async () => {
        assert.deepStrictEqual(await quietGaps(["a"], { minDelayMs: 1000, maxDelayMs: 8000 }, 6),
            [1000, 2000, 4000, 8000, 8000]);
    });

    it("publishes the defaults it uses", () => {
        assert.deepStrictEqual(DEFAULT_ROUND_DELAYS, { minDelayMs: 3000, maxDelayMs: 30_000, singleTaskMaxDelayMs: 6000 });
    });
});
