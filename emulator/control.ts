/**
 * The control API under `/_emulator/`, for tests and demos in another process. It is unsigned: the emulator
 * listens on loopback by default, and the API can be turned off with `controlApi: false`.
 *
 * - `GET  /_emulator/stats`                   request statistics
 * - `GET  /_emulator/tasks`                   every record with its current status (hidden ones flagged)
 * - `GET  /_emulator/faults`                  pending fault rules
 * - `POST /_emulator/faults`                  add a rule or a list of rules (JSON body)
 * - `DELETE /_emulator/faults`                drop pending rules
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
 * - `POST /_emulator/reset`                   forget tasks, quota use, faults, statistics, rate windows, STS credentials
 * - `/_emulator/teo/...`                       EdgeOne's jobs and target outcomes (see teoControl.ts)
 */
import * as http from "http";
import { EmulatorContext } from "./handler";
import { parseFaultRule } from "./faults";
import { readBody, sendJson } from "./httpIo";
import { ControlError } from "./controlError";
import { teoControlRoute } from "./teoControl";
import { parseSavedTasks } from "./savedTasks";

/**
 * The path prefix of the control API.
 *
 * @example
 * await fetch(`${emu.url}${CONTROL_PREFIX}stats`);
 */
export const CONTROL_PREFIX = "/_emulator/";


async function jsonBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
    const { body, tooLarge } = await readBody(req, maxBytes);
    if (tooLarge) {
        throw new ControlError(413, "body too large");
    }
    try {
        return body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch {
        throw new ControlError(400, "body is not JSON");
    }
}

async function route(ctx: EmulatorContext, reset: () => void, req: http.IncomingMessage): Promise<unknown> {
    const path = (req.url ?? "").split("?")[0].slice(CONTROL_PREFIX.length).replace(/\/+$/, "");
    const method = req.method ?? "GET";
    const task = /^tasks\/([^/]+)\/(complete|vanish)$/.exec(path);
    if (path.startsWith("teo/")) {
        const answer = await teoControlRoute(ctx, method, path, () => jsonBody(req, ctx.maxBodyBytes));
        if (answer !== undefined) {
            return answer;
        }
    }
    if (method === "GET" && path === "stats") {
        return ctx.stats.snapshot();
    } else if (method === "GET" && path === "tasks") {
        return { tasks: ctx.store.allRecords() };
    } else if (method === "GET" && path === "tasks/saved") {
        return { tasks: ctx.store.savedTasks() };
    } else if (method === "POST" && path === "tasks/restore") {
        const tasks = parseSavedTasks(await jsonBody(req, ctx.maxBodyBytes));
        ctx.store.restore(tasks);
        return { restored: tasks.length };
    } else if (method === "GET" && path === "faults") {
        return { faults: ctx.faults.pending() };
    } else if (method === "POST" && path === "faults") {
        const value = await jsonBody(req, ctx.maxBodyBytes);
        try {
            const rules = (Array.isArray(value) ? value : [value]).map(parseFaultRule);
            ctx.faults.add(rules);
        } catch (e) {
            throw new ControlError(400, (e as Error).message);
        }
        return { faults: ctx.faults.pending() };
    } else if (method === "DELETE" && path === "faults") {
        ctx.faults.clear();
        return { faults: [] };
    } else if (method === "POST" && path === "tasks") {
        const b = (await jsonBody(req, ctx.maxBodyBytes)) as Record<string, unknown> | null;
        const urls = b?.urls;
        if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === "string")) {
            throw new ControlError(400, "urls must be a non-empty list of strings");
        }
        const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => {
            if (v === undefined) {
                return fallback;
            }
            if (!allowed.includes(v as T)) {
                throw new ControlError(400, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
            }
            return v as T;
        };
        const taskId = ctx.store.submit({
            purgeType: pick(b?.purgeType, ["url", "path"] as const, "url"),
            flushType: pick(b?.flushType, ["flush", "delete"] as const, "flush"),
            area: pick(b?.area, ["mainland", "overseas", "global"] as const, "mainland"),
            urls: urls as string[],
        });
        return { taskId };
    } else if (method === "POST" && task) {
        const taskId = decodeURIComponent(task[1]);
        const status = ((await jsonBody(req, ctx.maxBodyBytes)) as { status?: unknown } | null)?.status ?? "done";
        if (task[2] === "complete" && status !== "done" && status !== "fail") {
            throw new ControlError(400, "status must be done or fail");
        }
        const found = task[2] === "complete"
            ? ctx.store.complete(taskId, status as "done" | "fail")
            : ctx.store.vanish(taskId);
        if (!found) {
            throw new ControlError(404, `no task ${taskId}`);
        }
        return { taskId, ok: true };
    } else if (path === "retention" && (method === "GET" || method === "POST")) {
        if (method === "POST") {
            const ms = ((await jsonBody(req, ctx.maxBodyBytes)) as { retentionMs?: unknown } | null)?.retentionMs;
            if (!(ms === null || (typeof ms === "number" && Number.isFinite(ms) && ms >= 0))) {
                throw new ControlError(400, "retentionMs must be a number of milliseconds >= 0, or null to keep records");
            }
            ctx.store.setRetention(ms ?? undefined);
        }
        return { retentionMs: ctx.store.retention ?? null };
    } else if (path === "listing-lag" && (method === "GET" || method === "POST")) {
        if (method === "POST") {
            const ms = ((await jsonBody(req, ctx.maxBodyBytes)) as { visibleAfterMs?: unknown } | null)?.visibleAfterMs;
            if (!(typeof ms === "number" && Number.isFinite(ms) && ms >= 0)) {
                throw new ControlError(400, "visibleAfterMs must be a number of milliseconds >= 0");
            }
            ctx.store.setVisibleAfter(ms);
        }
        return { visibleAfterMs: ctx.store.visibleAfter };
    } else if (method === "POST" && path === "reset") {
        reset();
        return { ok: true };
    }
    throw new ControlError(404, `no control route ${method} ${CONTROL_PREFIX}${path}`);
}

/**
 * Serves one control API request.
 *
 * @example
 * if (req.url?.startsWith(CONTROL_PREFIX)) await handleControlRequest(ctx, () => emulator.reset(), req, res);
 */
export async function handleControlRequest(ctx: EmulatorContext, reset: () => void, req: http.IncomingMessage,
    res: http.ServerResponse): Promise<void> {
    try {
        sendJson(res, 200, await route(ctx, reset, req));
    } catch (e) {
        const status = e instanceof ControlError ? e.status : 500;
        sendJson(res, status, { error: (e as Error).message });
    }
}
