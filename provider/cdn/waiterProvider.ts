/**
 * The engine side of PurgeTaskWaiter: CDN's adapter of the shared waiter life cycle ({@link waiterLifecycle} holds
 * the rules: a passed gate stays passed, a timeout waits again). Here only what is CDN's: one task, several
 * (`taskIds`, read together through the shared poller), or every task matching a filter, and what to say when a
 * filter matches nothing.
 */
import { adoptedGate, recordsToImport } from "./adopt";
import { WaitResult } from "../wait";
import { describeWaitResult } from "../wait";
import { hostApi } from "./clients";
import { WaitTarget } from "./inputs";
import { overallStatus } from "./status";
import { PURGE_TASK_WAITER } from "./description";
import { readRecordsOfTasks } from "./recordsOfTasks";
import { hostWaitForCdnTarget, readTarget } from "./waits";
import { explainEmptyFilter } from "./emptyFilter";
import { hostCancelSignal } from "../engine/cancellation";
import { PurgeTask } from "./types";
import { CDN_RECORDS } from "./records";
import { waiterLifecycle, WaiterProduct } from "../resources/waiterLifecycle";

/** A message names this many of a gate's task ids at most. */
const MAX_IDS_IN_MESSAGE = 10;

function describeTarget(t: WaitTarget): string {
    if (t.taskIds !== undefined) {
        const more = t.taskIds.length - MAX_IDS_IN_MESSAGE;
        return `purge task${t.taskIds.length > 1 ? "s" : ""} ${t.taskIds.slice(0, MAX_IDS_IN_MESSAGE).join(", ")}` +
            (more > 0 ? ` and ${more} more` : "");
    }
    return t.taskId ? `purge task ${t.taskId}` : `purge tasks since ${t.startTime}${t.keyword ? ` for ${t.keyword}` : ""}`;
}

/** Which of a gate's tasks failed, when it waits on several: the URLs alone would not say which purge to look at. */
function failedTasks(target: WaitTarget, result: WaitResult<PurgeTask>): string {
    if (target.taskIds === undefined || result.state !== "failed") {
        return "";
    }
    const ids = [...new Set(result.failed.map((r) => r.taskId))];
    return ` (failed task${ids.length > 1 ? "s" : ""}: ${ids.join(", ")})`;
}

/**
 * PurgeTaskWaiter for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(cdnWaiterProduct);
 */
export const cdnWaiterProduct: WaiterProduct<WaitTarget, PurgeTask, typeof PURGE_TASK_WAITER.inputs> = {
    described: PURGE_TASK_WAITER,
    status: { done: "done", failed: "fail", pending: "process" },
    records: CDN_RECORDS,
    redoneOutputs: ["purgeLogs"],
    target: ({ taskId, taskIds, keyword, startTime, endTime, purgeType, area }) => ({ taskId, taskIds, keyword, startTime, endTime, purgeType, area }),
    label: describeTarget,
    wait: (target, settings, onProgress) => hostWaitForCdnTarget(hostApi(), target, settings, onProgress),
    read: (target) => readTarget(hostApi(), target),
    outputs: (target, purgeLogs) => ({ taskId: target.taskId ?? null, purgeLogs }),
    idOf: (target) => target.taskId,
    jobIds: (target) => target.taskIds ?? (target.taskId === undefined ? undefined : [target.taskId]),
    async explain(target, result, what) {
        const foundNothing = result.state === "notFound" || (result.state === "timedOut" && result.records.length === 0);
        if (!target.taskId && !target.taskIds && foundNothing) {
            // A filter has no task id to check: say which part of the filter matches nothing.
            return `waited ${Math.round(result.elapsedMs / 1000)} s for ${what} and no purge record matched: ` +
                await explainEmptyFilter(hostApi(), target, hostCancelSignal());
        }
        return describeWaitResult(result, what, CDN_RECORDS) + failedTasks(target, result);
    },
    async adopt(taskId) {
        const purgeLogs = await recordsToImport("PurgeTaskWaiter", taskId, readRecordsOfTasks(hostApi(), [taskId]), "purge",
            "PurgeUrlsCache or PurgePathCache");
        return adoptedGate(taskId, { purgeLogs }, overallStatus(purgeLogs));
    },
};

/**
 * The PurgeTaskWaiter provider.
 *
 * @example
 * await waiterProvider().create({ taskId: "1533", timeoutSeconds: 600 });
 */
export function waiterProvider() {
    return waiterLifecycle(cdnWaiterProduct);
}
