/** CDN's part of the benchmark's report: its simulated waits, bounds, other seeds, paging, memory and waits on the emulator and through the host. */
import { n, table } from "../table";
import { SimFigures } from "../sim/driver";
import { MemoryFigures, PagingFigures, WaitFigures } from "./emulatorBench";
import { HostWaitFigures } from "./hostWaits";
import { Workload } from "./workloads";

/** The parts of CDN's results its sections show. */
export interface CdnReport {
    readonly sim: readonly SimFigures[];
    readonly bounds: readonly { workload: string; targetMedianS: number; clairvoyantRoundsPerTrial: number;
        distributionRoundsPerTrial?: number }[];
    readonly robustness: readonly SimFigures[];
    readonly paging: readonly PagingFigures[];
    readonly memory: MemoryFigures;
    readonly waits: readonly WaitFigures[];
    /** The real-clock waits through the dynamic-provider host, and the key of their simulated workload. */
    readonly hostWaits?: { readonly figures: HostWaitFigures; readonly simWorkload: string };
}

function simTable(rows: readonly SimFigures[], titles: Map<string, string>): string {
    return table(["workload", "schedule", "delay median s", "delay p95 s", "calls/wait", "calls/trial", "throttled", "gave up"],
        rows.map((f) => [titles.get(f.workload) ?? f.workload, f.label, n(f.delayMedianS), n(f.delayP95S), n(f.callsPerWait, 1),
            n(f.callsPerTrial, 1), f.throttled, f.gaveUp ? `${f.gaveUp}/${f.waits}` : "0"]));
}

/** The real-clock runs, one row each, then their median and spread beside the simulated figure of the same workload. */
function hostWaitsSection(f: HostWaitFigures, sim: readonly SimFigures[], simTitle: string): string {
    const w = f.workload;
    const spread = (m: number, lo: number, hi: number, digits = 2) => `${n(m, digits)} (${n(lo, digits)}-${n(hi, digits)})`;
    return [
        `\n### Real clock: ${w.waits} PurgeTaskWaiters on ids from elsewhere, through Pulumi's dynamic-provider host\n`,
        `${w.waits} creates sent together over gRPC to the host, which loads the built package; the emulator over HTTP holds ` +
        `${w.olderRecords} older records; each task turns done ${n(w.doneAfterMs[0] / 1000, 1)}-${n(w.doneAfterMs[1] / 1000, 1)} s ` +
        `after the creates are sent. Release: from done to the create's answer. ${f.runs.length} runs, fresh host and emulator each.\n`,
        table(["run (seed)", "outcome", "release median s", "p95 s", "max s", "DescribePurgeTasks calls", "calls at (s after start)", "throttled"],
            f.runs.map((r) => [r.seed, Object.entries(r.states).map(([k, v]) => `${v} ${k}`).join(", "), n(r.releaseMedianS),
                n(r.releaseP95S), n(r.releaseMaxS), r.calls, r.callsAtS.map((t) => n(t)).join(" "), r.throttled])),
        "",
        table(["", "release median s (spread of run medians)", "p95 s", "calls per trial (spread)"], [
            ["real clock, median of runs", spread(f.releaseMedianS, f.releaseMedianMinS, f.releaseMedianMaxS),
                n(f.pooledP95S), spread(f.callsMedian, f.callsMin, f.callsMax, 1)],
            ...sim.map((s) => [`simulated ${simTitle}, ${s.label}`, n(s.delayMedianS), n(s.delayP95S), n(s.callsPerTrial, 1)]),
        ]),
    ].join("\n");
}

/**
 * CDN's sections of the report, as one Markdown string.
 *
 * @example
 * renderTable(results, [renderCdnSections(results, workloads(1))], ["bench/out/calls-vs-delay.svg"]);
 */
export function renderCdnSections(r: CdnReport, list: readonly Workload[]): string {
    const titles = new Map(list.map((w) => [w.key, w.title]));
    const parts: string[] = [];
    parts.push("### Wait schedules on a simulated clock\n");
    parts.push(list.map((w) => `- ${w.title}: ${w.description}`).join("\n") + "\n");
    parts.push(simTable(r.sim, titles));
    parts.push("\nLower bounds on the rounds (= calls) of ANY shared polling schedule that matches the fastest peer's median:\n");
    parts.push(table(["workload", "fastest peer median s", "clairvoyant rounds/trial", "distribution-only rounds/trial"],
        r.bounds.map((b) => [titles.get(b.workload) ?? b.workload, n(b.targetMedianS), n(b.clairvoyantRoundsPerTrial, 1),
            b.distributionRoundsPerTrial === undefined ? "n/a (completions correlated)" : n(b.distributionRoundsPerTrial, 1)])));
    parts.push("\n(b) and (d) on two other seeds (the noise of these figures):\n");
    parts.push(simTable(r.robustness, titles));
    parts.push("\n### Paging on the emulator (HTTP, official SDK, shared limiter)\n");
    parts.push(table(["records", "pages", "seconds", "bound N/100/20 s", "ratio", "calls", "throttled"],
        r.paging.map((p) => [`${p.records}${p.firstUse ? " (first use in process)" : ""}`, p.pages, n(p.seconds),
            n(p.boundSeconds), n(p.ratioToBound), p.calls, p.throttled])));
    parts.push(`\nMemory over ${r.memory.records} records: iteratePurgeTasks peak heap growth ${n(r.memory.iteratePeakMB)} MB; ` +
        `getPurgeTasks result retained ${n(r.memory.getPurgeTasksRetainedMB)} MB (heap after GC).`);
    parts.push("\n### End-to-end waits on the emulator (as waitForTaskIds does: waitForTask on the shared default poller, real clock)\n");
    parts.push(table(["concurrent waits", "outcome", "overshoot median s", "p95 s", "max s", "DescribePurgeTasks calls", "calls/wait", "throttled", "wall s"],
        r.waits.map((w) => [w.label ?? w.waits, Object.entries(w.states).map(([k, v]) => `${v} ${k}`).join(", "), n(w.overshootMedianS),
            n(w.overshootP95S), n(w.overshootMaxS), w.describeCalls, n(w.callsPerWait), w.throttled, n(w.wallSeconds, 1)])));
    if (r.hostWaits) {
        parts.push(hostWaitsSection(r.hostWaits.figures, r.sim.filter((f) => f.workload === r.hostWaits!.simWorkload &&
            f.schedule.startsWith("ours")), titles.get(r.hostWaits.simWorkload) ?? r.hostWaits.simWorkload));
    }
    return parts.join("\n");
}
