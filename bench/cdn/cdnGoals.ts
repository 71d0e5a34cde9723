/**
 * CDN's goals, checked against one run: the core's on its simulated workloads (with "10x fewer calls than the
 * thriftiest peer" a goal for fifty gated purges), waits on ids from elsewhere held to 30 calls and a 1.5 s median,
 * no throttled call on the emulator, the real-clock waits through the dynamic-provider host, and paging within
 * 1.1x of the bound.
 */
import { f2, Goal, simGoals } from "../goals";
import { SimFigures } from "../sim/driver";
import { PagingFigures, WaitFigures } from "./emulatorBench";
import { HostWaitFigures } from "./hostWaits";

/** What CDN's goals are checked against. */
export interface CdnGoalInputs {
    readonly sim: readonly SimFigures[];
    readonly robustness?: readonly SimFigures[];
    readonly paging: readonly PagingFigures[];
    readonly waits?: readonly WaitFigures[];
    /** The real-clock waits through Pulumi's dynamic-provider host, with the key of their simulated workload. */
    readonly hostWaits?: { readonly figures: HostWaitFigures; readonly simWorkload: string };
    /** Per workload, the fewest calls any schedule needs at our median (bench/sim/oracle.ts). */
    readonly boundAtOurMedian?: ReadonlyMap<string, { readonly calls: number; readonly kind: string }>;
}

/** For the waits on ids submitted elsewhere: at most 30 calls per trial and a median release of 1.5 s at most. */
function elsewhereGoals(workload: string, mine: SimFigures): Goal[] {
    const goals: Goal[] = [];
    if (workload.startsWith("elsewhere50") && !workload.startsWith("elsewhere50newer")) {
        goals.push({ id: `elsewhere:${workload}`, goal: `${workload}: <= 30 calls per trial, median release <= 1.5 s, 0 throttled`,
            met: mine.callsPerTrial <= 30 && mine.delayMedianS <= 1.5 && mine.throttled === 0,
            detail: `${f2(mine.callsPerTrial)} calls, ${f2(mine.delayMedianS)} s, ${mine.throttled} throttled` });
    }
    return goals;
}

/**
 * The real-clock waits on ids from elsewhere: over the runs, a median release of at most 1 s after done and no later
 * than the simulation of the same workload says, at most 10 calls for the fifty waits in every run, none throttled.
 */
function hostWaitGoal(f: HostWaitFigures, sim: SimFigures | undefined): Goal {
    const throttled = f.runs.reduce((a, r) => a + r.throttled, 0);
    const simMedian = sim?.delayMedianS ?? Infinity;
    return { id: "realclock:elsewhere", goal: `real clock, ${f.workload.waits} PurgeTaskWaiters on ids from elsewhere through ` +
        "the dynamic-provider host: median release <= 1 s and <= the simulation's, <= 10 calls in every run, 0 throttled",
        met: f.releaseMedianS <= 1 && f.releaseMedianS <= simMedian && f.callsMax <= 10 && throttled === 0,
        detail: `median ${f2(f.releaseMedianS)} s (runs ${f2(f.releaseMedianMinS)}-${f2(f.releaseMedianMaxS)}) vs simulated ` +
            `${f2(simMedian)} s; ${f.callsMin}-${f.callsMax} calls; ${throttled} throttled` };
}

/**
 * CDN's goals.
 *
 * @example
 * cdnGoals({ sim, paging }).filter((g) => !g.met);
 */
export function cdnGoals(inputs: CdnGoalInputs): Goal[] {
    const ours = "ours";
    const goals = simGoals([...inputs.sim, ...(inputs.robustness ?? [])], {
        oursKey: ours, boundAtOurMedian: inputs.boundAtOurMedian, more: elsewhereGoals,
        thriftiestIsGoal: (workload) => workload.startsWith("gated50") && !workload.startsWith("gated50indep"),
    });
    for (const w of inputs.waits ?? []) {
        goals.push({ id: `throttled:e2e${w.waits}`, goal: `emulator, ${w.label ?? `${w.waits} concurrent wait(s)`}: no throttled call`,
            met: w.throttled === 0, detail: `${w.throttled} throttled` });
        if (w.label?.includes("elsewhere")) {
            goals.push({ id: `elsewhere:e2e${w.waits}`, goal: `emulator, ${w.label}: <= 30 calls, median release <= 1.5 s`,
                met: w.describeCalls <= 30 && w.overshootMedianS <= 1.5,
                detail: `${w.describeCalls} calls, ${f2(w.overshootMedianS)} s` });
        }
    }
    if (inputs.hostWaits) {
        goals.push(hostWaitGoal(inputs.hostWaits.figures, inputs.sim.find((f) => f.workload === inputs.hostWaits!.simWorkload &&
            f.schedule === ours)));
    }
    for (const p of inputs.paging) {
        const name = `paging ${p.records}${p.firstUse ? " (first use)" : ""}`;
        goals.push({ id: `paging:${p.records}${p.firstUse ? ":first" : ""}`, goal: `${name}: within 1.1x of the bound, no throttled call`,
            met: p.ratioToBound <= 1.1 && p.throttled === 0,
            detail: `${f2(p.seconds)} s vs bound ${f2(p.boundSeconds)} s (${f2(p.ratioToBound)}x), ${p.throttled} throttled` });
    }
    return goals;
}
