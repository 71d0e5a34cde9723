/**
 * The EdgeOne part of `npm run bench`: the four EdgeOne workloads simulated for ours and the peers, reading a
 * 2,500-target job on the emulator, and the goals (the core's on simulated workloads, plus: a single job within 2x of the bound for
 * its median release, every job read whole).
 */
import { edgeOneClientFor } from "../../provider/edgeone/clients";
import { REQUESTS_PER_SECOND } from "../../provider/client/actionLimiters";
import { realSleep } from "../../provider/base/clock";
import { readJobTasks } from "../../provider/edgeone/paging";
import { EMULATOR_CREDENTIALS, startEmulator } from "../../emulator";
import { Goal, simGoals } from "../goals";
import { singleTaskBound } from "../sim/oracle";
import { simulateTeo, TeoSimFigures } from "./runTeoSim";
import { TEO_OURS, TEO_OURS_PREFETCH, TEO_PEERS, TEO_PREFETCH_PEERS } from "./schedules";
import { SIM_ZONE } from "./simTeoApi";
import { teoWorkloads, TeoWorkload } from "./workloads";

/** Reading one job of many targets on the emulator. */
export interface TeoPagingFigures {
    readonly targets: number;
    readonly pages: number;
    readonly seconds: number;
    readonly boundSeconds: number;
    readonly ratioToBound: number;
    readonly calls: number;
    readonly throttled: number;
}

/** What the EdgeOne bench measured. */
export interface TeoBenchResults {
    readonly workloads: readonly { key: string; title: string; description: string; trials: number }[];
    readonly sim: readonly TeoSimFigures[];
    readonly singleJobBound: { readonly calls: number; readonly ourCalls: number; readonly ourMedianS: number };
    readonly paging: TeoPagingFigures;
    readonly goals: readonly Goal[];
}

const f2 = (n: number) => n.toFixed(2);

/** Reads a job of `targets` targets through the package's client, against an in-process emulator. */
async function benchJobRead(targets: number): Promise<TeoPagingFigures> {
    const emu = await startEmulator({ completeAfterMs: 0, teoQuota: { purge_url: { batch: targets, daily: targets * 2 } } });
    try {
        const jobId = emu.teoStore.submit({ zoneId: SIM_ZONE, type: "purge_url", method: "invalidate",
            targets: Array.from({ length: targets }, (_, i) => `https://www.example.com/${i}.png`) });
        const client = edgeOneClientFor({ ...EMULATOR_CREDENTIALS, teoEndpoint: emu.url }, undefined, {});
        await client.describeContentQuota(SIM_ZONE); // loads the SDK, so the timing is of the reads alone
        await realSleep(1100); // the client's and the emulator's rate windows start empty
        emu.stats.reset();
        const started = process.hrtime.bigint();
        const tasks = await readJobTasks(client, SIM_ZONE, jobId);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (tasks.length !== targets) {
            throw new Error(`read ${tasks.length} of ${targets} targets`);
        }
        const stats = emu.stats.snapshot();
        const pages = Math.ceil(targets / 1000);
        const boundSeconds = pages / REQUESTS_PER_SECOND;
        return { targets, pages, seconds, boundSeconds, ratioToBound: seconds / boundSeconds,
            calls: stats.requests.DescribePurgeTasks ?? 0, throttled: stats.throttled };
    } finally {
        await emu.close();
    }
}

