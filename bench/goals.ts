/**
 * The goals every product's figures are held to, checked against one run: per simulated workload, our release and
 * calls against the peers'; and the package's footprint (import time, the plugin's archives and start). Each
 * product adds its own, in its folder. The benchmark reports them; nothing here fails a build.
 */
import { ImportFigures } from "./footprint";
import { ReleaseFigures } from "./pluginStart";
import { SimFigures } from "./sim/driver";

/** One goal and whether this run met it. */
export interface Goal {
    readonly id: string;
    readonly goal: string;
    readonly met: boolean;
    readonly detail: string;
}

/** How a product's simulated figures are held to the peers'. */
export interface SimGoalRules {
    /** Schedules whose key is this are ours ("ours" by default); the rest are peers unless listed in `ignore`. */
    readonly oursKey?: string;
    /** Our other variants, shown beside the peers but compared with nothing ("ours-1-10" by default). */
    readonly ignore?: readonly string[];
    /**
     * Per workload: the fewest calls per trial any schedule needs to release with our median delay (see
     * bench/sim/oracle.ts), shown where a goal on calls is not met.
     */
    readonly boundAtOurMedian?: ReadonlyMap<string, { readonly calls: number; readonly kind: string }>;
    /** The workloads where "10x fewer calls than the thriftiest peer" is a goal; elsewhere it is only shown. */
    readonly thriftiestIsGoal?: (workload: string) => boolean;
    /** A product's own goals on one workload's figures of ours, after the comparisons with the peers. */
    readonly more?: (workload: string, mine: SimFigures) => Goal[];
}

/** What the package's footprint goals are checked against. */
export interface FootprintInputs {
    readonly imports?: readonly ImportFigures[];
    readonly release?: ReleaseFigures;
}

/** A figure with two decimals, as every goal shows it: `f2(1.234)` is "1.23". */
export const f2 = (n: number) => n.toFixed(2);

/**
 * Calls against the peers: no more than the fewest of any peer that releases no faster than ours (where that
 * cannot be met, the bound at our median shows it is impossible for any schedule as fast as ours); and, where a
 * trial waits on several tasks, at least 10x fewer than the peer whose median is nearest ours.
 */
function peerGoals(workload: string, mine: SimFigures, peers: readonly SimFigures[],
    bound?: { readonly calls: number; readonly kind: string }): Goal[] {
    const goals: Goal[] = [];
    const slower = peers.filter((p) => p.delayMedianS >= mine.delayMedianS);
    if (slower.length > 0) {
        const fewest = slower.reduce((a, b) => (b.callsPerTrial < a.callsPerTrial ? b : a));
        const met = mine.callsPerTrial <= fewest.callsPerTrial;
        const proof = !met && bound ? `; impossible at our median: ${bound.kind} bound ${f2(bound.calls)} calls > ${f2(fewest.callsPerTrial)}` +
            (bound.calls > fewest.callsPerTrial ? "" : " NOT shown") : "";
        goals.push({ id: `fewest:${workload}`, goal: `${workload}: calls <= the fewest of any peer releasing no faster`,
            met, detail: `ours ${f2(mine.callsPerTrial)} vs ${fewest.label} ${f2(fewest.callsPerTrial)} (median ${f2(fewest.delayMedianS)} s)${proof}` });
    }
    if (mine.waits / mine.trials > 1) {
        const nearest = peers.reduce((a, b) =>
            (Math.abs(b.delayMedianS - mine.delayMedianS) < Math.abs(a.delayMedianS - mine.delayMedianS) ? b : a));
        const ratio = nearest.callsPerTrial / mine.callsPerTrial;
        goals.push({ id: `nearest:${workload}`, goal: `${workload}: calls >= 10x fewer than the peer with the nearest median`,
            met: ratio >= 10, detail: `ours ${f2(mine.callsPerTrial)} vs ${nearest.label} ${f2(nearest.callsPerTrial)} ` +
                `(median ${f2(nearest.delayMedianS)} s): ${f2(ratio)}x` });
    }
    return goals;
}

/**
 * Per workload: our median release delay against the fastest peer's; our calls against a tenth of the thriftiest
 * peer's; no throttled call of ours; calls against the peers (see `peerGoals`); then the product's own.
 *
 * @example
 * simGoals(sim, { thriftiestIsGoal: (workload) => workload === "batch50" }).filter((g) => !g.met);
 */
export function simGoals(figures: readonly SimFigures[], rules: SimGoalRules = {}): Goal[] {
    const ours = rules.oursKey ?? "ours";
    const ignore = new Set(rules.ignore ?? ["ours-1-10"]);
    const goals: Goal[] = [];
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
        const counted = rules.thriftiestIsGoal?.(workload) ?? false;
        goals.push({ id: `calls:${workload}`,
            goal: `${workload}: total calls >= 10x fewer than the thriftiest peer's${counted ? "" : " (not a goal here; shown)"}`,
            met: ratio >= 10,
            detail: `ours ${f2(mine.callsPerTrial)} vs ${thriftiest.label} ${f2(thriftiest.callsPerTrial)} per trial: ${f2(ratio)}x` });
        goals.push({ id: `throttled:${workload}`, goal: `${workload}: no throttled call of ours`, met: mine.throttled === 0,
            detail: `${mine.throttled} throttled` });
        goals.push(...peerGoals(workload, mine, peers, rules.boundAtOurMedian?.get(workload)));
        goals.push(...(rules.more?.(workload, mine) ?? []));
    }
    return goals;
}

/**
 * The package's footprint: import within 1.15x of `@pulumi/pulumi` without loading the Tencent SDK; every plugin
 * archive at most 5 MB; a cold GetSchema within 1.5x of a bare Node.js start.
 *
 * @example
 * footprintGoals({ imports, release }).filter((g) => !g.met);
 */
export function footprintGoals(inputs: FootprintInputs): Goal[] {
    const goals: Goal[] = [];
    const mineImport = inputs.imports?.find((i) => i.target.startsWith("pulumi-tencentcloud-purge"));
    const pulumiImport = inputs.imports?.find((i) => i.target === "@pulumi/pulumi");
    if (mineImport && pulumiImport) {
        const ratio = mineImport.wallMedianMs / pulumiImport.wallMedianMs;
        goals.push({ id: "import", goal: "import within 1.15x of @pulumi/pulumi alone, without the Tencent SDK",
            met: ratio <= 1.15 && mineImport.sdkModules === 0,
            detail: `${mineImport.wallMedianMs.toFixed(0)} ms vs ${pulumiImport.wallMedianMs.toFixed(0)} ms (${f2(ratio)}x); ` +
                `${mineImport.sdkModules} SDK modules loaded` });
    }
    if (inputs.release) {
        const sizes = Object.values(inputs.release.archiveBytes);
        goals.push({ id: "release:size", goal: "every plugin archive at most 5 MB", met: sizes.every((b) => b <= 5 * 1024 * 1024),
            detail: `largest ${(Math.max(...sizes) / 1024).toFixed(0)} KB of ${sizes.length}` });
        for (const s of inputs.release.starts) {
            goals.push({ id: `release:start:${s.label}`, goal: `plugin (${s.label}): cold GetSchema within 1.5x of a bare node -e ''`,
                met: s.ratio <= 1.5, detail: `${s.getSchemaMs.toFixed(0)} ms vs ${s.bareNodeMs.toFixed(0)} ms (${f2(s.ratio)}x), medians of ${s.runs}` });
        }
    }
    return goals;
}
