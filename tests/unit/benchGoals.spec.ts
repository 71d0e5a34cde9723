import * as assert from "assert";
import { footprintGoals, simGoals } from "../../bench/goals";
import { cdnGoals } from "../../bench/cdn/cdnGoals";
import { SimFigures } from "../../bench/sim/driver";

const row = (workload: string, schedule: string, delayMedianS: number, callsPerTrial: number, throttled = 0): SimFigures =>
    ({ workload, schedule, label: schedule, waits: 50, released: 50, gaveUp: 0, failed: 0, wronglyPassed: 0, failMedianS: NaN, failP95S: NaN, delayMedianS, delayP95S: 0,
        callsPerWait: callsPerTrial / 50, callsPerTrial, throttled, trials: 1 });

const paging = [{ records: 3000, firstUse: false, pages: 30, seconds: 1.6, boundSeconds: 1.5, ratioToBound: 1.6 / 1.5,
    calls: 30, throttled: 0 }];

describe("bench: goals", () => {
    const sim = [row("gated50", "ours", 2, 20), row("gated50", "tccli", 2.5, 1000), row("gated50", "aws20", 30, 220),
        row("gated50", "ours-1-10", 0.5, 50)];
    const met = (id: string, s = sim) => cdnGoals({ sim: s, paging }).find((g) => g.id === id)?.met;

    it("compares our median delay with the fastest peer's, leaving our other variants out", () => {
        assert.strictEqual(met("delay:gated50"), true);
    });

    it("asks for a tenth of the thriftiest peer's calls", () => {
        assert.deepStrictEqual([met("calls:gated50"), met("calls:gated50", [...sim.slice(1), row("gated50", "ours", 2, 23)])],
            [true, false]);
    });

    it("shows the tenth of the thriftiest peer's calls as a goal only where a product says so, and adds a product's own goals", () => {
        const goal = (rules: Parameters<typeof simGoals>[1]) => simGoals(sim, rules).find((g) => g.id === "calls:gated50")?.goal;
        assert.deepStrictEqual([goal({}), goal({ thriftiestIsGoal: (w) => w === "gated50" })],
            ["gated50: total calls >= 10x fewer than the thriftiest peer's (not a goal here; shown)",
                "gated50: total calls >= 10x fewer than the thriftiest peer's"]);
        const more = simGoals(sim, { more: (w, mine) => [{ id: `mine:${w}`, goal: "g", met: mine.callsPerTrial === 20, detail: "" }] });
        assert.deepStrictEqual(more.slice(-1).map((g) => [g.id, g.met]), [["mine:gated50", true]]);
    });

    it("fails on any throttled call of ours", () => {
        assert.strictEqual(met("throttled:gated50", [row("gated50", "ours", 2, 20, 1), ...sim.slice(1)]), false);
    });

    it("holds paging to 1.1x of the bound", () => {
        assert.strictEqual(met("paging:3000"), true);
    });

    it("holds import time to 1.15x of @pulumi/pulumi and needs no SDK module loaded", () => {
        const imp = (ms: number, sdk = 0) => [
            { target: "pulumi-tencentcloud-purge (bin/sdk/index.js)", runs: 7, wallMedianMs: ms, requireMedianMs: 0, modules: 1, sdkModules: sdk },
            { target: "@pulumi/pulumi", runs: 7, wallMedianMs: 1000, requireMedianMs: 0, modules: 1, sdkModules: 0 },
        ];
        const importMet = (ms: number, sdk?: number) => footprintGoals({ imports: imp(ms, sdk) })[0].met;
        assert.deepStrictEqual([importMet(1150), importMet(1151), importMet(1000, 3)], [true, false, false]);
    });

    it("holds every plugin archive to 5 MB and a cold GetSchema to 1.5x of a bare Node.js start", () => {
        const release = (bytes: number, ms: number) => ({ archiveBytes: { "a-linux-amd64.tar.gz": bytes },
            starts: [{ label: "cached", runs: 15, bareNodeMs: 100, getSchemaMs: ms, ratio: ms / 100, schemaBytes: 1 }] });
        const metAll = (bytes: number, ms: number) => footprintGoals({ release: release(bytes, ms) })
            .filter((g) => g.id.startsWith("release:")).map((g) => g.met);
        assert.deepStrictEqual([metAll(5 * 1024 * 1024, 150), metAll(5 * 1024 * 1024 + 1, 150), metAll(1000, 151)],
            [[true, true], [false, true], [true, false]]);
    });

    it("holds the real-clock waits to a 1 s median, no later than their simulation, and 10 calls in every run", () => {
        const runs = (calls: number[]) => calls.map((c, i) => ({ seed: i, states: { done: 50 }, releaseMedianS: 0.5,
            releaseP95S: 1, releaseMaxS: 1, calls: c, throttled: 0, callsAtS: [] }));
        const figures = (medianS: number, calls = [6, 7]) => ({ workload: { waits: 50, olderRecords: 3000, doneAfterMs: [0, 4000] as const },
            runs: runs(calls), releaseMedianS: medianS, releaseMedianMinS: medianS, releaseMedianMaxS: medianS,
            callsMedian: 6.5, callsMin: Math.min(...calls), callsMax: Math.max(...calls), pooledMedianS: medianS, pooledP95S: 1 });
        const hostMet = (medianS: number, simMedianS: number, calls?: number[]) => cdnGoals({ sim: [row("soon", "ours", simMedianS, 7)],
            paging: [], hostWaits: { figures: figures(medianS, calls), simWorkload: "soon" } }).find((g) => g.id === "realclock:elsewhere")?.met;
        assert.deepStrictEqual([hostMet(0.5, 0.6), hostMet(0.7, 0.6), hostMet(1.1, 1.2), hostMet(0.5, 0.6, [6, 11])],
            [true, false, false, false]);
    });

    describe("calls against the peers", () => {
        const goal = (id: string, s: SimFigures[], bound?: { calls: number; kind: string }) =>
            cdnGoals({ sim: s, paging: [], boundAtOurMedian: bound && new Map([[s[0].workload, bound]]) })
                .find((g) => g.id === id);

        it("asks for no more calls than the thriftiest peer that releases no faster", () => {
            assert.deepStrictEqual([goal("fewest:gated50", sim)?.met,
                goal("fewest:gated50", [row("gated50", "ours", 2, 300), ...sim.slice(1)])?.met], [true, false]);
        });

        it("shows the bound at our median where that is out of reach", () => {
            const one = [row("one", "ours", 2, 24), row("one", "tccli", 2.5, 21), row("one", "aws20", 30, 4.5)];
            assert.match(goal("fewest:one", one, { calls: 5, kind: "distribution-only" })?.detail ?? "",
                /impossible at our median: distribution-only bound 5\.00 calls > 4\.50$/);
        });

        it("asks for 10x fewer calls than the peer with the nearest median", () => {
            assert.deepStrictEqual([goal("nearest:gated50", sim)?.met,
                goal("nearest:gated50", [row("gated50", "ours", 2, 150), ...sim.slice(1)])?.met], [true, false]);
        });

        it("holds waits on ids from elsewhere to 30 calls and a 1.5 s median", () => {
            const peers = [row("elsewhere50", "tccli", 5, 150)];
            assert.deepStrictEqual([goal("elsewhere:elsewhere50", [row("elsewhere50", "ours", 1.2, 25), ...peers])?.met,
                goal("elsewhere:elsewhere50", [row("elsewhere50", "ours", 1.6, 25), ...peers])?.met,
                goal("elsewhere:elsewhere50", [row("elsewhere50", "ours", 1.2, 31), ...peers])?.met], [true, false, false]);
        });
    });
});
