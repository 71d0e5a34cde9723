/**
 * Runs an EdgeOne schedule on every trial of a workload, each on the core's virtual-clock driver with a fresh
 * simulated EdgeOne API (the clock starts at SIM_EPOCH), and sums up as the CDN simulation does, plus the waits
 * released before their job was done (a reader that sees only part of a job's targets).
 */
import { runTrials, SimFigures, SIM_EPOCH, SIM_LATENCY_MS } from "../sim/driver";
import { TeoSchedule } from "./schedules";
import { SimJob, SimTeoApi } from "./simTeoApi";
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
    const { figures, releasedEarly } = await runTrials<readonly SimJob[], SimTeoApi>({
        workload, schedule, seed, clockStart: SIM_EPOCH,
        api: (clock, jobs) => new SimTeoApi(clock, jobs, { latencyMs: SIM_LATENCY_MS, historyMs: workload.historyMs }),
        run: (api, clock, jobs, random) => schedule.run(api, clock, jobs, random),
        doneAt: (jobs) => new Map(jobs.map((j) => [j.jobId, j.doneAt])),
    });
    return { ...figures, releasedEarly };
}
