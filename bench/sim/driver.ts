/**
 * The virtual-clock driver every product's simulation runs on: each trial of a workload on a fresh
 * {@link VirtualClock} and a fresh simulated API, one schedule waiting on the trial's purges, and the figures
 * summed up over the trials (release delay from done to the wait returning, calls, throttled calls, waits that gave
 * up). A product gives its API, its schedule's run and when each of its purges turned done.
 */
import { VirtualClock } from "../../provider/base/virtualClock";
import { seededRandom } from "./random";
import { mean, median, percentile, sum } from "./stats";

/** Trials start at this instant (any fixed time works; API times need a real date). */
export const SIM_EPOCH = Date.UTC(2026, 10, 29, 2, 0, 0);

/** Latency of every simulated call (arrival to answer). */
export const SIM_LATENCY_MS = 50;

/** How one wait ended, in trial time. */
export interface WaitOutcome {
    /** The purge waited on (a task id, a job id). */
    readonly taskId: string;
    /** When the wait returned `done`, or undefined when it gave up first (or failed). */
    readonly releasedAt?: number;
    /** The wait ended on a failure of its job (a URL the origin lacks), neither released nor given up. */
    readonly failed?: boolean;
    /** When a failed wait ended, in trial time. */
    readonly failedAt?: number;
    /** API calls this wait made itself (per-task schedules only). */
    readonly calls?: number;
}

/** The figures of one schedule on one workload. */
export interface SimFigures {
    readonly workload: string;
    readonly schedule: string;
    readonly label: string;
    readonly waits: number;
    readonly released: number;
    readonly gaveUp: number;
    /** Waits that ended on their job's failure: right for a job that must fail. */
    readonly failed: number;
    /** Waits released on a job that must fail (one of its URLs ended `invalid`). */
    readonly wronglyPassed: number;
    /** From submission to a failed wait's end, over the failed waits that tell when they ended, seconds (NaN: none). */
    readonly failMedianS: number;
    readonly failP95S: number;
    /** Release delay over every released wait of every trial, in seconds. */
    readonly delayMedianS: number;
    readonly delayP95S: number;
    readonly callsPerWait: number;
    /** Mean over trials of the calls one trial made in all. */
    readonly callsPerTrial: number;
    readonly throttled: number;
    readonly trials: number;
}

/** What the driver reads from a simulated API after a trial. */
export interface CountingApi {
    readonly calls: number;
    readonly throttled: number;
}

/** One product's simulation of one schedule on one workload: how to set up and run a trial. */
export interface SimRun<Trial, Api extends CountingApi> {
    readonly workload: { readonly key: string; readonly trials: readonly Trial[] };
    readonly schedule: { readonly key: string; readonly label: string };
    /** The trials' seed; trial i runs on `seededRandom(seed * 7919 + i)`. */
    readonly seed: number;
    /** Where each trial's clock starts (0 by default). */
    readonly clockStart?: number;
    api(clock: VirtualClock, trial: Trial): Api;
    run(api: Api, clock: VirtualClock, trial: Trial, random: () => number): Promise<WaitOutcome[]>;
    /** When each purge of the trial turned done, by the id its outcome carries. */
    doneAt(trial: Trial): ReadonlyMap<string, number>;
    /** The ids of the trial's jobs that must fail (none by default): a release of one is wrong, not fast. */
    mustFail?(trial: Trial): ReadonlySet<string>;
    /** When each job of the trial was submitted (trial time), to tell how soon a failed wait ended. */
    submittedAt?(trial: Trial): ReadonlyMap<string, number>;
}

/**
 * Runs every trial and sums up; `releasedEarly` counts waits released before their purge was done (a negative
 * delay), which only a wrong reader produces.
 *
 * @example
 * const { figures } = await runTrials({ workload, schedule, seed: 1, api: (clock, purges) => new FakeApi(clock, purges),
 *     run: (api, clock, purges, random) => schedule.run(api, clock, purges, random),
 *     doneAt: (purges) => new Map(purges.map((p) => [p.id, p.doneAt])) });
 */
export async function runTrials<Trial, Api extends CountingApi>(sim: SimRun<Trial, Api>):
    Promise<{ readonly figures: SimFigures; readonly releasedEarly: number }> {
    const delays: number[] = [];
    const toFail: number[] = [];
    const callsPerTrial: number[] = [];
    let throttled = 0;
    let waits = 0;
    let gaveUp = 0;
    let failed = 0;
    let wronglyPassed = 0;
    let early = 0;
    for (const [i, trial] of sim.workload.trials.entries()) {
        const clock = new VirtualClock(sim.clockStart);
        const api = sim.api(clock, trial);
        const outcomes = await clock.run(sim.run(api, clock, trial, seededRandom(sim.seed * 7919 + i)));
        const doneAt = sim.doneAt(trial);
        const mustFail = sim.mustFail?.(trial) ?? new Set<string>();
        const submittedAt = sim.submittedAt?.(trial);
        for (const o of outcomes) {
            waits += 1;
            if (o.failed) {
                failed += 1;
                const from = submittedAt?.get(o.taskId);
                if (o.failedAt !== undefined && from !== undefined) {
                    toFail.push(o.failedAt - from);
                }
            } else if (o.releasedAt === undefined) {
                gaveUp += 1;
            } else if (mustFail.has(o.taskId)) {
                wronglyPassed += 1;
            } else {
                const delay = o.releasedAt - doneAt.get(o.taskId)!;
                early += delay < 0 ? 1 : 0;
                delays.push(delay);
            }
        }
        callsPerTrial.push(api.calls);
        throttled += api.throttled;
    }
    return {
        figures: {
            workload: sim.workload.key, schedule: sim.schedule.key, label: sim.schedule.label, waits, released: delays.length,
            gaveUp, failed, wronglyPassed, failMedianS: median(toFail) / 1000, failP95S: percentile(toFail, 95) / 1000, delayMedianS: median(delays) / 1000, delayP95S: percentile(delays, 95) / 1000,
            callsPerWait: sum(callsPerTrial) / waits, callsPerTrial: mean(callsPerTrial), throttled,
            trials: sim.workload.trials.length,
        },
        releasedEarly: early,
    };
}
