/**
 * The usual way to wait for tasks in the provider host: through the process-wide poller, watching them for
 * exactly as long as the wait runs. Every wait in the process shares that poller, so fifty purges gated in one
 * deployment cost one round of reads, not fifty.
 */
import { CoalescingPoller } from "./coalescingPoller";
import { CheckPace } from "./learnedPace";
import { PurgeCheck, runWaitLoop, WaitLoopOptions } from "./waitLoop";
import { WaitResult } from "./waitResult";

/**
 * {@link runWaitLoop}'s options without `check`/`pacing` (the poller gives them) and with `records` the poller's
 * own unless given, plus when the tasks began.
 */
interface PollerWaitOptions<R> extends Omit<WaitLoopOptions<R>, "check" | "pacing" | "records"> {
    readonly records?: WaitLoopOptions<R>["records"];
    /** When the tasks were submitted (API time), so the poller can find them with a time-range query. */
    readonly since?: string;
    /** Epoch ms before which checking is pointless (the product expects the jobs to take that long). */
    readonly notBefore?: number;
    /** When each check is worth its call (e.g. learned from recent durations); replaces `notBefore`. */
    readonly pace?: CheckPace<R>;
}

/** A pace never holds a check past this long before the deadline, so the wait's last look is made. */
const LAST_LOOK_BEFORE_DEADLINE_MS = 2000;

/** Options of {@link waitOnPollerForTask}. */
export interface WaitOnPollerForTaskOptions<R> extends PollerWaitOptions<R> {
    readonly taskId: string;
}

/** Options of {@link waitOnPoller}. */
export interface WaitOnPollerOptions<R> extends PollerWaitOptions<R> {
    /** Every task of one purge (a long list is submitted in several batches); at least one. */
    readonly taskIds: readonly string[];
}

/**
 * Waits until every record of all `taskIds` is done, through `poller`, then stops watching them whatever the
 * outcome. Their checks are made together, so they join the same round.
 *
 * @example
 * const result = await waitOnPoller(cdnPoller(client), { taskIds, since, clock: realClock, sleep: realSleep,
 *     timeoutMs: 600_000, notVisibleGraceMs: 30_000 });
 */
export async function waitOnPoller<R>(poller: CoalescingPoller<R>, options: WaitOnPollerOptions<R>): Promise<WaitResult<R>> {
    const { taskIds, since, notBefore, pace, ...waitOptions } = options;
    const { clock } = options;
    const lastLook = clock.now() + options.timeoutMs - LAST_LOOK_BEFORE_DEADLINE_MS;
    const held = pace === undefined ? notBefore : () => {
        const at = pace.notBefore(clock.now());
        return at === undefined ? undefined : Math.min(at, lastLook);
    };
    const watches = taskIds.map((taskId) => poller.watch(taskId, { since, notBefore: held }));
    try {
        const check: PurgeCheck<R> = async (signal) => {
            const records = (await Promise.all(watches.map((w) => w.check(signal)))).flat();
            pace?.seen(records);
            return records;
        };
        return await runWaitLoop({ records: poller.records, jobIds: taskIds, ...waitOptions, check, pacing: watches[0].pacing });
    } finally {
        watches.forEach((w) => w.unwatch());
    }
}

/**
 * Waits for one purge task through `poller`, then stops watching it whatever the outcome.
 *
 * @example
 * const result = await waitOnPollerForTask(cdnPoller(client), { taskId, since, clock: realClock,
 *     sleep: realSleep, timeoutMs: 600_000, notVisibleGraceMs: 30_000, expectedRecords: urls.length });
 */
export function waitOnPollerForTask<R>(poller: CoalescingPoller<R>, options: WaitOnPollerForTaskOptions<R>): Promise<WaitResult<R>> {
    const { taskId, ...rest } = options;
    return waitOnPoller(poller, { ...rest, taskIds: [taskId] });
}
