/**
 * The benchmark's goals (shared poller, paging, waits, footprint), checked against the figures of one run. The
 * benchmark reports them; nothing here fails a build.
 */
import { PagingFigures, WaitFigures } from "./emulatorBench";
import { ImportFigures } from "./footprint";
import { SimFigures } from "./sim/runSim";

/** One goal and whether this run met it. */
export interface Goal {
    readonly id: string;
    readonly goal: string;
    readonly met: boolean;
    readonly detail: string;
}

/** What the goals are checked against. */
export interface GoalInputs {
    readonly sim: readonly SimFigures[];
    readonly robustness?: readonly SimFigures[];
    readonly paging: readonly PagingFigures[];
    readonly waits?: readonly WaitFigures[];
    readonly imports?: readonly ImportFigures[];
    /** Schedules whose key starts with this are ours; the rest are peers unless listed in `ignore`. */
    readonly oursKey?: string;
    readonly ignore?: readonly string[];
}

const f2 = (n: number) => n.toFixed(2);

/**
 * The goals: per workload, our median release delay against the fastest peer's; for fifty gated purges, our
 * calls against a tenth of the thriftiest peer's; no throttled call of ours; paging within 1.1x of the bound
 * with no throttled call; import within 1.15x of `@pulumi/pulumi`.
 *
 * @example
 * evaluateGoals({ sim, paging, imports }).filter((g) => !g.met);
 */
export function evaluateGoals(inputs: GoalInputs): Goal[] {
    const ours = inputs.oursKey ?? "ours";
    const ignore = new Set(inputs.ignore ?? ["ours-1-10"]);
    const goals: Goal[] = [];
    const figures = [...inputs.sim, ...(inputs.robustness ?? [])];
    for (const workload of [...new Set(figures.map((f) => f.workload))]) {
        const rows = figures.filter((f) => f.workload === workload);
        const mine = rows.find((f) => f.schedule === ours);
        const peers = rows.filter((f) => f.schedule !== ours && !ignore.has(f.schedule));
        if (!mine || peers.length === 0) {
            continue;
        }
        const fastest = peers.reduce((a, b) => (b.delayMedianS < a.delayMedianS ? b : a));
        goals.push({ id: `delay:${workload}`, goal: `${workload}: median release delay <= fastest peer's`,
            met: mine.delayMedianS <= fastest.delayMedianS,
            detail: `ours ${f2(mine.delayMedianS)} s vs ${fastest.label} ${f2(fastest.delayMedianS)} s` });
        const thriftiest = peers.reduce((a, b) => (b.callsPerTrial < a.callsPerTrial ? b : a));
        const ratio = thriftiest.callsPerTrial / mine.callsPerTrial;
        const counted = workload.startsWith("gated50") && !workload.startsWith("gated50indep");
        goals.push({ id: `calls:${workload}`,
            goal: `${workload}: total calls >= 10x fewer than the thriftiest peer's${counted ? "" : " (not a goal here; shown)"}`,
            met: ratio >= 10,
            detail: `ours ${f2(mine.callsPerTrial)} vs ${thriftiest.label} ${f2(thriftiest.callsPerTrial)} per trial: ${f2(ratio)}x` });
        goals.push({ id: `throttled:${workload}`, goal: `${workload}: no throttled call of ours`, met: mine.throttled === 0,
            detail: `${mine.throttled} throttled` });
    }
    for (const w of inputs.waits ?? []) {
        goals.push({ id: `throttled:e2e${w.waits}`, goal: `emulator, ${w.waits} concurrent wait(s): no throttled call`,
            met: w.throttled === 0, detail: `${w.throttled} throttled` });
    }
    for (const p of inputs.paging) {
        const name = `paging ${p.records}${p.firstUse ? " (first use)" : ""}`;
        goals.push({ id: `paging:${p.records}${p.firstUse ? ":first" : ""}`, goal: `${name}: within 1.1x of the bound, no throttled call`,
            met: p.ratioToBound <= 1.1 && p.throttled === 0,
            detail: `${f2(p.seconds)} s vs bound ${f2(p.boundSeconds)} s (${f2(p.ratioToBound)}x), ${p.throttled} throttled` });
    }
    const mineImport = inputs.imports?.find((i) => i.target.startsWith("pulumi-tencentcloud-purge"));
    const pulumiImport = inputs.imports?.find((i) => i.target === "@pulumi/pulumi");
    if (mineImport && pulumiImport) {
        const ratio = mineImport.wallMedianMs / pulumiImport.wallMedianMs;
        goals.push({ id: "import", goal: "import within 1.15x of @pulumi/pulumi alone, without the Tencent SDK",
            met: ratio <= 1.15 && mineImport.sdkModules === 0,
            detail: `${mineImport.wallMedianMs.toFixed(0)} ms vs ${pulumiImport.wallMedianMs.toFixed(0)} ms (${f2(ratio)}x); ` +
                `${mineImport.sdkModules} SDK modules loaded` });
    }
    return goals;
}
