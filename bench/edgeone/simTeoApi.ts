/**
 * A simulated EdgeOne DescribePurgeTasks on a {@link VirtualClock}: jobs of many targets (a job's targets finish
 * spread over its last seconds), answers by `job-id` filter or by time range, with Offset/Limit (default 20, as
 * the API), a `statuses` filter, UpdateTime for finished tasks, and the API's 20 accepted calls in any second.
 * The zone also holds a history of finished purges, whose UpdateTime - CreateTime is what ours times checks by.
 */
import { SlidingWindowLimit } from "../../emulator/slidingWindow";
import { formatIsoApiTime } from "../../provider/base/isoTime";
import { EdgeOneApi, EdgeOnePurgeTask, EdgeOneTaskPage, EdgeOneTaskQuery } from "../../provider/edgeone/types";
import { VirtualClock } from "../../provider/base/virtualClock";
import { SIM_EPOCH } from "../sim/driver";
import { SimThrottled } from "../sim/simThrottled";

/** One job of a trial, times in ms from the trial's start. */
export interface SimJob {
    readonly jobId: string;
    readonly submitAt: number;
    /** When its last target succeeds. */
    readonly doneAt: number;
    readonly targets: number;
    /** Targets finish evenly over this span before `doneAt` (the first listed finishes first). Default 0. */
    readonly spreadMs?: number;
    readonly waitAt?: number;
    readonly elsewhere?: boolean;
}

/** The zone the simulation purges in. */
export const SIM_ZONE = "zone-2noz78a8ev6k";

const iso = (atMs: number) => formatIsoApiTime(new Date(SIM_EPOCH + atMs));

/**
 * The fake EdgeOne API of one trial.
 *
 * @example
 * const api = new SimTeoApi(clock, jobs, { latencyMs: 50, historyMs: [60_000, 90_000] });
 */
export class SimTeoApi implements EdgeOneApi {
    calls = 0;
    throttled = 0;
    private readonly limit: SlidingWindowLimit;
    private readonly jobs: readonly SimJob[];

    constructor(private readonly clock: VirtualClock, jobs: readonly SimJob[],
        private readonly options: { readonly latencyMs: number; readonly historyMs?: readonly number[] }) {
        // The zone's earlier purges: one target each, finished an hour before the trial, newest first.
        const history = (options.historyMs ?? []).map((d, i) => ({ jobId: `past${i}`, submitAt: -3_600_000 - i * 60_000 - d,
            doneAt: -3_600_000 - i * 60_000, targets: 1 }));
        this.jobs = [...jobs, ...history].sort((a, b) => b.submitAt - a.submitAt);
        this.limit = new SlidingWindowLimit(20, () => clock.now());
    }

    async describePurgeTasks(query: EdgeOneTaskQuery): Promise<EdgeOneTaskPage> {
        // The clock runs in epoch time from SIM_EPOCH (the poller and the reader write real API times); jobs in trial time.
        const at = this.clock.now() - SIM_EPOCH;
        this.calls += 1;
        const page = this.limit.tryAcquire("DescribePurgeTasks") ? this.answer(query, at) : undefined;
        await this.clock.sleep(this.options.latencyMs);
        if (!page) {
            this.throttled += 1;
            throw new SimThrottled("RequestLimitExceeded", "RequestLimitExceeded: request limit exceeded");
        }
        return page;
    }

    createPurgeTask(): never { throw new Error("not simulated"); }
    describeContentQuota(): never { throw new Error("not simulated"); }

    private answer(query: EdgeOneTaskQuery, at: number): EdgeOneTaskPage {
        const filter = (name: string) => query.filters?.find((f) => f.name === name)?.values;
        const jobId = filter("job-id")?.[0];
        const statuses = filter("statuses");
        const start = query.startTime === undefined ? undefined : Date.parse(query.startTime) - SIM_EPOCH;
        const end = query.endTime === undefined ? undefined : Date.parse(query.endTime) - SIM_EPOCH;
        const tasks: EdgeOnePurgeTask[] = [];
        for (const job of this.jobs) {
            const created = Math.floor(job.submitAt / 1000) * 1000;
            if (job.submitAt > at || (jobId !== undefined && job.jobId !== jobId) ||
                (start !== undefined && created < start) || (end !== undefined && created > end)) {
                continue;
            }
            for (let i = 0; i < job.targets; i++) {
                const spread = job.spreadMs ?? 0;
                const finishAt = job.doneAt - spread + (job.targets > 1 ? (spread * i) / (job.targets - 1) : spread);
                const status = at >= finishAt ? "success" : "processing";
                if (statuses && !statuses.includes(status)) {
                    continue;
                }
                tasks.push({ jobId: job.jobId, target: `https://www.example.com/${job.jobId}/${i}`, type: "purge_url",
                    method: "invalidate", status, createTime: iso(job.submitAt), updateTime: status === "success" ? iso(finishAt) : null,
                    failType: null, failMessage: null });
            }
        }
        const offset = query.offset ?? 0;
        return { tasks: tasks.slice(offset, offset + (query.limit ?? 20)), totalCount: tasks.length, requestId: `sim-${this.calls}` };
    }
}
