/**
 * Checks a snapshot of push tasks sent to the control API (`POST /_emulator/push-tasks/restore`) before the store
 * takes it, so a hand-edited or stale snapshot is refused with what is wrong instead of answering queries with holes.
 */
import { ControlError } from "../controlError";
import { PushStatus, SavedPushTask } from "./pushStore";

const AREAS = ["mainland", "overseas", "global"] as const;
const STATUSES: readonly PushStatus[] = ["process", "done", "fail", "invalid"];

const millis = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;

function oneOf<T extends string>(task: Record<string, unknown>, key: string, allowed: readonly T[], at: string): T {
    const v = task[key];
    if (!allowed.includes(v as T)) {
        throw new ControlError(400, `${at}.${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    }
    return v as T;
}

/**
 * The tasks of a restore request's body, `{"tasks": [{taskId, area, urls, createdAtMs, status, finishedAtMs?}]}`
 * (what `PushStore.savedTasks()` gives); throws a 400 {@link ControlError} naming the first bad field.
 *
 * @example
 * parseSavedPushTasks({ tasks: [{ taskId: "1764900000000500", area: "mainland", urls: ["https://a.com/x"],
 *     createdAtMs: 1764900000000, status: "done", finishedAtMs: 1764900300000 }] });
 */
export function parseSavedPushTasks(body: unknown): SavedPushTask[] {
    const tasks = (body as { tasks?: unknown } | null)?.tasks;
    if (!Array.isArray(tasks)) {
        throw new ControlError(400, "tasks must be a list of saved push tasks");
    }
    return tasks.map((value, i) => {
        const at = `tasks[${i}]`;
        const task = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
        const { taskId, urls, createdAtMs, finishedAtMs } = task;
        if (typeof taskId !== "string" || taskId === "") {
            throw new ControlError(400, `${at}.taskId must be a non-empty string`);
        }
        if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === "string")) {
            throw new ControlError(400, `${at}.urls must be a non-empty list of strings`);
        }
        if (!millis(createdAtMs) || (finishedAtMs !== undefined && !millis(finishedAtMs))) {
            throw new ControlError(400, `${at}.createdAtMs and finishedAtMs must be epoch milliseconds >= 0`);
        }
        return {
            taskId, urls: urls as string[], createdAtMs: createdAtMs as number,
            ...(finishedAtMs === undefined ? {} : { finishedAtMs: finishedAtMs as number }),
            area: oneOf(task, "area", AREAS, at), status: oneOf(task, "status", STATUSES, at),
        };
    });
}
