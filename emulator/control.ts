/**
 * The control API under `/_emulator/`, for tests and demos in another process. It is unsigned: the emulator
 * listens on loopback by default, and the API can be turned off with `controlApi: false`. The core serves:
 *
 * - `GET  /_emulator/stats`                   request statistics
 * - `GET  /_emulator/faults`                  pending fault rules
 * - `POST /_emulator/faults`                  add a rule or a list of rules (JSON body)
 * - `DELETE /_emulator/faults`                drop pending rules
 * - `POST /_emulator/reset`                   forget tasks, quota use, faults, statistics, rate windows, STS credentials
 *
 * and each service its own routes (the CDN's `tasks`, `retention`, `listing-lag`; EdgeOne's under `teo/`: see
 * each product's control.ts).
 */
import * as http from "http";
import { EmulatorContext } from "./handler";
import { parseFaultRule } from "./faults";
import { readBody, sendJson } from "./httpIo";
import { ControlError } from "./controlError";

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
    const body = () => jsonBody(req, ctx.maxBodyBytes);
    if (method === "GET" && path === "stats") {
        return ctx.stats.snapshot();
    } else if (method === "GET" && path === "faults") {
        return { faults: ctx.faults.pending() };
    } else if (method === "POST" && path === "faults") {
        const value = await body();
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
    } else if (method === "POST" && path === "reset") {
        reset();
        return { ok: true };
    }
    for (const service of ctx.services) {
        const answer = await service.control?.(method, path, body);
        if (answer !== undefined) {
            return answer;
        }
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
