/**
 * `npm run bench`: every measured claim of the package in one run. Writes bench/out/results.json, the table
 * (bench/out/table.md, also printed) and the plot (bench/out/calls-vs-delay.svg, and .png when a converter
 * exists). See bench/README.md for what is measured and how.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_ROUND_DELAYS } from "../provider/wait/coalescingPoller";
import { benchPaging, benchWaits, benchWaitsElsewhere, MemoryFigures, PagingFigures, WaitFigures } from "./emulatorBench";
import { build, ImportFigures, importTimes, SerializedFigures, serializedProviderBytes } from "./footprint";
import { writePlot } from "./plot";
import { benchRelease, ReleaseFigures } from "./pluginStart";
import { benchHostWaits, HOST_ELSEWHERE, HostWaitFigures } from "./hostWaits";
import { distributionBound, fewestRounds, singleTaskBound } from "./sim/oracle";
import { SimFigures, simulate, SIM_LATENCY_MS } from "./sim/runSim";
import { coalesced, PEERS, Schedule, USER_DEADLINE_MS } from "./sim/schedules";
import { Workload, workloads } from "./sim/workloads";
import { evaluateGoals, Goal } from "./goals";
import { renderTable } from "./table";
import { renderTeoSection, runTeoBench } from "./edgeone/teoBench";

const SEED = 20261129;
/** Runs of the real-clock waits through the dynamic-provider host (about 10 s each). */
const HOST_WAIT_RUNS = 5;
/** The simulated workload the real-clock runs mirror. */
const HOST_WAITS_SIM = "elsewhere50soon";
const EXTRA_SEEDS = [7, 99];
const OUT = path.join(__dirname, "out");

const OURS: Schedule = coalesced("ours", "ours (shared poller)", {});
const OURS_UNTUNED = coalesced("ours-1-10", "ours, 1-10 s (before tuning)", { minDelayMs: 1000, maxDelayMs: 10_000 });
const SCHEDULES: readonly Schedule[] = [OURS, OURS_UNTUNED, ...PEERS];

/** Lower bounds on the rounds of any shared schedule, per workload. */
export interface Bounds {
    readonly workload: string;
    /** The median delay to match: the fastest peer's. */
    readonly targetMedianS: number;
    readonly clairvoyantRoundsPerTrial: number;
    /** For independent completions only. */
    readonly distributionRoundsPerTrial?: number;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function simulateAll(list: readonly Workload[], schedules: readonly Schedule[]): Promise<SimFigures[]> {
    const figures: SimFigures[] = [];
    for (const w of list) {
        for (const s of schedules) {
            figures.push(await simulate(w, s, SEED));
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

async function main(): Promise<void> {
    const started = Date.now();
    fs.mkdirSync(OUT, { recursive: true });

    log("simulated waits ...");
    const list = workloads(SEED);
    const sim = await simulateAll(list, SCHEDULES);
    const simBounds = bounds(list, sim);
    log("other seeds for (b) and (d) ...");
    const robustness: SimFigures[] = [];
    for (const seed of EXTRA_SEEDS) {
        for (const key of ["gated50", "elsewhere50"]) {
            const w = workloads(seed).find((x) => x.key === key)!;
            for (const s of SCHEDULES) {
                robustness.push({ ...(await simulate(w, s, seed)), workload: `${key}@seed${seed}` });
            }
        }
    }

    log("paging on the emulator ...");
    const { paging, memory }: { paging: PagingFigures[]; memory: MemoryFigures } = await benchPaging([3000, 3000, 10_000]);
    log("end-to-end waits on the emulator ...");
    const waits: WaitFigures[] = [];
    for (const [i, doneAfter] of ([[4000, 10_000], [4000, 10_000], [4000, 10_000]] as const).entries()) {
        waits.push(await benchWaits(1, doneAfter, SEED + i));
    }
    waits.push(await benchWaits(50, [10_000, 20_000], SEED));
    waits.push(await benchWaitsElsewhere(50, 3000, [3000, 6600], SEED));

    log("EdgeOne: simulated waits and reading a 2,500-target job ...");
    const edgeone = await runTeoBench(SEED);

    log("building (tsc) ...");
    const built = build();
    let imports: ImportFigures[] | undefined;
    let serialized: SerializedFigures | undefined;
    let hostWaits: HostWaitFigures | undefined;
    if (!built.clean) {
        log(`tsc reported errors (bin/ was still written):\n${built.output}`);
    }
    if (built.ok) {
        log("import times ...");
        imports = importTimes(7);
        serialized = await serializedProviderBytes();
        log(`real clock: ${HOST_WAIT_RUNS} runs of ${HOST_ELSEWHERE.waits} waiters through the dynamic-provider host ...`);
        hostWaits = await benchHostWaits(HOST_ELSEWHERE, HOST_WAIT_RUNS, SEED);
    } else {
        log(`build failed, import, serialization and real-clock host figures skipped:\n${built.output}`);
    }

    log("the provider plugin's release archives and start ...");
    const release: ReleaseFigures = await benchRelease(15);

    const hostWaitsRow = hostWaits && { figures: hostWaits, simWorkload: HOST_WAITS_SIM };
    const goals: Goal[] = evaluateGoals({ sim, robustness, paging, waits, imports, release, hostWaits: hostWaitsRow,
        boundAtOurMedian: boundsAtOurMedian(list, sim) });
    const results = {
        generatedAt: new Date().toISOString(), seed: SEED, node: process.version, runSeconds: 0,
        settings: { simLatencyMs: SIM_LATENCY_MS, userDeadlineMs: USER_DEADLINE_MS, pollerDefaults: DEFAULT_ROUND_DELAYS,
            workloads: list.map((w) => ({ key: w.key, title: w.title, description: w.description, trials: w.trials.length })),
            schedules: SCHEDULES.map((s) => ({ key: s.key, label: s.label, description: s.description })) },
        sim, bounds: simBounds, robustness, paging, memory, waits, build: { ok: built.ok, clean: built.clean, seconds: built.seconds },
        imports, serialized, release, hostWaits: hostWaitsRow, goals, edgeone,
    };
    const plotFiles = writePlot(path.join(OUT, "calls-vs-delay"), list.map((w) => ({
        title: w.title,
        points: sim.filter((f) => f.workload === w.key).map((f) => ({ label: f.label, calls: f.callsPerTrial,
            delayS: f.delayMedianS, ours: f.schedule.startsWith("ours") })),
    })));
    results.runSeconds = (Date.now() - started) / 1000;
    const table = renderTable(results, list, plotFiles.map((f) => path.relative(path.join(__dirname, ".."), f))) +
        renderTeoSection(edgeone);
    fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(OUT, "table.md"), table);
    process.stdout.write(table);
    log(`done in ${results.runSeconds.toFixed(0)} s; wrote ${["results.json", "table.md", ...plotFiles.map((f) => path.basename(f))].join(", ")} to bench/out/`);
}

main().catch((e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
});
