/**
 * Checks a snapshot of tasks sent to the control API (`POST /_emulator/tasks/restore`) before the store takes it
 * (see `../savedFields.ts`).
 */
import { savedItems } from "../savedFields";
import { SavedTask } from "./store";

const PURGE_TYPES = ["url", "path"] as const;
const FLUSH_TYPES = ["flush", "delete"] as const;
const AREAS = ["mainland", "overseas", "global"] as const;
const STATUSES = ["process", "done", "fail"] as const;

/**
 * The tasks of a restore request's body, `{"tasks": [{taskId, purgeType, flushType, area, urls, createdAtMs, status}]}`
 * (what `TaskStore.savedTasks()` gives); throws a 400 `ControlError` naming the first bad field.
 *
 * @example
 * parseSavedTasks({ tasks: [{ taskId: "1", purgeType: "url", flushType: "flush", area: "mainland",
 *     urls: ["https://a.com/x"], createdAtMs: 1764900000000, status: "done" }] });
 */
export function parseSavedTasks(body: unknown): SavedTask[] {
    return savedItems(body, "tasks", "saved tasks", (f) => ({
        taskId: f.text("taskId"), urls: f.texts("urls"), createdAtMs: f.millis("createdAtMs"),
        purgeType: f.oneOf("purgeType", PURGE_TYPES), flushType: f.oneOf("flushType", FLUSH_TYPES),
        area: f.oneOf("area", AREAS), status: f.oneOf("status", STATUSES),
    }));
}
