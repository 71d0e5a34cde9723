/**
 * The CDN part of the control API, under `/_emulator/`:
 *
 * - `GET  /_emulator/tasks`                   every record with its current status (hidden ones flagged)
 * - `POST /_emulator/tasks`                   create a task without the API: `{"urls": [...], "purgeType"?: "url"|"path",
 *                                             "flushType"?: "flush"|"delete", "area"?: ...}` -> `{"taskId"}`
 * - `GET  /_emulator/tasks/saved`             every task as a snapshot: `{"tasks": [{taskId, urls, createdAtMs, status, ...}]}`
 * - `POST /_emulator/tasks/restore`           add the tasks of such a snapshot, ids, times and statuses kept (a
 *                                             `process` one stays processing until completed)
 * - `POST /_emulator/tasks/{id}/complete`     `{"status":"done"|"fail"}` (default done)
 * - `POST /_emulator/tasks/{id}/vanish`       hide a task from answers
 * - `GET  /_emulator/retention`               `{"retentionMs": N | null}`
 * - `POST /_emulator/retention`               `{"retentionMs": N | null}`: records older than N ms disappear (null: never)
 * - `GET  /_emulator/listing-lag`             `{"visibleAfterMs": N}`
 * - `POST /_emulator/listing-lag`             `{"visibleAfterMs": N}`: new tasks and jobs show in answers only N ms after their creation
 *
 * Retention and listing lag are kept by the CDN's task store; the emulator hands them to EdgeOne's too.
 */
import { ControlError } from "../controlError";
import { TaskStore } from "./store";
import { parseSavedTasks } from "./savedTasks";

const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => {
    if (v === undefined) {
        return fallback;
    }
    if (!allowed.includes(v as T)) {
        throw new ControlError(400, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    }
    return v as T;
};

/**
 * Answers a CDN control route (`path` without the `/_emulator/` prefix), or returns undefined when `path` is not one.
 *
 * @example
 * await cdnControlRoute(store, "POST", "tasks", async () => ({ urls: ["https://a.com/x"] })); // { taskId: "..." }
 */
export async function cdnControlRoute(store: TaskStore, method: string, path: string,
    body: () => Promise<unknown>): Promise<unknown> {
    const task = /^tasks\/([^/]+)\/(complete|vanish)$/.exec(path);
    if (method === "GET" && path === "tasks") {
        return { tasks: store.allRecords() };
    } else if (method === "GET" && path === "tasks/saved") {
        return { tasks: store.savedTasks() };
    } else if (method === "POST" && path === "tasks/restore") {
        const tasks = parseSavedTasks(await body());
        store.restore(tasks);
        return { restored: tasks.length };
    } else if (method === "POST" && path === "tasks") {
        const b = (await body()) as Record<string, unknown> | null;
        const urls = b?.urls;
        if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === "string")) {
            throw new ControlError(400, "urls must be a non-empty list of strings");
        }
        const taskId = store.submit({
            purgeType: pick(b?.purgeType, ["url", "path"] as const, "url"),
            flushType: pick(b?.flushType, ["flush", "delete"] as const, "flush"),
            area: pick(b?.area, ["mainland", "overseas", "global"] as const, "mainland"),
            urls: urls as string[],
        });
        return { taskId };
    } else if (method === "POST" && task) {
        const taskId = decodeURIComponent(task[1]);
        const status = ((await body()) as { status?: unknown } | null)?.status ?? "done";
        if (task[2] === "complete" && status !== "done" && status !== "fail") {
            throw new ControlError(400, "status must be done or fail");
        }
        const found = task[2] === "complete" ? store.complete(taskId, status as "done" | "fail") : store.vanish(taskId);
        if (!found) {
            throw new ControlError(404, `no task ${taskId}`);
        }
        return { taskId, ok: true };
    } else if (path === "retention" && (method === "GET" || method === "POST")) {
        if (method === "POST") {
            const ms = ((await body()) as { retentionMs?: unknown } | null)?.retentionMs;
            if (!(ms === null || (typeof ms === "number" && Number.isFinite(ms) && ms >= 0))) {
                throw new ControlError(400, "retentionMs must be a number of milliseconds >= 0, or null to keep records");
            }
            store.setRetention(ms ?? undefined);
        }
        return { retentionMs: store.retention ?? null };
    } else if (path === "listing-lag" && (method === "GET" || method === "POST")) {
        if (method === "POST") {
            const ms = ((await body()) as { visibleAfterMs?: unknown } | null)?.visibleAfterMs;
            if (!(typeof ms === "number" && Number.isFinite(ms) && ms >= 0)) {
                throw new ControlError(400, "visibleAfterMs must be a number of milliseconds >= 0");
            }
            store.setVisibleAfter(ms);
        }
        return { visibleAfterMs: store.visibleAfter };
    }
    return undefined;
}
