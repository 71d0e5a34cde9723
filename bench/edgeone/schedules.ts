/**
 * The EdgeOne wait schedules compared, on the same {@link SimTeoApi} and simulated clock.
 *
 * Peers, re-implemented from their published behaviour, one loop per job:
 * - Terraform `tencentcloud_teo_purge_task`: after CreatePurgeTask, DescribePurgeTasks with a `job-id` filter and no
 *   Limit (so it sees the first 20 targets of a job), polled as Terraform's CDN purge polls (at once, then 0.5 s
 *   doubling to 10 s, no jitter); create gives up after 10 minutes.
 * - tccli `--waiter`: at once, then every 5 s, reading the job (every page).
 * - an AWS-style waiter: at once, then U[2 s, min(120 s, 2 s*2^(k-1))], reading the job (every page).
 *
 * The clock runs in epoch time from SIM_EPOCH (EdgeOne's reads carry real times); outcomes are in trial time.
 *
 * Ours is the provider host's path: one {@link CoalescingPoller} per zone with EdgeOne's reader, a wait per job
 * through `waitOnPoller`, and a purge's first check timed by the zone's recent durations (`recentDurationMs`).
 */
import { readAllEdgeOnePages } from "../../provider/edgeone/paging";
import { EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS, newEdgeOnePoller } from "../../provider/edgeone/poller";
import { EDGEONE_RECORDS } from "../../provider/edgeone/records";
import { PREFETCH_EARLY_QUANTILE, recentDurationMs } from "../../provider/edgeone/recentDurations";
import { formatIsoApiTime } from "../../provider/base/isoTime";
import { waitOnPoller } from "../../provider/wait/pollerWaits";
import { VirtualClock } from "../../provider/base/virtualClock";
import { SIM_EPOCH, WaitOutcome } from "../sim/driver";
import { awsDelay, USER_DEADLINE_MS } from "../sim/peerDelays";
import { SimJob, SimTeoApi, SIM_ZONE } from "./simTeoApi";
import { EDGEONE_PREFETCH_TIMEOUT_SECONDS } from "../../provider/edgeone/prefetchDescription";

/** An EdgeOne schedule runs every job of a trial and reports how each wait ended. */
export interface TeoSchedule {
    readonly key: string;
    readonly label: string;
    readonly description: string;
    run(api: SimTeoApi, clock: VirtualClock, jobs: readonly SimJob[], random: () => number): Promise<WaitOutcome[]>;
}

/** True when the job's tasks, as this peer reads them, all succeeded. `firstPageOnly`: no Limit, 20 targets. */
async function looksDone(api: SimTeoApi, jobId: string, firstPageOnly: boolean): Promise<boolean> {
    try {
        const query = { zoneId: SIM_ZONE, filters: [{ name: "job-id" as const, values: [jobId] }] };
        const tasks = firstPageOnly ? (await api.describePurgeTasks(query)).tasks : (await readAllEdgeOnePages(api, query)).tasks;
        return tasks.length > 0 && tasks.every((t) => t.status === "success");
    } catch {
        return false; // throttled: no news, keep to the schedule
    }
}

function perJob(key: string, label: string, description: string, firstPageOnly: boolean,
    delayAfter: (check: number, random: () => number) => number, deadlineMs: number): TeoSchedule {
    return {
        key, label, description,
        run: (api, clock, jobs, random) => Promise.all(jobs.map(async (job): Promise<WaitOutcome> => {
            await clock.sleep(job.waitAt ?? job.submitAt);
            const deadline = clock.now() + deadlineMs;
            for (let check = 1; ; check++) {
                if (await looksDone(api, job.jobId, firstPageOnly)) {
                    return { taskId: job.jobId, releasedAt: clock.now() - SIM_EPOCH, calls: check };
                }
                const delay = delayAfter(check, random);
                if (clock.now() + delay > deadline) {
                    return { taskId: job.jobId, calls: check };
                }
                await clock.sleep(delay);
            }
        })),
    };
}

