/**
 * The provider host's waits for push tasks: on the pace learned from the account's recent prefetches when the
 * user set no delay and the account has finished prefetches to learn from, else on the usual back-off.
 */
import { realSleep } from "../base/clock";
import { parseApiTime } from "../base/time";
import { WaitSettings } from "../description";
import { WaitResult } from "../wait";
import { hostWaitOnOwnSchedule, hostWaitPacedByCheck, ProgressSink } from "../resources/waits";
import { PUSH_RECORDS } from "./pushRecords";
import { PushApi, PushTask } from "./pushTypes";
import { readPushTasks } from "./pushPaging";
import { accountTypicalPushMs, learnedDelayMs } from "./pushPace";

/** A check sleeping into the deadline is abandoned without a last read: the last pause ends this long before it. */
const LAST_READ_BEFORE_DEADLINE_MS = 2000;

/**
 * Waits until every record of `taskIds` is done (or one ends `fail`/`invalid`, or time runs out). `ownPacing`:
 * the user set a delay, so the back-off between them is used as given.
 *
 * @example
 * await hostWaitForPushTasks(api, ["1533"], settings, false, (p) => reportProgress("push task 1533", p), 2);
 */
export async function hostWaitForPushTasks(api: PushApi, taskIds: readonly string[], settings: WaitSettings, ownPacing: boolean,
    onProgress: ProgressSink, expectedRecords?: number): Promise<WaitResult<PushTask>> {
    const read = (signal: AbortSignal | undefined) => readPushTasks(api, taskIds, signal);
    const startedAt = Date.now();
    const typicalMs = ownPacing ? undefined : await accountTypicalPushMs(api, startedAt);
    if (typicalMs === undefined) {
        return hostWaitOnOwnSchedule(read, settings, onProgress, expectedRecords, PUSH_RECORDS, taskIds);
    }
    const deadline = startedAt + settings.timeoutSeconds * 1000;
    let createdAt = startedAt;
    let checks = 0;
    const nextDelay = () => {
        const now = Date.now();
        const delay = learnedDelayMs({ elapsedMs: now - createdAt, checks, typicalMs,
            minMs: settings.minDelaySeconds * 1000, maxMs: settings.maxDelaySeconds * 1000 });
        const beforeDeadline = deadline - now - LAST_READ_BEFORE_DEADLINE_MS;
        return beforeDeadline > 0 ? Math.min(delay, beforeDeadline) : Math.max(0, deadline - now);
    };
    const check = async (signal?: AbortSignal) => {
        if (checks > 0) {
            await realSleep(nextDelay(), signal);
        }
        checks += 1;
        const records = await read(signal);
        // Time from the tasks' own creation: a resumed wait is paced as the prefetch has run, not from now.
        const created = records.map((r) => (r.createTime ? parseApiTime(r.createTime)?.getTime() : undefined))
            .filter((t): t is number => t !== undefined);
        if (created.length > 0) {
            createdAt = Math.min(...created);
        }
        return records;
    };
    return hostWaitPacedByCheck(check, nextDelay, settings, onProgress, expectedRecords, PUSH_RECORDS, taskIds);
}
