/**
 * The engine side of PushTaskWaiter: the CDN's push tasks on the shared waiter life cycle ({@link waiterLifecycle}
 * holds the rules: a passed gate stays passed, a timeout waits again). Here only what is the push's: its tasks by
 * id, read through the push poller on a prefetch's pace.
 */
import { adoptedGate, recordsToImport } from "./adopt";
import { hostPushApi } from "./clients";
import { PUSH_TASK_WAITER } from "./pushDescription";
import { PUSH_RECORDS } from "./pushRecords";
import { PushTask } from "./pushTypes";
import { readPushTasks } from "./pushPaging";
import { pushStatusOf } from "./pushProvider";
import { hostWaitForPushTasks } from "./pushWaits";
import { waiterLifecycle, WaiterProduct } from "../resources/waiterLifecycle";
import { PREFETCH_WORDS } from "../resources/purgeLifecycle";

/** What a PushTaskWaiter waits for: its task ids. */
interface PushTarget {
    readonly taskIds: readonly string[];
}

/** A message names this many task ids at most. */
const MAX_IDS_IN_MESSAGE = 10;

/**
 * PushTaskWaiter for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(pushWaiterProduct);
 */
export const pushWaiterProduct: WaiterProduct<PushTarget, PushTask> = {
    described: PUSH_TASK_WAITER,
    status: { done: "done", failed: "fail", pending: "process" },
    records: PUSH_RECORDS,
    words: PREFETCH_WORDS,
    redoneOutputs: ["pushLogs"],
    target: (known) => ({ taskIds: (known.taskIds as readonly string[] | undefined) ?? (known.taskId ? [known.taskId as string] : []) }),
    label: ({ taskIds }) => {
        const more = taskIds.length - MAX_IDS_IN_MESSAGE;
        return `push task${taskIds.length > 1 ? "s" : ""} ${taskIds.slice(0, MAX_IDS_IN_MESSAGE).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    },
    // The settings carry a prefetch's defaults, which PUSH_TASK_WAITER's wait options declare.
    wait: (target, settings, onProgress) => hostWaitForPushTasks(hostPushApi(), target.taskIds, undefined, settings, onProgress),
    read: (target) => readPushTasks(hostPushApi(), target.taskIds),
    outputs: (_target, pushLogs) => ({ pushLogs }),
    idOf: (target) => (target.taskIds.length === 1 ? target.taskIds[0] : undefined),
    jobIds: (target) => target.taskIds,
    async adopt(taskId) {
        const pushLogs = await recordsToImport("PushTaskWaiter", taskId, readPushTasks(hostPushApi(), [taskId]), "push", "PushUrlsCache");
        return adoptedGate(taskId, { pushLogs }, pushStatusOf(pushLogs));
    },
};

/**
 * The PushTaskWaiter provider.
 *
 * @example
 * await pushWaiterProvider().create({ taskId: "1533" });
 */
export function pushWaiterProvider() {
    return waiterLifecycle(pushWaiterProduct);
}
