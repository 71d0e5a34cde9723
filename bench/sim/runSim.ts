/**
 * Runs every schedule on every trial of a workload on a fresh simulated clock and API, and sums up: release
 * delay (from the task turning done to its wait returning), API calls per wait and per trial, throttled calls,
 * and waits that gave up.
 */
import { VirtualClock } from "../../provider/base/virtualClock";
import { seededRandom } from "./random";
import { Schedule } from "./schedules";
import { SimApi } from "./simApi";
import { mean, median, percentile, sum } from "./stats";
import { Workload } from "./workloads";

/** The figures of one schedule on one workload. */
export interface SimFigures {
    readonly workload: string;
    readonly schedule: string;
    readonly label: string;
    readonly waits: number;
    readonly released: number;
    readonly gaveUp: number;
    /** Release delay over every released wait of every trial, in seconds. */
    readonly delayMedianS: number;
    readonly delayP95S: number;
    readonly callsPerWait: number;
    /** Mean over trials of the calls one trial made in all. */
    readonly callsPerTrial: number;
    readonly throttled: number;
    /** Mean over trials of the most calls accepted in any 1 s window. */
    readonly trials: number;
}

/** Latency of every simulated call (arrival to answer). */
export const SIM_LATENCY_MS = 50;

/**
 * The figures of `schedule` on `workload`, with the trial's seed derived from `seed`.
 *
 * @example
 * const figures = await simulate(workloads(1)[0], PEERS[1], 1);
 */
export async function simulate(workload: Workload, schedule: Schedule, seed: number): Promise<SimFigures> {
    const delays: number[] = [];
    const callsPerTrial: number[] = [];
    let throttled = 0;
    let waits = 0;
    let gaveUp = 0;
    for (const [i, tasks] of workload.trials.entries()) {
        const clock = new VirtualClock();
        const api = new SimApi(clock, tasks, { latencyMs: SIM_LATENCY_MS, olderRecords: workload.olderRecords,
            newerRecords: workload.newerRecords });
        const outcomes = await clock.run(schedule.run(api, clock, tasks, seededRandom(seed * 7919 + i)));
        const doneAt = new Map(tasks.map((t) => [t.taskId, t.doneAt]));
        for (const o of outcomes) {
            waits += 1;
            if (o.releasedAt === undefined) {
                gaveUp += 1;
            } else {
                delays.push(o.releasedAt - doneAt.get(o.taskId)!);
            }
        }
        callsPerTrial.push(api.calls);
        throttled += api.throttled;
    }
    return {
        workload: workload.key, schedule: schedule.key, label: schedule.label, waits, released: delays.length, gaveUp,
        delayMedianS: median(delays) / 1000, delayP95S: percentile(delays, 95) / 1000,
        callsPerWait: sum(callsPerTrial) / waits, callsPerTrial: mean(callsPerTrial), throttled,
        trials: workload.trials.length,
    };
}
