/**
 * A simulated DescribePurgeTasks on a {@link VirtualClock}: it knows when each task turns done, answers by task
 * id or by time range with paging, counts calls, and throttles like the real API (20 accepted calls in any
 * 1-second window; a throttled call counts but is not accepted). Optionally the account also holds older records
 * of other purges, as a busy account does.
 */
import { formatApiTime } from "../../provider/base/time";
import { DescribePurgeTasksQuery, PurgeApi, PurgeTask, PurgeTaskPage } from "../../provider/cdn/types";
import { SlidingWindowLimit } from "../../emulator/slidingWindow";
import { VirtualClock } from "../../provider/base/virtualClock";
import { SIM_EPOCH } from "../sim/driver";
import { SimThrottled } from "../sim/simThrottled";
import { SimTask } from "./workloads";

/**
 * The fake API of one trial.
 *
 * @example
 * const api = new SimApi(clock, tasks, { latencyMs: 50 });
 * await api.describePurgeTasks({ taskId: tasks[0].taskId });
 */
export class SimApi implements PurgeApi {
    calls = 0;
    throttled = 0;
    private readonly limit: SlidingWindowLimit;
    private readonly byNewest: readonly SimTask[];
    private readonly createTimes = new Map<string, string>();

    constructor(private readonly clock: VirtualClock, tasks: readonly SimTask[],
        private readonly options: { latencyMs: number; perSecond?: number; olderRecords?: number; newerRecords?: number } =
        { latencyMs: 50 }) {
        // Other purges of the account, finished: older ones one a second before the oldest task of the trial, newer
        // ones spread from a second after the newest task of the trial to a second before the trial starts.
        const oldest = Math.min(0, ...tasks.map((t) => t.submitAt));
        const older = Array.from({ length: options.olderRecords ?? 0 }, (_, i) =>
            ({ taskId: `other${i}`, submitAt: oldest - 60_000 - i * 1000, doneAt: oldest - 60_000 - i * 1000 }));
        const newest = Math.max(...tasks.map((t) => t.submitAt));
        const count = options.newerRecords ?? 0;
        const newer = Array.from({ length: count }, (_, i) => {
            const at = Math.round(newest + 1000 + (i / count) * (-1000 - newest - 1000));
            return { taskId: `newer${i}`, submitAt: at, doneAt: at };
        });
        tasks = [...tasks, ...older, ...newer];
        this.byNewest = [...tasks].sort((a, b) => b.submitAt - a.submitAt || (a.taskId < b.taskId ? 1 : -1));
        tasks.forEach((t) => this.createTimes.set(t.taskId, SimApi.apiTime(t.submitAt)));
        this.limit = new SlidingWindowLimit(options.perSecond ?? 20, () => clock.now());
    }

    /** The API time of an instant of the trial. */
    static apiTime(atMs: number): string {
        return formatApiTime(new Date(SIM_EPOCH + atMs));
    }

    async describePurgeTasks(query: DescribePurgeTasksQuery): Promise<PurgeTaskPage> {
        const at = this.clock.now();
        this.calls += 1;
        const throttled = !this.limit.tryAcquire("DescribePurgeTasks");
        // The answer reflects the moment the call arrived; it comes back one latency later.
        const page = throttled ? undefined : this.answer(query, at);
        await this.clock.sleep(this.options.latencyMs);
        if (!page) {
            this.throttled += 1;
            throw new SimThrottled("UnauthorizedOperation.OperationTooOften", "UnauthorizedOperation.OperationTooOften: request limit exceeded");
        }
        return page;
    }

    private answer(query: DescribePurgeTasksQuery, at: number): PurgeTaskPage {
        const matching = this.byNewest.filter((t) => t.submitAt <= at &&
            (query.taskId === undefined || t.taskId === query.taskId) &&
            (query.startTime === undefined || this.createTimes.get(t.taskId)! >= query.startTime) &&
            (query.endTime === undefined || this.createTimes.get(t.taskId)! <= query.endTime));
        const offset = query.offset ?? 0;
        const records: PurgeTask[] = matching.slice(offset, offset + (query.limit ?? 20)).map((t) => ({
            taskId: t.taskId, url: `https://www.example.com/${t.taskId}`, status: at >= t.doneAt ? "done" : "process",
            purgeType: "url", flushType: "flush", createTime: this.createTimes.get(t.taskId)!,
        }));
        return { purgeLogs: records, totalCount: matching.length, requestId: `sim-${this.calls}` };
    }

    purgeUrlsCache(): never { throw new Error("not simulated"); }
    purgePathCache(): never { throw new Error("not simulated"); }
    describePurgeQuota(): never { throw new Error("not simulated"); }
}
