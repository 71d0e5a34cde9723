/**
 * The API request pipeline: body, faults, signature, version, action, rate limit, JSON, action, answer.
 */
import * as http from "http";
import { randomUUID } from "crypto";
import { isAction, runAction, ActionContext } from "./cdnActions";
import { EmulatorCredential, verifyRequest } from "./auth";
import { ApiError, ERROR_CODES } from "./errors";
import { applyFault } from "./faultResponse";
import { FaultInjector } from "./faults";
import { errorEnvelope, okEnvelope, readBody, sendJson } from "./httpIo";
import { SlidingWindowLimit } from "./slidingWindow";
import { EmulatorStats } from "./stats";

/**
 * The API version the emulator serves (the `X-TC-Version` header); any other answers `NoSuchVersion`.
 *
 * @example
 * new cdn.v20180606.Client(...); // sends X-TC-Version: API_VERSION
 */
export const API_VERSION = "2018-06-06";

/** Everything a request may touch. */
export interface EmulatorContext extends ActionContext {
    readonly credentials: readonly EmulatorCredential[];
    readonly faults: FaultInjector;
    readonly stats: EmulatorStats;
    readonly limiter: SlidingWindowLimit;
    readonly maxBodyBytes: number;
    readonly now: () => number;
    /** The clock signature timestamps are checked against. */
    readonly authClock: () => number;
    readonly log?: (line: string) => void;
}

const header = (req: http.IncomingMessage, name: string): string => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? "";
};

function parseParams(body: Buffer): Record<string, unknown> {
    let value: unknown;
    try {
        value = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch {
        throw new ApiError(ERROR_CODES.invalidParameter, "The request body is not valid JSON.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new ApiError(ERROR_CODES.invalidParameter, "The request body must be a JSON object.");
    }
    return value as Record<string, unknown>;
}

/** Runs the checks and the action; returns the answer body or throws an ApiError. */
function answer(ctx: EmulatorContext, req: http.IncomingMessage, action: string, body: Buffer): Record<string, unknown> {
    if (!action) {
        throw new ApiError(ERROR_CODES.missingParameter, "The X-TC-Action header is missing.");
    }
    const [path, query = ""] = (req.url ?? "/").split("?", 2);
    verifyRequest({ method: req.method ?? "POST", path, query, headers: req.headers, body }, ctx.credentials, ctx.authClock());
    if (header(req, "x-tc-version") !== API_VERSION) {
        throw new ApiError(ERROR_CODES.noSuchVersion,
            `The API version '${header(req, "x-tc-version")}' does not exist; use ${API_VERSION}.`);
    }
    if (!isAction(action)) {
        throw new ApiError(ERROR_CODES.invalidAction, `The action '${action}' is not supported by this emulator.`);
    }
    if (!ctx.limiter.tryAcquire(action)) {
        const code = action === "DescribePurgeTasks" ? ERROR_CODES.operationTooOften : ERROR_CODES.requestLimitExceeded;
        throw new ApiError(code, "Too many requests, please try again later.");
    }
    return runAction(ctx, action, parseParams(body));
}

/**
 * Serves one API request (POST /) and writes its answer.
 *
 * @example
 * server.on("request", (req, res) => void handleApiRequest(ctx, req, res));
 */
export async function handleApiRequest(ctx: EmulatorContext, req: http.IncomingMessage,
    res: http.ServerResponse): Promise<void> {
    const started = ctx.now();
    const requestId = randomUUID();
    const action = header(req, "x-tc-action");
    const { body, tooLarge } = await readBody(req, ctx.maxBodyBytes);
    ctx.stats.countRequest(action || "(none)");
    let code: string | undefined;
    const fault = ctx.faults.take(action);
    const outcome = fault ? await applyFault(fault, action, req, res, requestId) : { handled: false as const };
    if (fault) {
        ctx.stats.countFault();
    }
    if (outcome.handled) {
        code = outcome.code;
    } else if (tooLarge) {
        code = ERROR_CODES.invalidParameter;
        sendJson(res, 413, errorEnvelope(code, `The request body is larger than ${ctx.maxBodyBytes} bytes.`, requestId));
    } else {
        try {
            sendJson(res, 200, okEnvelope(answer(ctx, req, action, body), requestId));
        } catch (e) {
            const error = e instanceof ApiError ? e : new ApiError("InternalError", "Internal error in the emulator.");
            code = error.code;
            sendJson(res, 200, errorEnvelope(error.code, error.message, requestId));
            if (!(e instanceof ApiError)) {
                ctx.log?.(`internal error: ${String(e)}`);
            }
        }
    }
    if (code) {
        ctx.stats.countError(code, code === ERROR_CODES.operationTooOften || code === ERROR_CODES.requestLimitExceeded);
    }
    ctx.stats.remember({ time: started, action, params: safeParams(body, tooLarge), code });
    ctx.log?.(`${new Date(started).toISOString()} ${action || "-"} ${code ?? "OK"} ${ctx.now() - started}ms`);
}

function safeParams(body: Buffer, tooLarge: boolean): unknown {
    if (tooLarge) {
        return "(body too large)";
    }
    try {
        return JSON.parse(body.toString("utf8"));
    } catch {
        return "(not JSON)";
    }
}
