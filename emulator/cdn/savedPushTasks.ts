/**
 * Checks a snapshot of push tasks sent to the control API (`POST /_emulator/push-tasks/restore`) before the store
 * takes it (see `../savedFields.ts`).
 */
import { savedItems } from "../savedFields";
import { PushStatus, SavedPushTask } from "./pushStore";

const AREAS = ["mainland", "overseas", "global"] as const;
const STATUSES: readonly PushStatus[] = ["process", "done", "fail", "invalid"];

/**
 * The tasks of a restore request's body, `{"tasks": [{taskId, area, urls, createdAtMs, status, finishedAtMs?}]}`
 * (what `PushStore.savedTasks()` gives); throws a 400 `ControlError` naming the first bad field.
 *
 * @example
 * parseSavedPushTasks({ tasks: [{ taskId: "1764900000000500", area: "mainland", urls: ["https://a.com/x"],
 *     createdAtMs: 1764900000000, status: "done", finishedAtMs: 1764900300000 }] });
 */
export function parseSavedPushTasks(body: unknown): SavedPushTask[] {
    return savedItems(body, "tasks", "saved push tasks", (f) => {
        const finishedAtMs = f.millis("finishedAtMs", true);
        return {
            taskId: f.text("taskId"), urls: f.texts("urls"), createdAtMs: f.millis("createdAtMs"),
            ...(finishedAtMs === undefined ? {} : { finishedAtMs }),
            area: f.oneOf("area", AREAS), status: f.oneOf("status", STATUSES),
        };
    });
}
