/**
 * CDN's prefetch part of `npm run bench`: the push workloads simulated for ours and the peers, and their goals:
 * every push of ours released within its default deadline where each peer gives up on some or passes one wrongly;
 * every push with a URL the origin lacks failed within 30 s of its submission; no throttled call of ours; fifty
 * pushes in one deployment at least 10x fewer calls than the peer whose release is nearest ours.
 */
import { Goal } from "../goals";
import { SimFigures } from "../sim/driver";
import { n, table } from "../table";
import { PUSH_OURS, PUSH_PEERS } from "./pushSchedules";
import { PushWorkload, pushWorkloads } from "./pushWorkloads";
import { simulatePush } from "./runPushSim";

/** What the push bench measured. */
export interface PushBenchResults {
    readonly workloads: readonly { key: string; title: string; description: string; trials: number }[];
    readonly sim: readonly SimFigures[];
    readonly goals: readonly Goal[];
}

/** A push with a URL the origin lacks (which ends `invalid` within seconds) fails its wait within this long. */
const FAIL_SOON_S = 30;

function pushGoals(list: readonly PushWorkload[], sim: readonly SimFigures[]): Goal[] {
    const goals: Goal[] = [];
    for (const w of list) {
        const rows = sim.filter((f) => f.workload === w.key);
        const mine = rows.find((f) => f.schedule === PUSH_OURS.key)!;
        const peers = rows.filter((f) => f.schedule !== PUSH_OURS.key);
        const wrong = (f: SimFigures) => f.gaveUp + f.wronglyPassed;
        const mustFail = w.trials.some((t) => t.some((p) => (p.invalidUrls ?? 0) > 0));
        if (mustFail) {
            // A peer that fails on `invalid` and looks within seconds fails these right too: the goal is ours, failing soon.
            goals.push({ id: `cdn-push:fails-soon:${w.key}`, goal: `${w.key}: every push of ours fails, within ${FAIL_SOON_S} s of its submission (p95)`,
                met: wrong(mine) === 0 && mine.failed === mine.waits && mine.failP95S <= FAIL_SOON_S,
                detail: [mine, ...peers].map((f) => `${f.label} ${f.failed} failed (median ${n(f.failMedianS, 1)} s), ${f.gaveUp} gave up, ` +
                    `${f.wronglyPassed} wrongly passed`).join("; ") });
        } else {
            goals.push({ id: `cdn-push:ended:${w.key}`, goal: `${w.key}: every push of ours ends right within its default deadline, where each peer gives up on some or passes one wrongly`,
                met: wrong(mine) === 0 && peers.every((p) => wrong(p) > 0),
                detail: [mine, ...peers].map((f) => `${f.label} ${f.gaveUp} gave up, ${f.wronglyPassed} wrongly passed`).join("; ") });
        }
        goals.push({ id: `cdn-push:throttled:${w.key}`, goal: `${w.key}: no throttled call of ours`, met: mine.throttled === 0,
            detail: `${mine.throttled} throttled` });
        if (w.trials[0].length > 1) {
            const nearest = [...peers].filter((p) => p.released > 0)
                .sort((a, b) => Math.abs(a.delayMedianS - mine.delayMedianS) - Math.abs(b.delayMedianS - mine.delayMedianS))[0];
            goals.push({ id: `cdn-push:calls:${w.key}`, goal: `${w.key}: calls >= 10x fewer than the peer with the nearest median`,
                met: mine.callsPerTrial * 10 <= nearest.callsPerTrial,
                detail: `ours ${n(mine.callsPerTrial, 1)} vs ${nearest.label} ${n(nearest.callsPerTrial, 1)} (median ${n(nearest.delayMedianS)} s): ` +
                    `${n(nearest.callsPerTrial / mine.callsPerTrial, 1)}x` });
        }
    }
    return goals;
}

/**
 * Runs the push bench.
 *
 * @example
 * const push = await runPushBench(20261129);
 */
export async function runPushBench(seed: number): Promise<PushBenchResults> {
    const list = pushWorkloads(seed);
    const sim: SimFigures[] = [];
    for (const w of list) {
        for (const s of [PUSH_OURS, ...PUSH_PEERS]) {
            sim.push(await simulatePush(w, s, seed));
        }
    }
    return { workloads: list.map((w) => ({ key: w.key, title: w.title, description: w.description, trials: w.trials.length })),
        sim, goals: pushGoals(list, sim) };
}

/**
 * The push section of the report.
 *
 * @example
 * table += renderPushSection(push);
 */
export function renderPushSection(r: PushBenchResults): string {
    const titles = new Map(r.workloads.map((w) => [w.key, w.title]));
    return [
        "", "### Prefetch (UrlPush) on a simulated clock", "",
        ...r.workloads.map((w) => `- ${w.title}: ${w.description}`), "",
        table(["workload", "schedule", "delay median s", "delay p95 s", "calls/trial", "throttled", "gave up", "failed",
            "to fail median / p95 s", "wrongly passed"],
            r.sim.map((f) => [titles.get(f.workload) ?? f.workload, f.label, n(f.delayMedianS), n(f.delayP95S), n(f.callsPerTrial, 1),
                f.throttled, f.gaveUp ? `${f.gaveUp}/${f.waits}` : "0", f.failed ? `${f.failed}/${f.waits}` : "0",
                f.failed ? `${n(f.failMedianS, 1)} / ${n(f.failP95S, 1)}` : "-", f.wronglyPassed ? `${f.wronglyPassed}/${f.waits}` : "0"])), "",
        table(["goal", "met", "detail"], r.goals.map((g) => [g.goal, g.met ? "yes" : "**no**", g.detail])), "",
    ].join("\n");
}
