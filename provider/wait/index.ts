/**
 * Waiting for purges: the pure wait loop, its backoff, the shared poller, and messages about how a wait ended.
 * The provider host and the resources import from here only.
 *
 * @example
 * import { getDefaultPoller, waitForTask, describeWaitResult } from "../wait";
 * const result = await waitForTask(getDefaultPoller(client), { taskId, since, clock: realClock, sleep: realSleep,
 *     timeoutMs: 600_000, notVisibleGraceMs: 30_000 });
 * if (result.state !== "done") throw new Error(describeWaitResult(result, `purge task ${taskId}`));
 */
export { backoffCapMs, backoffDelayMs, validateBackoff } from "./backoff";
export type { BackoffOptions } from "./backoff";
export { CoalescingPoller } from "./coalescingPoller";
export { cdnJobReader } from "./jobReader";
export type { JobReader, JobReadHints, JobsRead } from "./jobReader";
export type { CoalescingPollerOptions, TaskWatch } from "./coalescingPoller";
export { describeWaitResult } from "./describeWaitResult";
export { waitForPurge } from "./waitForPurge";
export { getDefaultPoller, waitForTask, waitForTasks } from "./waitForTasks";
export type { WaitForTaskOptions, WaitForTasksOptions } from "./waitForTasks";
export type { BackoffPacing, CheckWaitsPacing, PurgeCheck, WaitForPurgeOptions, WaitPacing } from "./waitForPurge";
export type { WaitProgress, WaitResult, WaitState } from "./waitResult";
