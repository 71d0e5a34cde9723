/**
 * Runs a CDN schedule on every trial of a workload, each on the core's virtual-clock driver with a fresh
 * simulated DescribePurgeTasks (the clock starts at 0, trial time).
 */
import { runTrials, SimFigures, SIM_LATENCY_MS } from "../sim/driver";
import { Schedule } from "./schedules";
import { SimApi } from "./simApi";
import { SimTask, Workload } from "./workloads";

/**
 * The figures of `schedule` on `workload`, with the trial's seed derived from `seed`.
 *
 * @example
 * const figures = await simulate(workloads(1)[0], PEERS[1], 1);
 */
export async function simulate(workload: Workload, schedule: Schedule, seed: number): Promise<SimFigures> {
    const { figures } = await runTrials<readonly SimTask[], SimApi>({
        workload, schedule, seed,
        api: (clock, tasks) => new SimApi(clock, tasks, { latencyMs: SIM_LATENCY_MS, olderRecords: workload.olderRecords,
            newerRecords: workload.newerRecords }),
        run: (api, clock, tasks, random) => schedule.run(api, clock, tasks, random),
        doneAt: (tasks) => new Map(tasks.map((t) => [t.taskId, t.doneAt])),
    });
    return figures;
}
