/**
 * The core's learned pace, product-neutral: durations learned from a product's recent finished jobs (read once,
 * kept ten minutes), and when a job watched alone is next worth a check, rare where few recent jobs finished and
 * frequent where many did; then through the shared poller on a virtual clock.
 */
import * as assert from "assert";
import { RecordKind } from "../../provider/base/recordKind";
import { VirtualClock } from "../../provider/base/virtualClock";
import { CoalescingPoller } from "../../provider/wait/coalescingPoller";
import { JobReader } from "../../provider/wait/jobReader";
import { learnedPace, nextCheckAtMs, PREFETCH_EARLY_CHECK_MS, smoothingMs } from "../../provider/wait/learnedPace";
import { waitOnPoller } from "../../provider/wait/pollerWaits";
import { durationQuantileMs, durationsOf, recentDurationsMs, RecentJobs } from "../../provider/wait/recentDurations";

const MIN = 60_000;
/** 200 durations evenly over 5-30 minutes, as Tencent's FAQ gives a prefetch's. */
const PREFETCHES = Array.from({ length: 200 }, (_, i) => 5 * MIN + (i * 25 * MIN) / 199);

/** The gap after a check at `elapsedMs`. */
const gapAfter = (elapsedMs: number, price = 120) => nextCheckAtMs(PREFETCHES, elapsedMs, price)! - elapsedMs;

interface Job { readonly id: string; readonly state: "pending" | "done" | "failed"; readonly created: number | null }
const RECORDS: RecordKind<Job> = { noun: "URL", stateOf: (r) => r.state, describe: (r) => r.id, jobOf: (r) => r.id,
    createdOf: (r) => (r.created === null ? null : String(r.created)) };

describe("wait: durations learned from recent finished jobs", () => {
    it("takes finished minus created, ascending, leaving out records that lack either", () => {
        const records = [{ c: 0, f: 9000 }, { c: 1000, f: 5000 }, { c: undefined, f: 3000 }, { c: 2000, f: undefined }];
        assert.deepStrictEqual(durationsOf(records, (r) => r.c, (r) => r.f), [4000, 9000]);
    });

    it("takes a quantile by the nearest rank below", () => {
        assert.deepStrictEqual([durationQuantileMs([4000, 6000, 9000], 0.5), durationQuantileMs([4000, 6000, 9000], 0.1)], [6000, 4000]);
    });

    const source = (read: () => Promise<readonly { c: number; f: number }[]>) => {
        let reads = 0;
        const jobs: RecentJobs<{ c: number; f: number }> = { owner: {}, scope: "zone-a",
            readFinished: () => { reads += 1; return read(); }, createdMs: (r) => r.c, finishedMs: (r) => r.f };
        return { jobs, reads: () => reads };
    };

    it("reads once for the waits that start within ten minutes", async () => {
        const { jobs, reads } = source(async () => [{ c: 0, f: 6000 }]);
        const answers = [await recentDurationsMs(jobs, 0), await recentDurationsMs(jobs, 9 * MIN)];
        assert.deepStrictEqual([answers, reads()], [[[6000], [6000]], 1]);
    });

    it("reads again once ten minutes have passed", async () => {
        const { jobs, reads } = source(async () => [{ c: 0, f: 6000 }]);
        await recentDurationsMs(jobs, 0);
        await recentDurationsMs(jobs, 10 * MIN);
        assert.strictEqual(reads(), 2);
    });

    it("learns nothing from a failed read or from no finished job", async () => {
        const failing = source(async () => { throw new Error("down"); }).jobs;
        const none = source(async () => []).jobs;
        assert.deepStrictEqual([await recentDurationsMs(failing, 0), await recentDurationsMs(none, 0)], [undefined, undefined]);
    });
});

describe("wait: the next check from recent durations", () => {
    it("makes the first check of a job near the shortest recent duration, not before", () => {
        const first = nextCheckAtMs(PREFETCHES, 0, 120)!;
        assert.ok(first > 4 * MIN - smoothingMs(PREFETCHES) && first < 5 * MIN + 30_000, `first check at ${first} ms`);
    });

    it("checks more often as more of the jobs still running finish per second", () => {
        const gaps = [6, 15, 25, 29].map((m) => gapAfter(m * MIN));
        assert.ok(gaps.every((g, i) => i === 0 || g < gaps[i - 1]), `gaps ${gaps.join(", ")} ms`);
    });

    it("follows the square root of the hazard: durations even over 5-30 min, 10 min in, a price of 120 ms: about 17 s", () => {
        // The hazard 10 minutes in: 1 / (20 min); the gap sqrt(2 x 120 ms x 20 min), 17.0 s.
        const gap = gapAfter(10 * MIN);
        assert.ok(gap > 16_000 && gap < 18_000, `gap ${gap} ms`);
    });

    it("checks later for a higher price of a call", () => {
        assert.ok(gapAfter(15 * MIN, 480) > gapAfter(15 * MIN, 120));
    });

    it("says nothing once the job has run longer than every recent one", () => {
        assert.strictEqual(nextCheckAtMs(PREFETCHES, 40 * MIN, 120), undefined);
    });

    it("spreads no duration when there is only one", () => {
        assert.deepStrictEqual([smoothingMs([6000]), nextCheckAtMs([6000], 0, 100)! >= 6000], [0, true]);
    });
});

