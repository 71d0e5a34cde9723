/**
 * Runs an EdgeOne schedule on every trial of a workload, each on a fresh simulated clock (starting at SIM_EPOCH)
 * and API, and sums up as the CDN simulation does, plus the waits released before their job was done (a reader
 * that sees only part of a job's targets).
 */
import { VirtualClock } from "../../provider/base/virtualClock";
import { seededRandom } from "../sim/random";
import { SimFigures, SIM_LATENCY_MS } from "../sim/runSim";
import { SIM_EPOCH } from "../sim/simApi";
import { mean, median, percentile, sum } from "../sim/stats";
import { TeoSchedule } from "./schedules";
import { SimTeoApi } from "./simTeoApi";
import { TeoWorkload } from "./workloads";

/** {@link SimFigures} plus how many waits were released before their job was done. */
export interface TeoSimFigures extends SimFigures {
    readonly releasedEarly: number;
}

/**
 * The figures of `schedule` on `workload`.
 *
 * @example
 * const figures = await simulateTeo(teoWorkloads(1)[0], TEO_OURS, 1);
 */
export async function simulateTeo(workload: TeoWorkload, schedule: TeoSchedule, seed: number): Promise<TeoSimFigures> {
    const delays: number[] = [];
    const callsPerTrial: number[] = [];
    let throttled = 0;
    let waits = 0;
    let gaveUp = 0;
    let early = 0;
    for (const [i, jobs] of workload.trials.entries()) {
        const clock = new VirtualClock(SIM_EPOCH);
        const api = new SimTeoApi(clock, jobs, { latencyMs: SIM_LATENCY_MS, historyMs: workload.historyMs });
        const outcomes = await clock.run(schedule.run(api, clock, jobs, seededRandom(seed * 7919 + i)));
        const doneAt = new Map(jobs.map((j) => [j.jobId, j.doneAt]));
        for (const o of outcomes) {
            waits += 1;
            if (o.releasedAt === undefined) {
                gaveUp += 1;
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
        workload: workload.key, schedule: schedule.key, label: schedule.label, waits, released: delays.length, gaveUp,
        delayMedianS: median(delays) / 1000, delayP95S: percentile(delays, 95) / 1000,
        callsPerWait: sum(callsPerTrial) / waits, callsPerTrial: mean(callsPerTrial), throttled,
        trials: workload.trials.length, releasedEarly: early,
    };
}