/** The EdgeOne peers. */
export const TEO_PEERS: readonly TeoSchedule[] = [
    perJob("terraform-teo", "Terraform teo_purge_task", "per job; job-id filter, no Limit (first 20 targets); at once, then 0.5 s doubling to 10 s; gives up at 10 min",
        true, (k) => Math.min(10_000, 500 * 2 ** (k - 1)), 10 * 60_000),
    perJob("tccli-teo", "tccli --waiter", "per job; every page; at once, then every 5 s; timeout 1200 s", false, () => 5000, USER_DEADLINE_MS),
    perJob("aws2-teo", "AWS-style waiter 2/120", "per job; every page; at once, then U[2 s, min(120 s, 2 s*2^(k-1))]", false,
        (k, r) => awsDelay(k, 2000, 120_000, r), USER_DEADLINE_MS),
];

/**
 * The peers of a prefetch (the same per-job loops, on the prefetch listing):
 * - Terraform `tencentcloud_teo_prefetch_task_operation`: a `job-id` filter with Limit 1000 (the whole job), polled
 *   as Terraform polls (at once, then 0.5 s doubling to 10 s); gives up after 10 minutes.
 * - tccli `--waiter` and an AWS-style waiter, as for purges, within the 20 minutes a user would give them.
 */
export const TEO_PREFETCH_PEERS: readonly TeoSchedule[] = [
    perJob("terraform-teo-prefetch", "Terraform teo_prefetch_task_operation", "per job; job-id filter, Limit 1000; at once, then 0.5 s doubling to 10 s; gives up at 10 min",
        false, (k) => Math.min(10_000, 500 * 2 ** (k - 1)), 10 * 60_000),
    perJob("tccli-teo", "tccli --waiter", "per job; every page; at once, then every 5 s; timeout 1200 s", false, () => 5000, USER_DEADLINE_MS),
    perJob("aws2-teo", "AWS-style waiter 2/120", "per job; every page; at once, then U[2 s, min(120 s, 2 s*2^(k-1))]", false,
        (k, r) => awsDelay(k, 2000, 120_000, r), USER_DEADLINE_MS),
];

/** Ours: one poller for the zone, every wait through it; a purge's first check once 25% of the zone's recent purges would have finished. */
export const TEO_OURS: TeoSchedule = oursWithin(USER_DEADLINE_MS);

/**
 * Ours for a prefetch: the same path with the prefetch's own default deadline (its description's `timeoutSeconds`),
 * its poller's cap for one job and its first check's quantile.
 */
export const TEO_OURS_PREFETCH: TeoSchedule = oursWithin(EDGEONE_PREFETCH_TIMEOUT_SECONDS * 1000, EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS,
    PREFETCH_EARLY_QUANTILE);

/** Ours with a deadline, the poller's cap for one job, and the quantile of recent durations its first check waits for. */
function oursWithin(timeoutMs: number, singleJobMaxDelayMs?: number, quantile?: number): TeoSchedule {
    return {
        key: "ours", label: "ours (shared poller, recent durations)",
        description: "one CoalescingPoller per zone with EdgeOne's reader; waitForTasks per job; a purge's first check (while it is the only job watched) at submission + the 25th percentile of the zone's recent UpdateTime - CreateTime",
        run: async (api, clock, jobs, random) => {
            const poller = newEdgeOnePoller(api, SIM_ZONE, clock, clock.sleep, random, undefined, singleJobMaxDelayMs);
            return Promise.all(jobs.map(async (job): Promise<WaitOutcome> => {
                await clock.sleep(job.waitAt ?? job.submitAt);
                const own = !job.elsewhere;
                const typical = own ? await recentDurationMs(api, SIM_ZONE, clock.now(), undefined, quantile) : undefined;
                const result = await waitOnPoller(poller, {
                    taskIds: [job.jobId], records: EDGEONE_RECORDS, clock, sleep: clock.sleep, timeoutMs,
                    notVisibleGraceMs: 60_000, expectedRecords: job.targets,
                    since: own ? formatIsoApiTime(new Date(SIM_EPOCH + job.submitAt - 5 * 60_000)) : undefined,
                    notBefore: typical === undefined ? undefined : SIM_EPOCH + job.submitAt + typical,
                });
                return { taskId: job.jobId, releasedAt: result.state === "done" ? clock.now() - SIM_EPOCH : undefined };
            }));
        },
    };
}
