/**
 * A simulated DescribePushTasks on a {@link VirtualClock}: pushes of many URLs (a push's URLs end spread over its
 * last seconds; a URL the origin lacks ends `invalid`), answered by task id or by time range, newest first, with
 * Offset/Limit (20 by default, as the API), a status filter, UpdateTime, and the API's 20 accepted calls in any
 * second. The account also holds a history of finished pushes, whose UpdateTime - CreateTime is what ours paces
 * its checks by. The clock runs in epoch time from SIM_EPOCH; pushes are in trial time.
 */
import { SlidingWindowLimit } from "../../emulator/slidingWindow";
import { formatApiTime } from "../../provider/base/time";
import { DescribePushTasksQuery, PushApi, PushTask, PushTaskPage } from "../../provider/cdn/pushTypes";
import { VirtualClock } from "../../provider/base/virtualClock";
import { SIM_EPOCH } from "../sim/driver";
import { SimThrottled } from "../sim/simThrottled";

/** One push of a trial, times in ms from the trial's start. */
export interface SimPush {
    readonly taskId: string;
    readonly submitAt: number;
    /** When its last URL ends. */
    readonly doneAt: number;
    readonly urls: number;
    /** Its URLs end evenly over this span before `doneAt`. Default 0. */
    readonly spreadMs?: number;
    /** How many of its URLs (the first listed) the origin lacks: they end `invalid`, the push must fail. */
    readonly invalidUrls?: number;
    /** When its `invalid` URLs end, ms after submission (the origin answers 4xx at once); with the others by default. */
    readonly invalidAfterMs?: number;
}

const apiTime = (atMs: number) => formatApiTime(new Date(SIM_EPOCH + atMs));

/**
 * The fake push API of one trial.
 *
 * @example
 * const api = new SimPushApi(clock, pushes, { latencyMs: 50, historyMs: [600_000, 900_000] });
 */
export class SimPushApi implements PushApi {
    calls = 0;
    throttled = 0;
    private readonly limit: SlidingWindowLimit;
    private readonly pushes: readonly SimPush[];

    constructor(private readonly clock: VirtualClock, pushes: readonly SimPush[],
        private readonly options: { readonly latencyMs: number; readonly historyMs?: readonly number[] }) {
        // The account's earlier pushes: one URL each, finished an hour before the trial, newest first.
        const history = (options.historyMs ?? []).map((d, i) => ({ taskId: `past${i}`, submitAt: -3_600_000 - i * 60_000 - d,
            doneAt: -3_600_000 - i * 60_000, urls: 1 }));
        this.pushes = [...pushes, ...history].sort((a, b) => b.submitAt - a.submitAt);
        this.limit = new SlidingWindowLimit(20, () => clock.now());
    }

    async describePushTasks(query: DescribePushTasksQuery): Promise<PushTaskPage> {
        const at = this.clock.now() - SIM_EPOCH;
        this.calls += 1;
        const page = this.limit.tryAcquire("DescribePushTasks") ? this.answer(query, at) : undefined;
        await this.clock.sleep(this.options.latencyMs);
        if (!page) {
            this.throttled += 1;
            throw new SimThrottled("RequestLimitExceeded", "RequestLimitExceeded: request limit exceeded");
        }
        return page;
    }

    pushUrlsCache(): never { throw new Error("not simulated"); }
    describePushQuota(): never { throw new Error("not simulated"); }

    private answer(query: DescribePushTasksQuery, at: number): PushTaskPage {
        const records: PushTask[] = [];
        for (const push of this.pushes) {
            const created = apiTime(Math.floor(push.submitAt / 1000) * 1000);
            if (push.submitAt > at || (query.taskId !== undefined && push.taskId !== query.taskId) ||
                (query.startTime !== undefined && created < query.startTime) || (query.endTime !== undefined && created > query.endTime)) {
                continue;
            }
            for (let i = 0; i < push.urls; i++) {
                const spread = push.spreadMs ?? 0;
                const invalid = i < (push.invalidUrls ?? 0);
                const endAt = invalid && push.invalidAfterMs !== undefined ? push.submitAt + push.invalidAfterMs
                    : push.doneAt - spread + (push.urls > 1 ? (spread * i) / (push.urls - 1) : spread);
                const ended = at >= endAt;
                const status = !ended ? "process" : invalid ? "invalid" : "done";
                if (query.status !== undefined && status !== query.status) {
                    continue;
                }
                records.push({ taskId: push.taskId, url: `https://www.example.com/${push.taskId}/${i}.js`, status, percent: ended ? 100 : 0,
                    area: "mainland", createTime: created, updateTime: ended ? apiTime(endAt) : created });
            }
        }
        const offset = query.offset ?? 0;
        return { pushLogs: records.slice(offset, offset + (query.limit ?? 20)), totalCount: records.length, requestId: `sim-${this.calls}` };
    }
}
