/**
 * Checks a snapshot of tasks sent to the control API (`POST /_emulator/tasks/restore`) before the store takes it,
 * so a hand-edited or stale snapshot is refused with what is wrong instead of answering queries with holes.
 */
import { ControlError } from "../controlError";
import { SavedTask } from "./store";

const PURGE_TYPES = ["url", "path"] as const;
const FLUSH_TYPES = ["flush", "delete"] as const;
const AREAS = ["mainland", "overseas", "global"] as const;
const STATUSES = ["process", "done", "fail"] as const;

function oneOf<T extends string>(task: Record<string, unknown>, key: string, allowed: readonly T[], at: string): T {
    const v = task[key];
    if (!allowed.includes(v as T)) {
        throw new ControlError(400, `${at}.${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    }
    return v as T;
}

/**
 * The tasks of a restore request's body, `{"tasks": [{taskId, purgeType, flushType, area, urls, createdAtMs, status}]}`
 * (what `TaskStore.savedTasks()` gives); throws a 400 {@link ControlError} naming the first bad field.
 *
 * @example
 * parseSavedTasks({ tasks: [{ taskId: "1", purgeType: "url", flushType: "flush", area: "mainland",
 *     urls: ["https://a.com/x"], createdAtMs: 1764900000000, status: "done" }] });
 */
export function parseSavedTasks(body: unknown): SavedTask[] {
    const tasks = (body as { tasks?: unknown } | null)?.tasks;
    if (!Array.isArray(tasks)) {
        throw new ControlError(400, "tasks must be a list of saved tasks");
    }
    return tasks.map((value, i) => {
        const at = `tasks[${i}]`;
        const task = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
        const { taskId, urls, createdAtMs } = task;
        if (typeof taskId !== "string" || taskId === "") {
            throw new ControlError(400, `${at}.taskId must be a non-empty string`);
        }
        if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === "string")) {
            throw new ControlError(400, `${at}.urls must be a non-empty list of strings`);
        }
        if (typeof createdAtMs !== "number" || !Number.isFinite(createdAtMs) || createdAtMs < 0) {
            throw new ControlError(400, `${at}.createdAtMs must be epoch milliseconds >= 0`);
        }
        return {
            taskId, urls: urls as string[], createdAtMs,
            purgeType: oneOf(task, "purgeType", PURGE_TYPES, at), flushType: oneOf(task, "flushType", FLUSH_TYPES, at),
            area: oneOf(task, "area", AREAS, at), status: oneOf(task, "status", STATUSES, at),
        };
    });
}
