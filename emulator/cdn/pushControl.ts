/**
 * The CDN's push routes of the control API, under `/_emulator/`:
 *
 * - `GET  /_emulator/push-tasks`                  every push record with its current status (hidden ones flagged)
 * - `POST /_emulator/push-tasks/{id}/complete`    `{"status":"done"|"fail"|"invalid"}` (default done)
 * - `POST /_emulator/push-tasks/{id}/vanish`      hide a push task from answers
 */
import { ControlError } from "../controlError";
import { PushStatus, PushStore } from "./pushStore";

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
    const task = /^push-tasks\/([^/]+)\/(complete|vanish)$/.exec(path);
    if (method !== "POST" || !task) {
        return undefined;
    }
    const taskId = decodeURIComponent(task[1]);
    const status = ((await body()) as { status?: unknown } | null)?.status ?? "done";
    if (task[2] === "complete" && !FINAL.includes(status as string)) {
        throw new ControlError(400, `status must be one of ${FINAL.join(", ")}`);
    }
    const found = task[2] === "complete" ? pushes.complete(taskId, status as Exclude<PushStatus, "process">) : pushes.vanish(taskId);
    if (!found) {
        throw new ControlError(404, `no push task ${taskId}`);
    }
    return { taskId, ok: true };
}
