/**
 * CDN's part of `npm run bench`: its workloads simulated for ours and the peers (and (b), (d) on two more seeds),
 * the lower bounds of any shared schedule, paging and end-to-end waits on the emulator. The real-clock waits
 * through the dynamic-provider host (`hostWaits.ts`) need the build, so the runner calls them after it.
 */
import { distributionBound, fewestRounds, singleTaskBound } from "../sim/oracle";
import { SimFigures } from "../sim/driver";
import { benchPaging, benchWaits, benchWaitsElsewhere, MemoryFigures, PagingFigures, WaitFigures } from "./emulatorBench";
import { simulate } from "./runSim";
import { coalesced, PEERS, Schedule } from "./schedules";
import { Workload, workloads } from "./workloads";

const EXTRA_SEEDS = [7, 99];

const OURS: Schedule = coalesced("ours", "ours (shared poller)", {});
const OURS_UNTUNED = coalesced("ours-1-10", "ours, 1-10 s (before tuning)", { minDelayMs: 1000, maxDelayMs: 10_000 });
/** Ours, ours as before its tuning, and the peers. */
export const SCHEDULES: readonly Schedule[] = [OURS, OURS_UNTUNED, ...PEERS];

/** The simulated workload the real-clock runs through the host mirror. */
export const HOST_WAITS_SIM = "elsewhere50soon";

/** Lower bounds on the rounds of any shared schedule, per workload. */
export interface Bounds {
    readonly workload: string;
    /** The median delay to match: the fastest peer's. */
    readonly targetMedianS: number;
    readonly clairvoyantRoundsPerTrial: number;
    /** For independent completions only. */
    readonly distributionRoundsPerTrial?: number;
}

/** What CDN's part measured before the build. */
export interface CdnBenchResults {
    readonly list: readonly Workload[];
    readonly sim: readonly SimFigures[];
    readonly bounds: readonly Bounds[];
    readonly robustness: readonly SimFigures[];
    readonly paging: readonly PagingFigures[];
    readonly memory: MemoryFigures;
    readonly waits: readonly WaitFigures[];
    /** Per workload, the fewest calls any schedule needs to release with our median. */
    readonly boundAtOurMedian: ReadonlyMap<string, { calls: number; kind: string }>;
}

async function simulateAll(list: readonly Workload[], schedules: readonly Schedule[], seed: number): Promise<SimFigures[]> {
    const figures: SimFigures[] = [];
    for (const w of list) {
        for (const s of schedules) {
            figures.push(await simulate(w, s, seed));
        }
    }
    return figures;
}

function bounds(list: readonly Workload[], sim: readonly SimFigures[]): Bounds[] {
    return list.filter((w) => w.trials[0].length > 1).map((w) => {
        const target = Math.min(...sim.filter((f) => f.workload === w.key && PEERS.some((p) => p.key === f.schedule))
            .map((f) => f.delayMedianS));
        const done = w.trials.map((t) => t.map((task) => task.doneAt));
        return {
            workload: w.key, targetMedianS: target,
            clairvoyantRoundsPerTrial: fewestRounds(done, target * 1000) / w.trials.length,
            distributionRoundsPerTrial: w.key === "gated50" ? undefined : distributionBound(done, target * 1000),
        };
    });
}

/** Per workload, the fewest calls any schedule needs to release with our median (shown where a goal on calls fails). */
function boundsAtOurMedian(list: readonly Workload[], sim: readonly SimFigures[]): Map<string, { calls: number; kind: string }> {
    const result = new Map<string, { calls: number; kind: string }>();
    for (const w of list) {
        const ours = sim.find((f) => f.workload === w.key && f.schedule === OURS.key);
        if (!ours) {
            continue;
        }
        const m = ours.delayMedianS * 1000;
        const done = w.trials.map((t) => t.map((task) => task.doneAt - (task.waitAt ?? task.submitAt)));
        if (w.trials[0].length === 1) {
            result.set(w.key, { calls: singleTaskBound(done.map((t) => t[0]), m), kind: "distribution-only" });
        } else if (w.key === "gated50") {
            result.set(w.key, { calls: fewestRounds(done, m) / w.trials.length, kind: "clairvoyant" });
        } else {
            result.set(w.key, { calls: distributionBound(done, m), kind: "distribution-only" });
        }
    }
    return result;
}

/**
 * Runs CDN's part, reporting progress through `log`.
 *
 * @example
 * const cdn = await runCdnBench(20261129, (line) => process.stderr.write(`${line}\n`));
 */
export async function runCdnBench(seed: number, log: (line: string) => void): Promise<CdnBenchResults> {
    log("simulated waits ...");
    const list = workloads(seed);
    const sim = await simulateAll(list, SCHEDULES, seed);
    const simBounds = bounds(list, sim);
    log("other seeds for (b) and (d) ...");
    const robustness: SimFigures[] = [];
    for (const extra of EXTRA_SEEDS) {
        for (const key of ["gated50", "elsewhere50"]) {
            const w = workloads(extra).find((x) => x.key === key)!;
            for (const s of SCHEDULES) {
                robustness.push({ ...(await simulate(w, s, extra)), workload: `${key}@seed${extra}` });
            }
        }
    }

    log("paging on the emulator ...");
    const { paging, memory } = await benchPaging([3000, 3000, 10_000]);
    log("end-to-end waits on the emulator ...");
    const waits: WaitFigures[] = [];
    for (const [i, doneAfter] of ([[4000, 10_000], [4000, 10_000], [4000, 10_000]] as const).entries()) {
        waits.push(await benchWaits(1, doneAfter, seed + i));
    }
    waits.push(await benchWaits(50, [10_000, 20_000], seed));
    waits.push(await benchWaitsElsewhere(50, 3000, [3000, 6600], seed));
    return { list, sim, bounds: simBounds, robustness, paging, memory, waits, boundAtOurMedian: boundsAtOurMedian(list, sim) };
}
