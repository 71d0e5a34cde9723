/**
 * CDN's waits in the provider host: purge tasks by id through the account's shared poller, or a waiter's filter
 * read page by page on its own schedule.
 */
import { PurgeApi, PurgeTask } from "./types";
import { readAllPages } from "./paging";
import { PurgeCheck, WaitResult } from "../wait";
import { readRecordsOfTasks } from "./recordsOfTasks";
import { WaitSettings } from "../description";
import { WaitTarget } from "./inputs";
import { hostWaitOnOwnSchedule, hostWaitOnPoller, ProgressSink } from "../resources/waits";
import { cdnPoller } from "./poller";
import { CDN_RECORDS } from "./records";

const run = (check: PurgeCheck<PurgeTask>, settings: WaitSettings, onProgress: ProgressSink, expectedRecords?: number) =>
    hostWaitOnOwnSchedule(check, settings, onProgress, expectedRecords, CDN_RECORDS);

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
): Promise<WaitResult<PurgeTask>> {
    if (settings.ownPacing) {
        return hostWaitOnOwnSchedule((signal) => readRecordsOfTasks(api, taskIds, signal), settings, onProgress, expectedRecords, CDN_RECORDS,
            taskIds);
    }
    return hostWaitOnPoller(cdnPoller(api), { taskIds, since }, settings, onProgress, expectedRecords, CDN_RECORDS);
}

/**
 * Waits until every record matching a waiter's target is done: its task ids (one or many) through the shared
 * poller, a filter (with or without a task id) by reading every page of it.
 *
 * @example
 * await hostWaitForCdnTarget(api, { keyword: "www.example.com", startTime: "2026-11-29 00:00:00" }, settings, () => undefined);
 */
export async function hostWaitForCdnTarget(api: PurgeApi, target: WaitTarget, settings: WaitSettings, onProgress: ProgressSink): Promise<WaitResult<PurgeTask>> {
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
