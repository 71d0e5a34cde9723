/**
 * The provider host's waits for push tasks: through the account's push poller, paced by the account's recent
 * prefetches when it has some, or on the user's own back-off when a delay was set.
 */
import { formatApiTime } from "../base/time";
import { WaitSettings } from "../description";
import { WaitResult } from "../wait";
import { hostWaitOnOwnSchedule, hostWaitOnPoller, ProgressSink } from "../resources/waits";
import { CLOCK_SKEW_MS } from "../resources/purgeLifecycle";
import { PUSH_RECORDS } from "./pushRecords";
import { PushApi, PushTask } from "./pushTypes";
import { readPushTasks } from "./pushPaging";
import { pushPace, pushPoller } from "./pushPoller";

/**
 * Waits until every record of `taskIds` is done (or one ends `fail`/`invalid`, or time runs out). `submittedAt`:
 * when this run submitted them (epoch ms), unknown for tasks from elsewhere or an earlier run.
 *
 * @example
 * await hostWaitForPushTasks(api, ["1533"], Date.now(), settings, (p) => reportProgress("push task 1533", p), 2);
 */
export async function hostWaitForPushTasks(api: PushApi, taskIds: readonly string[], submittedAt: number | undefined, settings: WaitSettings,
    onProgress: ProgressSink, expectedRecords?: number): Promise<WaitResult<PushTask>> {
    if (settings.ownPacing) {
        return hostWaitOnOwnSchedule((signal) => readPushTasks(api, taskIds, signal), settings, onProgress, expectedRecords, PUSH_RECORDS, taskIds);
    }
    const pace = await pushPace(api, submittedAt, Date.now());
    const since = submittedAt === undefined ? undefined : formatApiTime(new Date(submittedAt - CLOCK_SKEW_MS));
    return hostWaitOnPoller(pushPoller(api), { taskIds, since, pace }, settings, onProgress, expectedRecords, PUSH_RECORDS);
}
