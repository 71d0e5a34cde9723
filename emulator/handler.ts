/**
 * The API request pipeline, the same for every service: body, service, faults (answered in the service's shapes),
 * action, signature, version, action, rate limit, parameters, required fields, the service's action, answer.
 */
import * as http from "http";
import { randomUUID } from "crypto";
import { actionParams, ApiRequest, readApiRequest } from "./apiRequest";
import { EmulatorCredential, parseAuthorization, verifyRequest, verifyV1Request } from "./auth";
import { ApiError, CORE_ERROR_CODES } from "./errors";
import { applyFault } from "./faultResponse";
import { FaultInjector } from "./faults";
import { errorEnvelope, okEnvelope, readBody, sendJson } from "./httpIo";
import { routeService, Service, ServiceSpec } from "./services";
import { SlidingWindowLimit } from "./slidingWindow";
import { EmulatorStats } from "./stats";
import { StsContext } from "./stsActions";

/** Everything a request may touch. */
export interface EmulatorContext extends StsContext {
    /** The services served, the default one (for a request that names none) first. */
    readonly services: readonly Service[];
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

/** Checks the request's signature, whichever family it uses. */
function authenticate(ctx: EmulatorContext, request: ApiRequest): void {
    const credentials = [...ctx.credentials, ...ctx.temporaryCredentials.all()];
    const now = ctx.authClock();
    switch (request.signing) {
        case "tc3":
            verifyRequest(request, credentials, now, ctx.services.map((s) => s.name));
            return;
        case "v1":
            verifyV1Request({ ...request, params: request.flat }, credentials, now);
            return;
        case "none":
            throw new ApiError(CORE_ERROR_CODES.invalidAuthorization,
                "The request is not signed: send a TC3-HMAC-SHA256 Authorization header or the v1 signature parameters.");
    }
}

function checkRequired(service: ServiceSpec, action: string, params: Readonly<Record<string, unknown>>): void {
    const missing = (service.requiredParams[action] ?? []).find((name) => params[name] === undefined || params[name] === null);
    if (missing !== undefined) {
        throw new ApiError(CORE_ERROR_CODES.missingParameter, `The request is missing the required parameter ${missing}.`);
    }
}

/** The service a request is for (see {@link routeService}). */
function serviceOf(ctx: EmulatorContext, request: ApiRequest): Service {
    const scopeService = request.signing === "tc3" ? parseAuthorization(String(request.headers.authorization))?.service : undefined;
    return routeService(ctx.services, { scopeService, host: request.host, version: request.version });
}

/** Runs the checks and the action; returns the answer body or throws an ApiError. */
function answer(ctx: EmulatorContext, request: ApiRequest, service: Service): Record<string, unknown> {
    const { action, version } = request;
    if (!action) {
        throw new ApiError(CORE_ERROR_CODES.missingParameter, "The Action parameter (X-TC-Action header) is missing.");
    }
    if (!service.unsignedActions.includes(action)) {
        authenticate(ctx, request);
    }
    if (version !== service.version) {
        throw new ApiError(CORE_ERROR_CODES.noSuchVersion, `The API version '${version}' does not exist; use ${service.version}.`);
    }
    if (!service.actions.includes(action)) {
        throw new ApiError(CORE_ERROR_CODES.invalidAction, `The action '${action}' is not supported by this emulator.`);
    }
    // Each service's actions have their own 20/s: EdgeOne's DescribePurgeTasks does not share CDN's window.
    if (!ctx.limiter.tryAcquire(`${service.name}:${action}`)) {
        throw new ApiError(service.throttleCode(action), "Too many requests, please try again later.");
    }
    const params = actionParams(request, service.paramKinds);
    checkRequired(service, action, params);
    return service.run(action, params);
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
    const service = serviceOf(ctx, request);
    ctx.stats.countRequest(action || "(none)");
    let code: string | undefined;
    const fault = ctx.faults.take(action);
    const outcome = fault ? await applyFault(fault, service, action, req, res, requestId) : { handled: false as const };
    if (fault) {
        ctx.stats.countFault();
    }
    if (outcome.handled) {
        code = outcome.code;
    } else if (tooLarge) {
        code = CORE_ERROR_CODES.invalidParameter;
        sendJson(res, 413, errorEnvelope(code, `The request body is larger than ${ctx.maxBodyBytes} bytes.`, requestId));
    } else {
        let envelope: Record<string, unknown>;
        try {
            envelope = okEnvelope(answer(ctx, request, service), requestId);
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
        ctx.stats.countError(code, code === CORE_ERROR_CODES.requestLimitExceeded || code === service.throttleCode(action));
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
