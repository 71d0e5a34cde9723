/**
 * `npm run bench`: every measured claim of the package in one run. Writes bench/out/results.json, the table
 * (bench/out/table.md, also printed) and the plot (bench/out/calls-vs-delay.svg, and .png when a converter
 * exists). See bench/README.md for what is measured and how.
 *
 * The runner is the one file of the core that names the products: it runs each product's part (`cdn/`,
 * `edgeone/`), then the package's own (build, import time, serialized provider, the plugin as released).
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_ROUND_DELAYS } from "../provider/wait/coalescingPoller";
import { build, ImportFigures, importTimes, SerializedFigures, serializedProviderBytes } from "./footprint";
import { writePlot } from "./plot";
import { benchRelease, ReleaseFigures } from "./pluginStart";
import { SIM_LATENCY_MS } from "./sim/driver";
import { USER_DEADLINE_MS } from "./sim/peerDelays";
import { footprintGoals, Goal } from "./goals";
import { renderTable } from "./table";
import { HOST_WAITS_SIM, runCdnBench, SCHEDULES } from "./cdn/cdnBench";
import { cdnGoals } from "./cdn/cdnGoals";
import { renderCdnSections } from "./cdn/cdnReport";
import { benchHostWaits, HOST_ELSEWHERE, HostWaitFigures } from "./cdn/hostWaits";
import { renderTeoSection, runTeoBench } from "./edgeone/teoBench";
import { renderPushSection, runPushBench } from "./cdn/pushBench";

const SEED = 20261129;
/** Runs of the real-clock waits through the dynamic-provider host (about 10 s each). */
const HOST_WAIT_RUNS = 5;
const OUT = path.join(__dirname, "out");

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
    const started = Date.now();
    fs.mkdirSync(OUT, { recursive: true });

    const cdn = await runCdnBench(SEED, log);
    const { list, sim } = cdn;
    log("CDN: simulated prefetch (push) waits ...");
    const push = await runPushBench(SEED);

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
    const goals: Goal[] = [
        ...cdnGoals({ sim, robustness: cdn.robustness, paging: cdn.paging, waits: cdn.waits, hostWaits: hostWaitsRow,
            boundAtOurMedian: cdn.boundAtOurMedian }),
        ...footprintGoals({ imports, release }),
    ];
    const results = {
        generatedAt: new Date().toISOString(), seed: SEED, node: process.version, runSeconds: 0,
        settings: { simLatencyMs: SIM_LATENCY_MS, userDeadlineMs: USER_DEADLINE_MS, pollerDefaults: DEFAULT_ROUND_DELAYS,
            workloads: list.map((w) => ({ key: w.key, title: w.title, description: w.description, trials: w.trials.length })),
            schedules: SCHEDULES.map((s) => ({ key: s.key, label: s.label, description: s.description })) },
        sim, bounds: cdn.bounds, robustness: cdn.robustness, paging: cdn.paging, memory: cdn.memory, waits: cdn.waits,
        build: { ok: built.ok, clean: built.clean, seconds: built.seconds },
        imports, serialized, release, hostWaits: hostWaitsRow, goals, push, edgeone,
    };
    const plotFiles = writePlot(path.join(OUT, "calls-vs-delay"), list.map((w) => ({
        title: w.title,
        points: sim.filter((f) => f.workload === w.key).map((f) => ({ label: f.label, calls: f.callsPerTrial,
            delayS: f.delayMedianS, ours: f.schedule.startsWith("ours") })),
    })));
    results.runSeconds = (Date.now() - started) / 1000;
    const table = renderTable(results, [renderCdnSections(results, list), renderPushSection(push)],
        plotFiles.map((f) => path.relative(path.join(__dirname, ".."), f))) + renderTeoSection(edgeone);
    fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(OUT, "table.md"), table);
    process.stdout.write(table);
    log(`done in ${results.runSeconds.toFixed(0)} s; wrote ${["results.json", "table.md", ...plotFiles.map((f) => path.basename(f))].join(", ")} to bench/out/`);
}

main().catch((e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
});
