/**
 * Turns a fault rule into what goes over the wire: an error envelope, an HTML error page, a broken body,
 * a dropped connection, or a delay before the normal answer.
 */
import * as http from "http";
import { ERROR_CODES } from "./errors";
import { FaultRule } from "./faults";
import { TEO_API_VERSION } from "./services";
import { errorEnvelope, okEnvelope, sendJson, sendText } from "./httpIo";

/** What the server should do after a fault was applied. */
export type FaultOutcome =
    | { readonly handled: true; readonly code?: string }
    | { readonly handled: false; readonly answerAfterMs?: number };

const STATUS_TEXT: Readonly<Record<number, string>> = {
    500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

/** The answer body with every field null, shaped like the action's real answer (EdgeOne's by its version). */
function nullAnswer(action: string, version: string, nullList: boolean): Record<string, unknown> {
    if (version === TEO_API_VERSION && action === "DescribePurgeTasks") {
        const task = { JobId: null, Target: null, Type: null, Method: null, Status: null, CreateTime: null, UpdateTime: null,
            FailType: null, FailMessage: null };
        return { Tasks: nullList ? null : [task], TotalCount: null };
    }
    switch (action) {
        case "DescribePurgeTasks": {
            const record = { TaskId: null, Url: null, Status: null, PurgeType: null, FlushType: null, CreateTime: null };
            return { PurgeLogs: nullList ? null : [record], TotalCount: null };
        }
        case "DescribePurgeQuota": {
            const quota = [{ Batch: null, Total: null, Available: null, Area: null }];
            return { UrlPurge: nullList ? null : quota, PathPurge: nullList ? null : quota };
        }
        default:
            return { TaskId: null };
    }
}

/**
 * Applies a fault to a request; `slow` waits and then lets the request go on (`handled: false`), `late` lets it go
 * on at once and says how long to hold its answer.
 *
 * @example
 * const outcome = await applyFault({ kind: "http", status: 503 }, "DescribePurgeTasks", "2018-06-06", req, res, requestId);
 */
export async function applyFault(rule: FaultRule, action: string, version: string, req: http.IncomingMessage,
    res: http.ServerResponse, requestId: string): Promise<FaultOutcome> {
    switch (rule.kind) {
        case "slow":
            await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 1000));
            return { handled: false };
        case "late":
            return { handled: false, answerAfterMs: rule.delayMs ?? 1000 };
        case "hang":
            // Held until the client closes the connection; the action never runs.
            await new Promise((resolve) => (req.socket.destroyed ? resolve(undefined) : req.socket.once("close", resolve)));
            return { handled: true, code: "hang" };
        case "throttle": {
            const code = action === "DescribePurgeTasks" ? ERROR_CODES.operationTooOften : ERROR_CODES.requestLimitExceeded;
            sendJson(res, 200, errorEnvelope(code, rule.message ?? "Too many requests, please try again later.", requestId));
            return { handled: true, code };
        }
        case "apiError": {
            const code = rule.code ?? "InternalError";
            sendJson(res, 200, errorEnvelope(code, rule.message ?? `Injected error ${code}.`, requestId));
            return { handled: true, code };
        }
        case "http": {
            const status = rule.status ?? 502;
            const text = `${status} ${STATUS_TEXT[status] ?? "Error"}`;
            sendText(res, status, "text/html",
                `<html><head><title>${text}</title></head><body><center><h1>${text}</h1></center></body></html>\n`);
            return { handled: true, code: `HTTP ${status}` };
        }
        case "reset":
            req.socket.destroy();
            return { handled: true, code: "reset" };
        case "badJson":
            sendText(res, 200, "application/json", `{"Response": {"RequestId": "${requestId}", "PurgeLogs": [`);
            return { handled: true, code: "badJson" };
        case "emptyJson":
            sendJson(res, 200, {});
            return { handled: true, code: "emptyJson" };
        case "nullFields":
        case "nullList":
            sendJson(res, 200, okEnvelope(nullAnswer(action, version, rule.kind === "nullList"), requestId));
            return { handled: true };
    }
}
