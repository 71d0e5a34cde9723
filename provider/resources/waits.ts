/**
 * Runs the pure wait loop for the provider host, for any product: real clock and sleep, the user's deadline, and
 * progress shown in `pulumi up`. Waits for task ids share the process's coalescing poller, so many resources waiting at once
 * cost one round of reads; a wait with its own delay tuning, or for a filter, reads on its own schedule.
 */
import { PurgeApi, PurgeTask } from "../base/types";
import { readAllPages } from "../reading/paging";
import { realClock, realSleep } from "../base/clock";
import { BackoffPacing, CoalescingPoller, getDefaultPoller, PurgeCheck, runWaitLoop, waitOnPoller, WaitProgress, WaitResult } from "../wait";
import { RecordKind } from "../base/recordKind";
import { readRecordsOfTasks } from "../reading/recordsOfTasks";
import { hostCancelSignal } from "../engine/cancellation";
import { WaitSettings, WaitTarget } from "./inputs";
import { engineMessagesDelivered } from "../engine/engineLog";
import { LISTING_LAG_MS } from "./inDoubtLookup";


/** Receives the wait's progress after each check. */
export type ProgressSink = (progress: WaitProgress) => void;

/** The options every wait in the host shares: real time, the user's deadline, progress, the host's cancel. */
function common(settings: WaitSettings, onProgress: ProgressSink) {
    return {
        signal: hostCancelSignal(),
        clock: realClock,
        sleep: realSleep,
        timeoutMs: settings.timeoutSeconds * 1000,
        notVisibleGraceMs: LISTING_LAG_MS, // an empty answer this soon after submitting means "not listed yet"
        onProgress,
    };
}

/**
 * A wait on its own schedule (jittered backoff between the user's delays), reading with `check`; `records` says
 * how to read them (CDN's by default).
 *
 * @example
 * await hostWaitOnOwnSchedule((s) => readJobsTasks(api, zoneId, jobIds, s), settings, sink, targets.length, EDGEONE_RECORDS);
 */
export async function hostWaitOnOwnSchedule<R = PurgeTask>(check: PurgeCheck<R>, settings: WaitSettings, onProgress: ProgressSink,
    expectedRecords?: number, records?: RecordKind<R>): Promise<WaitResult<R>> {
    const pacing: BackoffPacing = { kind: "backoff", minDelayMs: settings.minDelaySeconds * 1000,
        maxDelayMs: settings.maxDelaySeconds * 1000, random: Math.random };
    return delivered(await runWaitLoop({ check, ...common(settings, onProgress), pacing, expectedRecords, records }));
}

/** The wait's last progress line must be on the engine's screen before the step ends, or a stale one stays there. */
async function delivered<T>(result: T): Promise<T> {
    await engineMessagesDelivered();
    return result;
}

/** What a wait through a shared poller watches: the jobs, when they began (API time), when checking starts to pay. */
export interface PollerJobs {
    readonly taskIds: readonly string[];
    readonly since?: string;
    readonly notBefore?: number;
}

/**
 * A wait through a product's shared poller, with the host's clock, deadline, progress and cancel.
 *
 * @example
 * await hostWaitOnPoller(edgeOnePoller(api, zoneId), { taskIds: jobIds, since }, settings, sink, n, EDGEONE_RECORDS);
 */
export async function hostWaitOnPoller<R>(poller: CoalescingPoller<R>, jobs: PollerJobs, settings: WaitSettings,
    onProgress: ProgressSink, expectedRecords?: number, records?: RecordKind<R>): Promise<WaitResult<R>> {
    return delivered(await waitOnPoller(poller, { ...jobs, ...common(settings, onProgress), expectedRecords, records }));
}

const run = (check: PurgeCheck, settings: WaitSettings, onProgress: ProgressSink, expectedRecords?: number) =>
    hostWaitOnOwnSchedule(check, settings, onProgress, expectedRecords);

/**
 * Waits until every record of `taskIds` is done (or one fails, or time runs out). `since` is the submission
 * time in API form, which lets the shared poller find many tasks with one time-range query.
 *
 * @example
 * const result = await hostWaitForCdnTasks(api, ["1533"], "2026-11-29 10:00:00", settings, (p) => reportProgress("purge task 1533", p), 1);
 */
export async function hostWaitForCdnTasks(
    api: PurgeApi, taskIds: readonly string[], since: string | undefined, settings: WaitSettings, onProgress: ProgressSink,
    expectedRecords?: number,
): Promise<WaitResult> {
    if (settings.ownPacing) {
        return run((signal) => readRecordsOfTasks(api, taskIds, signal), settings, onProgress, expectedRecords);
    }
    return hostWaitOnPoller(getDefaultPoller(api), { taskIds, since }, settings, onProgress, expectedRecords);
}

/**
 * Waits until every record matching a waiter's target is done: its task ids (one or many) through the shared
 * poller, a filter (with or without a task id) by reading every page of it.
 *
 * @example
 * await hostWaitForCdnTarget(api, { keyword: "www.example.com", startTime: "2026-11-29 00:00:00" }, settings, () => undefined);
 */
export async function hostWaitForCdnTarget(api: PurgeApi, target: WaitTarget, settings: WaitSettings, onProgress: ProgressSink): Promise<WaitResult> {
    const ids = taskIdsOnly(target);
    if (ids !== undefined) {
        return hostWaitForCdnTasks(api, ids, undefined, settings, onProgress);
    }
    return run((signal) => readTarget(api, target, signal), settings, onProgress);
}

/** The target's task ids when it names tasks and no filter, else undefined. */
function taskIdsOnly(target: WaitTarget): readonly string[] | undefined {
    const { taskId, taskIds, ...filter } = target;
    if (Object.values(filter).some((v) => v !== undefined)) {
        return undefined;
    }
    return taskIds ?? (taskId ? [taskId] : undefined);
}

/**
 * Every record of a waiter's target as it is now: its tasks by id, or every page of its filter.
 *
 * @example
 * const records = await readTarget(api, { taskIds: ["1533", "1534"] });
 */
export async function readTarget(api: PurgeApi, target: WaitTarget, signal?: AbortSignal): Promise<readonly PurgeTask[]> {
    const { taskIds, ...query } = target;
    if (taskIds !== undefined) {
        return readRecordsOfTasks(api, taskIds, signal);
    }
    return (await readAllPages(api, query, { signal })).purgeLogs;
}
