/**
 * Waiting for purges: the pure wait loop, its backoff, the shared poller, and messages about how a wait ended.
 * The provider host and the resources import from here only.
 *
 * @example
 * import { getDefaultPoller, waitOnPollerForTask, describeWaitResult } from ".";
 * const result = await waitOnPollerForTask(getDefaultPoller(client), { taskId, since, clock: realClock, sleep: realSleep,
 *     timeoutMs: 600_000, notVisibleGraceMs: 30_000 });
 * if (result.state !== "done") throw new Error(describeWaitResult(result, `purge task ${taskId}`));
 */
export { backoffCapMs, backoffDelayMs, validateBackoff } from "./backoff";
export type { BackoffOptions } from "./backoff";
export { CoalescingPoller } from "./coalescingPoller";
export { mayReadAnotherPage } from "./jobReader";
export type { JobReader, JobReadHints, JobsRead, TaskToRead } from "./jobReader";
export { rangeStartOf, readRangeThenById, readRestById } from "./rangeThenById";
export type { RangePage, RangeThenById } from "./rangeThenById";
export type { CoalescingPollerOptions, TaskWatch } from "./coalescingPoller";
export { describeWaitResult } from "./describeWaitResult";
export { runWaitLoop } from "./waitLoop";
export { waitOnPollerForTask, waitOnPoller } from "./pollerWaits";
export type { WaitOnPollerForTaskOptions, WaitOnPollerOptions } from "./pollerWaits";
export type { BackoffPacing, CheckWaitsPacing, PurgeCheck, WaitLoopOptions, WaitPacing } from "./waitLoop";
export type { WaitProgress, WaitResult, WaitState } from "./waitResult";
export { learnedPace, nextCheckAtMs, PREFETCH_CALL_PRICE_MS, PREFETCH_EARLY_CHECK_MS } from "./learnedPace";
export type { CheckPace, LearnedPaceOptions } from "./learnedPace";
export { durationQuantileMs, durationsOf, recentDurationsMs } from "./recentDurations";
export type { RecentJobs } from "./recentDurations";