describe("wait: a pace learned per check", () => {
    const known = (startedAt = 0, durations = PREFETCHES) =>
        learnedPace({ durations, startedAt, records: RECORDS, createdMs: (r: Job) => r.created ?? undefined });

    it("checks a job submitted at a known time once early, 15 s after its submission", () => {
        assert.strictEqual(known(1000).notBefore(1000), 1000 + PREFETCH_EARLY_CHECK_MS);
    });

    it("holds a job to the next check the durations give once it has been checked", () => {
        const pace = known(1000);
        pace.seen([{ id: "j", state: "pending", created: 1000 }]);
        assert.strictEqual(pace.notBefore(1000 + PREFETCH_EARLY_CHECK_MS), 1000 + nextCheckAtMs(PREFETCHES, PREFETCH_EARLY_CHECK_MS, 120)!);
    });

    it("makes no early check when the durations give a sooner first one", () => {
        const short = [6000, 7000, 8000];
        assert.strictEqual(known(0, short).notBefore(0), nextCheckAtMs(short, 0, 120));
    });

    it("makes the early check at once for a wait that starts after it was due", () => {
        assert.strictEqual(known(0).notBefore(40_000), 40_000);
    });

    it("leaves a job of unknown start to the poller until a read tells when it was created", () => {
        const pace = learnedPace({ durations: PREFETCHES, records: RECORDS, createdMs: (r) => r.created ?? undefined });
        const before = pace.notBefore(0);
        pace.seen([{ id: "j", state: "pending", created: 0 }]);
        assert.deepStrictEqual([before, pace.notBefore(0)], [undefined, nextCheckAtMs(PREFETCHES, 0, 120)]);
    });

    it("leaves a job to the poller once some of its records have finished", () => {
        const pace = learnedPace({ durations: PREFETCHES, startedAt: 0, records: RECORDS, createdMs: (r) => r.created ?? undefined });
        pace.seen([{ id: "j", state: "done", created: 0 }, { id: "j", state: "pending", created: 0 }]);
        assert.strictEqual(pace.notBefore(6 * MIN), undefined);
    });
});

describe("wait: a learned pace through the shared poller", () => {
    function setup() {
        const clock = new VirtualClock();
        const reads: number[] = [];
        let doneAt = Infinity;
        let failedAt = Infinity;
        const stateAt = (t: number): Job["state"] => (t >= failedAt ? "failed" : t >= doneAt ? "done" : "pending");
        const reader: JobReader<Job> = {
            async read(wanted) {
                reads.push(clock.now());
                return { apiCalls: 1, records: new Map(wanted.map((j) => [j.taskId, [{ id: j.taskId, state: stateAt(clock.now()), created: 0 }]])) };
            },
        };
        const poller = new CoalescingPoller({ reader, records: RECORDS, clock, sleep: clock.sleep, random: () => 1 });
        const options = { clock, sleep: clock.sleep, timeoutMs: 40 * MIN, notVisibleGraceMs: 30_000, records: RECORDS };
        const pace = () => learnedPace({ durations: PREFETCHES, startedAt: 0, records: RECORDS, createdMs: (r: Job) => r.created ?? undefined });
        return { clock, reads, poller, options, pace, finishAt: (t: number) => { doneAt = t; }, failAt: (t: number) => { failedAt = t; } };
    }

    it("makes a lone job's first read at the early check", async () => {
        const { clock, reads, poller, options, pace, finishAt } = setup();
        finishAt(0);
        await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"], pace: pace() }));
        assert.ok(Math.abs(reads[0] - PREFETCH_EARLY_CHECK_MS) < 100, `first read at ${reads[0]}`);
    });

    it("makes a lone job's second read at the pace's first check after the early one", async () => {
        const { clock, reads, poller, options, pace, finishAt } = setup();
        finishAt(10 * MIN);
        await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"], pace: pace() }));
        const learned = nextCheckAtMs(PREFETCHES, reads[0], 120)!;
        assert.ok(Math.abs(reads[1] - learned) < 100, `second read at ${reads[1]}, learned ${learned}`);
    });

    it("fails a lone job whose URL ended invalid seconds after submission at the early check", async () => {
        const { clock, reads, poller, options, pace, failAt } = setup();
        failAt(3000);
        const result = await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"], pace: pace() }));
        assert.deepStrictEqual([result.state, reads.length, clock.now() < PREFETCH_EARLY_CHECK_MS + 1000], ["failed", 1, true]);
    });

    it("counts the tasks of one wait as one job: their shared pace holds them", async () => {
        const { clock, reads, poller, options, pace, finishAt } = setup();
        finishAt(0);
        await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1", "j2"], pace: pace() }));
        assert.ok(Math.abs(reads[0] - PREFETCH_EARLY_CHECK_MS) < 100, `first read at ${reads[0]}`);
    });

    it("does not hold a check past the last look before the wait's deadline", async () => {
        const { clock, reads, poller, options, pace, finishAt } = setup();
        finishAt(0);
        const result = await clock.run(waitOnPoller(poller, { ...options, timeoutMs: 60_000, taskIds: ["j1"], pace: pace() }));
        assert.deepStrictEqual([result.state, reads[0] <= 60_000], ["done", true]);
    });
});
