import * as assert from "assert";
import { VirtualClock } from "../../provider/base/virtualClock";
import { runTrials, WaitOutcome } from "../../bench/sim/driver";

interface Purge { readonly id: string; readonly doneAt: number; readonly releaseAt?: number }

/** A simulated API that counts one call per purge and throttles none. */
class CountingApi {
    calls = 0;
    throttled = 0;
}

/** A schedule that sleeps to each purge's release time, or gives up on it, with one call each. */
const run = async (api: CountingApi, clock: VirtualClock, trial: readonly Purge[]): Promise<WaitOutcome[]> =>
    Promise.all(trial.map(async (p): Promise<WaitOutcome> => {
        api.calls += 1;
        if (p.releaseAt === undefined) {
            return { taskId: p.id };
        }
        await clock.sleep(p.releaseAt - clock.now());
        return { taskId: p.id, releasedAt: clock.now() };
    }));

describe("bench: the virtual-clock driver", () => {
    const trials: Purge[][] = [
        [{ id: "a", doneAt: 1000, releaseAt: 3000 }, { id: "b", doneAt: 2000, releaseAt: 1500 }, { id: "c", doneAt: 500 }],
        [{ id: "a", doneAt: 1000, releaseAt: 5000 }],
    ];
    const simulate = (clockStart?: number) => runTrials<readonly Purge[], CountingApi>({
        workload: { key: "w", trials }, schedule: { key: "s", label: "S" }, seed: 1, clockStart,
        api: () => new CountingApi(),
        run: (api, clock, trial) => run(api, clock, trial.map((p) => ({ ...p, releaseAt: p.releaseAt && (clockStart ?? 0) + p.releaseAt }))),
        doneAt: (trial) => new Map(trial.map((p) => [p.id, (clockStart ?? 0) + p.doneAt])),
    });

    it("sums every trial up: release delays, calls per trial and per wait, waits that gave up or were released early", async () => {
        const { figures, releasedEarly } = await simulate();
        assert.deepStrictEqual(figures, { workload: "w", schedule: "s", label: "S", waits: 4, released: 3, gaveUp: 1, failed: 0, wronglyPassed: 0,
            failMedianS: NaN, failP95S: NaN, delayMedianS: 2, delayP95S: 3.8, callsPerWait: 1, callsPerTrial: 2, throttled: 0, trials: 2 });
        assert.strictEqual(releasedEarly, 1);
    });

    it("starts each trial's clock where it is told, on a fresh clock and API per trial", async () => {
        const starts: number[] = [];
        const apis = new Set<CountingApi>();
        await runTrials<readonly Purge[], CountingApi>({
            workload: { key: "w", trials }, schedule: { key: "s", label: "S" }, seed: 1, clockStart: 1_000_000,
            api: () => new CountingApi(),
            run: async (api, clock) => { starts.push(clock.now()); apis.add(api); return []; },
            doneAt: () => new Map(),
        });
        assert.deepStrictEqual([starts, apis.size], [[1_000_000, 1_000_000], 2]);
        assert.deepStrictEqual((await simulate(1_000_000)).figures, (await simulate()).figures);
    });

    it("counts a wait ended on its job's failure as failed, and a release of a job that must fail as wrongly passed", async () => {
        const { figures } = await runTrials<readonly Purge[], CountingApi>({
            workload: { key: "w", trials: [[{ id: "a", doneAt: 0 }, { id: "b", doneAt: 0 }, { id: "c", doneAt: 0 }]] },
            schedule: { key: "s", label: "S" }, seed: 1, api: () => new CountingApi(),
            run: async () => [{ taskId: "a", failed: true }, { taskId: "b", releasedAt: 10 }, { taskId: "c", releasedAt: 10 }],
            doneAt: () => new Map([["a", 0], ["b", 0], ["c", 0]]),
            mustFail: () => new Set(["a", "b"]),
        });
        assert.deepStrictEqual([figures.failed, figures.wronglyPassed, figures.gaveUp, figures.released], [1, 1, 0, 1]);
    });

    it("measures a failed wait from its job's submission to its end", async () => {
        const { figures } = await runTrials<readonly Purge[], CountingApi>({
            workload: { key: "w", trials: [[{ id: "a", doneAt: 0 }], [{ id: "a", doneAt: 0 }]] },
            schedule: { key: "s", label: "S" }, seed: 1, api: () => new CountingApi(),
            run: async () => [{ taskId: "a", failed: true, failedAt: 17_000 }],
            doneAt: () => new Map([["a", 0]]),
            mustFail: () => new Set(["a"]),
            submittedAt: () => new Map([["a", 2000]]),
        });
        assert.deepStrictEqual([figures.failMedianS, figures.failP95S], [15, 15]);
    });
});
