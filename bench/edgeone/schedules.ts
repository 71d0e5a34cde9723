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
 * through `waitOnPoller`, a purge's first check timed by the zone's recent durations (`recentDurationMs`), a prefetch
 * paced by them (`edgeOnePrefetchPace`).
 */
import { readAllEdgeOnePages } from "../../provider/edgeone/paging";
import { EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS, newEdgeOnePoller } from "../../provider/edgeone/poller";
import { EDGEONE_RECORDS } from "../../provider/edgeone/records";
import { edgeOnePrefetchPace, recentDurationMs } from "../../provider/edgeone/recentDurations";
import { EDGEONE_PREFETCH_RECORDS } from "../../provider/edgeone/prefetchRecords";
import { EdgeOnePrefetchTask, EdgeOneTaskListing } from "../../provider/edgeone/types";
import { formatIsoApiTime } from "../../provider/base/isoTime";
import { waitOnPoller } from "../../provider/wait/pollerWaits";
import { VirtualClock } from "../../provider/base/virtualClock";
import { SIM_EPOCH, WaitOutcome } from "../sim/driver";
import { awsTiming, PeerTiming, pollEach, TCCLI_TIMING, terraformTiming, USER_DEADLINE_MS } from "../sim/peerDelays";
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
    const query = { zoneId: SIM_ZONE, filters: [{ name: "job-id" as const, values: [jobId] }] };
    const tasks = firstPageOnly ? (await api.describePurgeTasks(query)).tasks : (await readAllEdgeOnePages(api, query)).tasks;
    return tasks.length > 0 && tasks.every((t) => t.status === "success");
}

function perJob(key: string, label: string, description: string, firstPageOnly: boolean, timing: PeerTiming): TeoSchedule {
    return {
        key, label, description,
        run: (api, clock, jobs, random) => pollEach(clock, timing, random, jobs.map((job) =>
            ({ id: job.jobId, startAt: job.waitAt ?? job.submitAt, ended: () => looksDone(api, job.jobId, firstPageOnly) })), SIM_EPOCH),
    };
}

const TCCLI = perJob("tccli-teo", "tccli --waiter", "per job; every page; at once, then every 5 s; timeout 1200 s", false, TCCLI_TIMING);
const AWS2 = perJob("aws2-teo", "AWS-style waiter 2/120", "per job; every page; at once, then U[2 s, min(120 s, 2 s*2^(k-1))]", false,
    awsTiming(2000, 120_000));

/** The EdgeOne peers. */
export const TEO_PEERS: readonly TeoSchedule[] = [
    perJob("terraform-teo", "Terraform teo_purge_task", "per job; job-id filter, no Limit (first 20 targets); at once, then 0.5 s doubling to 10 s; gives up at 10 min",
        true, terraformTiming(10 * 60_000)),
    TCCLI, AWS2,
];

/**
 * The peers of a prefetch (the same per-job loops, on the prefetch listing):
 * - Terraform `tencentcloud_teo_prefetch_task_operation`: a `job-id` filter with Limit 1000 (the whole job), polled
 *   as Terraform polls (at once, then 0.5 s doubling to 10 s); gives up after 10 minutes.
 * - tccli `--waiter` and an AWS-style waiter, as for purges, within the 20 minutes a user would give them.
 */
export const TEO_PREFETCH_PEERS: readonly TeoSchedule[] = [
    perJob("terraform-teo-prefetch", "Terraform teo_prefetch_task_operation", "per job; job-id filter, Limit 1000; at once, then 0.5 s doubling to 10 s; gives up at 10 min",
        false, terraformTiming(10 * 60_000)),
    TCCLI, AWS2,
];

/** Ours: one poller for the zone, every wait through it; a purge's first check once 25% of the zone's recent purges would have finished. */
export const TEO_OURS: TeoSchedule = {
    key: "ours", label: "ours (shared poller, recent durations)",
    description: "one CoalescingPoller per zone with EdgeOne's reader; waitOnPoller per job; a purge's first check (while it is the only job watched) at submission + the 25th percentile of the zone's recent UpdateTime - CreateTime",
    run: async (api, clock, jobs, random) => {
        const poller = newEdgeOnePoller(api, SIM_ZONE, clock, clock.sleep, random);
        return Promise.all(jobs.map(async (job): Promise<WaitOutcome> => {
            await clock.sleep(job.waitAt ?? job.submitAt);
            const own = !job.elsewhere;
            const typical = own ? await recentDurationMs(api, SIM_ZONE, clock.now()) : undefined;
            const result = await waitOnPoller(poller, {
                taskIds: [job.jobId], records: EDGEONE_RECORDS, clock, sleep: clock.sleep, timeoutMs: USER_DEADLINE_MS,
                notVisibleGraceMs: 60_000, expectedRecords: job.targets, since: own ? sinceOf(job) : undefined,
                notBefore: typical === undefined ? undefined : SIM_EPOCH + job.submitAt + typical,
            });
            return { taskId: job.jobId, releasedAt: result.state === "done" ? clock.now() - SIM_EPOCH : undefined };
        }));
    },
};

/** A job's `since` as the host gives it: its submission less the allowed clock skew. */
const sinceOf = (job: SimJob) => formatIsoApiTime(new Date(SIM_EPOCH + job.submitAt - 5 * 60_000));

/**
 * Ours for a prefetch, as `edgeone.Prefetch` waits in the host: the zone's prefetch poller (its cap for one job),
 * the prefetch's default deadline, and the pace learned from the zone's recent prefetches (`edgeOnePrefetchPace`).
 */
export const TEO_OURS_PREFETCH: TeoSchedule = {
    key: "ours", label: "ours (shared poller, learned pace)",
    description: "the zone's prefetch poller; waitOnPoller per job, paced by the zone's recent prefetch durations (the next check where the " +
        "delay a job finishing since the last one would have gathered reaches the price of a call)",
    run: async (simApi, clock, jobs, random) => {
        // The simulated listing answers prefetch reads as EdgeOne's prefetch listing does (success when warm).
        const api = simApi as unknown as EdgeOneTaskListing<EdgeOnePrefetchTask>;
        const poller = newEdgeOnePoller(api, SIM_ZONE, clock, clock.sleep, random, EDGEONE_PREFETCH_RECORDS, EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS);
        return Promise.all(jobs.map(async (job): Promise<WaitOutcome> => {
            await clock.sleep(job.waitAt ?? job.submitAt);
            const own = !job.elsewhere;
            const pace = await edgeOnePrefetchPace(api, SIM_ZONE, own ? SIM_EPOCH + job.submitAt : undefined, clock.now());
            const result = await waitOnPoller(poller, {
                taskIds: [job.jobId], records: EDGEONE_PREFETCH_RECORDS, clock, sleep: clock.sleep,
                timeoutMs: EDGEONE_PREFETCH_TIMEOUT_SECONDS * 1000, notVisibleGraceMs: 60_000, expectedRecords: job.targets,
                since: own ? sinceOf(job) : undefined, pace,
            });
            return { taskId: job.jobId, releasedAt: result.state === "done" ? clock.now() - SIM_EPOCH : undefined };
        }));
    },
};
