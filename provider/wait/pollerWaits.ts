/**
 * The usual way to wait for tasks in the provider host: through the process-wide poller, watching them for
 * exactly as long as the wait runs. Every wait in the process shares that poller, so fifty purges gated in one
 * deployment cost one round of reads, not fifty.
 */
import { realClock, realSleep } from "../base/clock";
import { PurgeApi, PurgeTask } from "../cdn/types";
import { CoalescingPoller } from "./coalescingPoller";
import { PurgeCheck, runWaitLoop, WaitLoopOptions } from "./waitLoop";
import { WaitResult } from "./waitResult";

// Keyed by the API client, so waits under different credentials (accounts) never share reads. Callers should
// reuse one client per connection; a WeakMap lets a dropped client take its poller with it.
const pollers = new WeakMap<PurgeApi, CoalescingPoller>();

/**
 * The shared poller for an API client, created on first use with the real clock and default timing.
 *
 * @example
 * const watch = getDefaultPoller(client).watch(taskId, { since: submittedAt });
 */
export function getDefaultPoller(api: PurgeApi): CoalescingPoller {
    let poller = pollers.get(api);
    if (!poller) {
        poller = new CoalescingPoller({ api, clock: realClock, sleep: realSleep, random: Math.random });
        pollers.set(api, poller);
    }
    return poller;
}

/** {@link runWaitLoop}'s options without `check`/`pacing` (the poller gives them), plus when the tasks began. */
interface PollerWaitOptions<R> extends Omit<WaitLoopOptions<R>, "check" | "pacing"> {
    /** When the tasks were submitted (API time), so the poller can find them with a time-range query. */
    readonly since?: string;
    /** Epoch ms before which checking is pointless (the product expects the jobs to take that long). */
    readonly notBefore?: number;
}

/** Options of {@link waitOnPollerForTask}. */
export interface WaitOnPollerForTaskOptions<R = PurgeTask> extends PollerWaitOptions<R> {
    readonly taskId: string;
}

/** Options of {@link waitOnPoller}. */
export interface WaitOnPollerOptions<R = PurgeTask> extends PollerWaitOptions<R> {
    /** Every task of one purge (a long list is submitted in several batches); at least one. */
    readonly taskIds: readonly string[];
}

/**
 * Waits until every record of all `taskIds` is done, through `poller`, then stops watching them whatever the
 * outcome. Their checks are made together, so they join the same round.
 *
 * @example
 * const result = await waitOnPoller(getDefaultPoller(client), { taskIds, since, clock: realClock, sleep: realSleep,
 *     timeoutMs: 600_000, notVisibleGraceMs: 30_000 });
 */
export async function waitOnPoller<R = PurgeTask>(poller: CoalescingPoller<R>, options: WaitOnPollerOptions<R>): Promise<WaitResult<R>> {
    const { taskIds, since, notBefore, ...waitOptions } = options;
    const watches = taskIds.map((taskId) => poller.watch(taskId, { since, notBefore }));
    try {
        const check: PurgeCheck<R> = async (signal) => (await Promise.all(watches.map((w) => w.check(signal)))).flat();
        return await runWaitLoop({ ...waitOptions, check, pacing: watches[0].pacing });
    } finally {
        watches.forEach((w) => w.unwatch());
    }
}

/**
 * Waits for one purge task through `poller`, then stops watching it whatever the outcome.
 *
 * @example
 * const result = await waitOnPollerForTask(getDefaultPoller(client), { taskId, since, clock: realClock,
 *     sleep: realSleep, timeoutMs: 600_000, notVisibleGraceMs: 30_000, expectedRecords: urls.length });
 */
export function waitOnPollerForTask<R = PurgeTask>(poller: CoalescingPoller<R>, options: WaitOnPollerForTaskOptions<R>): Promise<WaitResult<R>> {
    const { taskId, ...rest } = options;
    return waitOnPoller(poller, { ...rest, taskIds: [taskId] });
}
