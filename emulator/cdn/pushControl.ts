/**
 * The CDN's push routes of the control API, under `/_emulator/`:
 *
 * - `GET  /_emulator/push-tasks`                  every push record with its current status (hidden ones flagged)
 * - `POST /_emulator/push-tasks/{id}/complete`    `{"status":"done"|"fail"|"invalid", "atMs"?: when}` (default done, now)
 * - `POST /_emulator/push-tasks/{id}/vanish`      hide a push task from answers
 * - `GET  /_emulator/push-tasks/saved`            every push task as a snapshot: `{"tasks": [{taskId, area, urls,
 *                                                 createdAtMs, status, finishedAtMs?}]}`
 * - `POST /_emulator/push-tasks/restore`          add the tasks of such a snapshot, ids, times and statuses kept (a
 *                                                 `process` one stays processing until completed)
 */
import { ControlError } from "../controlError";
import { PushStatus, PushStore } from "./pushStore";
import { parseSavedPushTasks } from "./savedPushTasks";

const FINAL: readonly string[] = ["done", "fail", "invalid"];

/**
 * Answers a push control route (`path` without `/_emulator/`), or undefined when `path` is not one.
 *
 * @example
 * await pushControlRoute(pushes, "POST", `push-tasks/${id}/complete`, async () => ({ status: "invalid" }));
 */
export async function pushControlRoute(pushes: PushStore, method: string, path: string,
    body: () => Promise<unknown>): Promise<unknown> {
    if (method === "GET" && path === "push-tasks") {
        return { tasks: pushes.allRecords() };
    }
    if (method === "GET" && path === "push-tasks/saved") {
        return { tasks: pushes.savedTasks() };
    }
    if (method === "POST" && path === "push-tasks/restore") {
        const tasks = parseSavedPushTasks(await body());
        pushes.restore(tasks);
        return { restored: tasks.length };
    }
    const task = /^push-tasks\/([^/]+)\/(complete|vanish)$/.exec(path);
    if (method !== "POST" || !task) {
        return undefined;
    }
    const taskId = decodeURIComponent(task[1]);
    const b = (await body()) as { status?: unknown; atMs?: unknown } | null;
    const status = b?.status ?? "done";
    if (task[2] === "complete" && !FINAL.includes(status as string)) {
        throw new ControlError(400, `status must be one of ${FINAL.join(", ")}`);
    }
    if (b?.atMs !== undefined && !(typeof b.atMs === "number" && Number.isFinite(b.atMs) && b.atMs >= 0)) {
        throw new ControlError(400, "atMs must be epoch milliseconds >= 0 (when the task finished; default now)");
    }
    const found = task[2] === "complete"
        ? pushes.complete(taskId, status as Exclude<PushStatus, "process">, b?.atMs as number | undefined) : pushes.vanish(taskId);
    if (!found) {
        throw new ControlError(404, `no push task ${taskId}`);
    }
    return { taskId, ok: true };
}
