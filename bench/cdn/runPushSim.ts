/**
 * Runs a push schedule on every trial of a push workload, each on the core's virtual-clock driver with a fresh
 * simulated push API (the clock starts at SIM_EPOCH).
 */
import { runTrials, SimFigures, SIM_EPOCH, SIM_LATENCY_MS } from "../sim/driver";
import { PushSchedule } from "./pushSchedules";
import { SimPush, SimPushApi } from "./simPushApi";
import { PushWorkload } from "./pushWorkloads";

/**
 * The figures of `schedule` on `workload`.
 *
 * @example
 * const figures = await simulatePush(pushWorkloads(1)[0], PUSH_OURS, 1);
 */
export async function simulatePush(workload: PushWorkload, schedule: PushSchedule, seed: number): Promise<SimFigures> {
    const { figures } = await runTrials<readonly SimPush[], SimPushApi>({
        workload, schedule, seed, clockStart: SIM_EPOCH,
        api: (clock, pushes) => new SimPushApi(clock, pushes, { latencyMs: SIM_LATENCY_MS, historyMs: workload.historyMs }),
        run: (api, clock, pushes, random) => schedule.run(api, clock, pushes, random),
        doneAt: (pushes) => new Map(pushes.map((p) => [p.taskId, p.doneAt])),
        mustFail: (pushes) => new Set(pushes.filter((p) => (p.invalidUrls ?? 0) > 0).map((p) => p.taskId)),
        submittedAt: (pushes) => new Map(pushes.map((p) => [p.taskId, p.submitAt])),
    });
    return figures;
}