function teoGoals(list: readonly TeoWorkload[], sim: readonly TeoSimFigures[], bound: TeoBenchResults["singleJobBound"],
    paging: TeoPagingFigures): Goal[] {
    // A peer that releases before the job is done is wrong, not fast: it is left out of the comparisons. So is one
    // that gives up on a prefetch still running (its figures cover only the short ones), which the goal below counts.
    const prefetches = new Set(list.filter((w) => w.prefetch).map((w) => w.key));
    const correct = sim.filter((f) => (f.releasedEarly === 0 && (!prefetches.has(f.workload) || f.gaveUp === 0)) || f.schedule === TEO_OURS.key);
    const goals = simGoals(correct, { boundAtOurMedian: new Map([["teo-one", { calls: bound.calls, kind: "distribution-only" }]]) })
        .map((g) => ({ ...g, id: `edgeone:${g.id}` }));
    goals.push({ id: "edgeone:single-bound", goal: "teo-one: calls within 2x of the bound for our median release",
        met: bound.ourCalls <= 2 * bound.calls,
        detail: `ours ${f2(bound.ourCalls)} calls at median ${f2(bound.ourMedianS)} s; distribution-only bound ${f2(bound.calls)} (${f2(bound.ourCalls / bound.calls)}x)` });
    for (const w of list) {
        const mine = sim.find((f) => f.workload === w.key && f.schedule === TEO_OURS.key)!;
        goals.push({ id: `edgeone:whole:${w.key}`, goal: `${w.key}: no wait of ours released before every target succeeded`,
            met: mine.releasedEarly === 0 && mine.gaveUp === 0, detail: `${mine.releasedEarly} early, ${mine.gaveUp} gave up` });
    }
    for (const key of prefetches) {
        const rows = sim.filter((f) => f.workload === key);
        const mine = rows.find((f) => f.schedule === TEO_OURS.key)!;
        const peers = rows.filter((f) => f.schedule !== TEO_OURS.key);
        goals.push({ id: `edgeone:gave-up:${key}`, goal: `${key}: every prefetch of ours released within its default deadline, where each peer gives up on some`,
            met: mine.gaveUp === 0 && peers.every((p) => p.gaveUp > 0),
            detail: [`ours ${mine.gaveUp}/${mine.waits}`, ...peers.map((p) => `${p.label} ${p.gaveUp}/${p.waits}`)].join(", ") + " gave up" });
    }
    goals.push({ id: "edgeone:paging:2500", goal: "reading a 2,500-target job: within 1.1x of the 20/s bound, no throttled call",
        met: paging.ratioToBound <= 1.1 && paging.throttled === 0,
        detail: `${f2(paging.seconds)} s for ${paging.calls} calls vs bound ${f2(paging.boundSeconds)} s (${f2(paging.ratioToBound)}x), ${paging.throttled} throttled` });
    return goals;
}

/**
 * Runs the EdgeOne bench.
 *
 * @example
 * const teo = await runTeoBench(20261129);
 */
export async function runTeoBench(seed: number): Promise<TeoBenchResults> {
    const list = teoWorkloads(seed);
    const sim: TeoSimFigures[] = [];
    for (const w of list) {
        for (const s of w.prefetch ? [TEO_OURS_PREFETCH, ...TEO_PREFETCH_PEERS] : [TEO_OURS, ...TEO_PEERS]) {
            sim.push(await simulateTeo(w, s, seed));
        }
    }
    const one = list.find((w) => w.key === "teo-one")!;
    const ours = sim.find((f) => f.workload === one.key && f.schedule === TEO_OURS.key)!;
    const singleJobBound = { calls: singleTaskBound(one.trials.map((t) => t[0].doneAt - t[0].submitAt), ours.delayMedianS * 1000),
        ourCalls: ours.callsPerTrial, ourMedianS: ours.delayMedianS };
    const paging = await benchJobRead(2500);
    return {
        workloads: list.map((w) => ({ key: w.key, title: w.title, description: w.description, trials: w.trials.length })),
        sim, singleJobBound, paging, goals: teoGoals(list, sim, singleJobBound, paging),
    };
}

/**
 * The EdgeOne section of the report.
 *
 * @example
 * table += renderTeoSection(teo);
 */
export function renderTeoSection(r: TeoBenchResults): string {
    const titles = new Map(r.workloads.map((w) => [w.key, w.title]));
    const head = ["workload", "schedule", "delay median s", "delay p95 s", "calls/trial", "throttled", "released early", "gave up"];
    const rows = r.sim.map((f) => [titles.get(f.workload) ?? f.workload, f.label, f2(f.delayMedianS), f2(f.delayP95S),
        f.callsPerTrial.toFixed(1), String(f.throttled), String(f.releasedEarly), f.gaveUp ? `${f.gaveUp}/${f.waits}` : "0"]);
    const table = (h: string[], body: string[][]) =>
        [`| ${h.join(" | ")} |`, `|${h.map(() => "---").join("|")}|`, ...body.map((b) => `| ${b.join(" | ")} |`)].join("\n");
    return [
        "", "## EdgeOne", "",
        ...r.workloads.map((w) => `- ${w.title}: ${w.description}`), "",
        table(head, rows), "",
        `Reading one job of ${r.paging.targets} targets on the emulator: ${r.paging.calls} calls in ${f2(r.paging.seconds)} s ` +
            `(bound ${f2(r.paging.boundSeconds)} s at 20/s).`, "",
        table(["goal", "met", "detail"], r.goals.map((g) => [g.goal, g.met ? "yes" : "**no**", g.detail])), "",
    ].join("\n");
}
