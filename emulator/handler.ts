/**
 * The API request pipeline: body, faults, action, service, signature, version, action, rate limit, parameters,
 * required fields, action, answer.
 */
import * as http from "http";
import { randomUUID } from "crypto";
import { actionParams, ApiRequest, readApiRequest } from "./apiRequest";
import { EmulatorCredential, parseAuthorization, verifyRequest, verifyV1Request } from "./auth";
import { runAction, ActionContext, ActionName } from "./cdnActions";
import { ApiError, ERROR_CODES } from "./errors";
import { applyFault } from "./faultResponse";
import { FaultInjector } from "./faults";
import { errorEnvelope, okEnvelope, readBody, sendJson } from "./httpIo";
import { routeService, SERVICES, ServiceSpec } from "./services";
import { SlidingWindowLimit } from "./slidingWindow";
import { EmulatorStats } from "./stats";
import { runStsAction, StsActionName, StsContext } from "./stsActions";
import { runTeoAction, TeoActionName, TeoContext } from "./teoActions";

/** Everything a request may touch. */
export interface EmulatorContext extends ActionContext, StsContext, TeoContext {
    /** The permanent key pairs; temporary ones come from `temporaryCredentials`. */
    readonly credentials: readonly EmulatorCredential[];
    readonly faults: FaultInjector;
    readonly stats: EmulatorStats;
    readonly limiter: SlidingWindowLimit;
    readonly maxBodyBytes: number;
    readonly now: () => number;
    /** The clock signature timestamps and temporary credentials are checked against. */
    readonly authClock: () => number;
    readonly log?: (line: string) => void;
}

const SERVICE_NAMES = SERVICES.map((s) => s.name);

/** Checks the request's signature, whichever family it uses. */
function authenticate(ctx: EmulatorContext, request: ApiRequest): void {
    const credentials = [...ctx.credentials, ...ctx.temporaryCredentials.all()];
    const now = ctx.authClock();
    switch (request.signing) {
        case "tc3":
            verifyRequest(request, credentials, now, SERVICE_NAMES);
            return;
        case "v1":
            verifyV1Request({ ...request, params: request.flat }, credentials, now);
            return;
        case "none":
            throw new ApiError(ERROR_CODES.invalidAuthorization,
                "The request is not signed: send a TC3-HMAC-SHA256 Authorization header or the v1 signature parameters.");
    }
}

function checkRequired(service: ServiceSpec, action: string, params: Readonly<Record<string, unknown>>): void {
    const missing = (service.requiredParams[action] ?? []).find((name) => params[name] === undefined || params[name] === null);
    if (missing !== undefined) {
        throw new ApiError(ERROR_CODES.missingParameter, `The request is missing the required parameter ${missing}.`);
    }
}

/** Runs the checks and the action; returns the answer body or throws an ApiError. */
function answer(ctx: EmulatorContext, request: ApiRequest): Record<string, unknown> {
    const { action, version } = request;
    if (!action) {
        throw new ApiError(ERROR_CODES.missingParameter, "The Action parameter (X-TC-Action header) is missing.");
    }
    const scopeService = request.signing === "tc3" ? parseAuthorization(String(request.headers.authorization))?.service : undefined;
    const service = routeService({ scopeService, host: request.host, version });
    if (!service.unsignedActions.includes(action)) {
        authenticate(ctx, request);
    }
    if (version !== service.version) {
        throw new ApiError(ERROR_CODES.noSuchVersion, `The API version '${version}' does not exist; use ${service.version}.`);
    }
    if (!service.actions.includes(action)) {
        throw new ApiError(ERROR_CODES.invalidAction, `The action '${action}' is not supported by this emulator.`);
    }
    // Each product's actions have their own 20/s: EdgeOne's DescribePurgeTasks does not share CDN's window.
    if (!ctx.limiter.tryAcquire(service.name === "teo" ? `teo:${action}` : action)) {
        const code = action === "DescribePurgeTasks" && service.name === "cdn" ? ERROR_CODES.operationTooOften : ERROR_CODES.requestLimitExceeded;
        throw new ApiError(code, "Too many requests, please try again later.");
    }
    const params = actionParams(request, service.paramKinds);
    checkRequired(service, action, params);
    // The service's action list was checked above, so the names fit their service's type.
    switch (service.name) {
        case "sts":
            return runStsAction(ctx, action as StsActionName, params, ctx.authClock());
        case "teo":
            return runTeoAction(ctx, action as TeoActionName, params);
        case "cdn":
            return runAction(ctx, action as ActionName, params);
    }
}

/**
 * Serves one API request (POST or GET /) and writes its answer.
 *
 * @example
 * server.on("request", (req, res) => void handleApiRequest(ctx, req, res));
 */
export async function handleApiRequest(ctx: EmulatorContext, req: http.IncomingMessage,
    res: http.ServerResponse): Promise<void> {
    const started = ctx.now();
    const requestId = randomUUID();
    const { body, tooLarge } = await readBody(req, ctx.maxBodyBytes);
    const request = readApiRequest(req, tooLarge ? Buffer.alloc(0) : body);
    const action = request.action;
    ctx.stats.countRequest(action || "(none)");
    let code: string | undefined;
    const fault = ctx.faults.take(action);
    const outcome = fault ? await applyFault(fault, action, request.version, req, res, requestId) : { handled: false as const };
    if (fault) {
        ctx.stats.countFault();
    }
    if (outcome.handled) {
        code = outcome.code;
    } else if (tooLarge) {
        code = ERROR_CODES.invalidParameter;
        sendJson(res, 413, errorEnvelope(code, `The request body is larger than ${ctx.maxBodyBytes} bytes.`, requestId));
    } else {
        let envelope: Record<string, unknown>;
        try {
            envelope = okEnvelope(answer(ctx, request), requestId);
        } catch (e) {
            const error = e instanceof ApiError ? e : new ApiError("InternalError", "Internal error in the emulator.");
            code = error.code;
            envelope = errorEnvelope(error.code, error.message, requestId);
            if (!(e instanceof ApiError)) {
                ctx.log?.(`internal error: ${String(e)}`);
            }
        }
        const holdMs = outcome.answerAfterMs;
        if (holdMs !== undefined) {
            // Done already; the answer comes late, or never when the client gave up first.
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, holdMs);
                req.socket.once("close", () => { clearTimeout(timer); resolve(undefined); });
            });
        }
        if (!res.destroyed && !req.socket.destroyed) {
            sendJson(res, 200, envelope);
        }
    }
    if (code) {
        ctx.stats.countError(code, code === ERROR_CODES.operationTooOften || code === ERROR_CODES.requestLimitExceeded);
    }
    ctx.stats.remember({ time: started, action, params: safeParams(request, tooLarge), code });
    ctx.log?.(`${new Date(started).toISOString()} ${action || "-"} ${code ?? "OK"} ${ctx.now() - started}ms`);
}

/** Parameter names whose values are never remembered: signatures, keys, session and identity tokens. */
const SECRET_PARAM = /token|secret|signature/i;

/** The request's parameters for the statistics, with secrets replaced. */
function safeParams(request: ApiRequest, tooLarge: boolean): unknown {
    if (tooLarge) {
        return "(body too large)";
    }
    let params: Record<string, unknown>;
    try {
        params = actionParams(request, {});
    } catch {
        return "(not JSON)";
    }
    return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, SECRET_PARAM.test(k) ? "(hidden)" : v]));
}
