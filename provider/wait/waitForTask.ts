/**
 * The usual way to wait for one task in the provider host: through a shared poller, watching the task for
 * exactly as long as the wait runs.
 */
import { CoalescingPoller } from "./coalescingPoller";
import { waitForPurge } from "./waitForPurge";
import { WaitForPurgeOptions } from "./waitOptions";
import { WaitResult } from "./waitResult";

/** {@link waitForPurge}'s options without `check`/`pacing` (the poller gives them), plus what to watch. */
export interface WaitForTaskOptions extends Omit<WaitForPurgeOptions, "check" | "pacing"> {
    readonly taskId: string;
    /** When the task was submitted (API time), so the poller can find it with a time-range query. */
    readonly since?: string;
}

/**
 * Waits for one purge task through `poller`, then stops watching it whatever the outcome.
 *
 * @example
 * const result = await waitForTask(getDefaultPoller(client), { taskId, since, clock: realClock,
 *     sleep: realSleep, timeoutMs: 600_000, minDelayMs: 1000, maxDelayMs: 10_000, random: Math.random,
 *     notVisibleGraceMs: 30_000, expectedRecords: urls.length });
 */
export async function waitForTask(poller: CoalescingPoller, options: WaitForTaskOptions): Promise<WaitResult> {
    const { taskId, since, ...waitOptions } = options;
    const watch = poller.watch(taskId, { since });
    try {
        return await waitForPurge({ ...waitOptions, check: watch.check, pacing: watch.pacing });
    } finally {
        watch.unwatch();
    }
}
