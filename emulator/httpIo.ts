/**
 * HTTP plumbing: reading a bounded request body and writing JSON answers in the API's envelope.
 */
import * as http from "http";

/** A request body, or the fact that it was larger than allowed (the rest was read and dropped). */
export interface BodyResult {
    readonly body: Buffer;
    readonly tooLarge: boolean;
}

/**
 * Reads the whole body, keeping at most `maxBytes`; an oversized body is drained so the answer can still be sent.
 *
 * @example
 * const { body, tooLarge } = await readBody(req, 1024 * 1024);
 */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<BodyResult> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxBytes) {
                chunks.push(chunk);
            }
        });
        const done = (): void => resolve({ body: Buffer.concat(chunks), tooLarge: size > maxBytes });
        req.on("end", done);
        req.on("close", done);
        req.on("error", reject);
    });
}

/**
 * Writes a JSON answer.
 *
 * @example
 * sendJson(res, 200, { ok: true });
 */
export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
    const text = JSON.stringify(value);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
}

/**
 * Writes a raw answer with the given content type.
 *
 * @example
 * sendText(res, 502, "text/html", "<html>Bad Gateway</html>");
 */
export function sendText(res: http.ServerResponse, status: number, contentType: string, text: string): void {
    res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
    res.end(text);
}

/**
 * The API's success envelope: `{"Response": {...body, "RequestId"}}`.
 *
 * @example
 * okEnvelope({ TaskId: "1" }, requestId); // { Response: { TaskId: "1", RequestId: requestId } }
 */
export function okEnvelope(body: Readonly<Record<string, unknown>>,
    requestId: string): { Response: Record<string, unknown> } {
    return { Response: { ...body, RequestId: requestId } };
}

/**
 * The API's error envelope: `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`.
 *
 * @example
 * errorEnvelope("InvalidAction", "No such action", requestId);
 */
export function errorEnvelope(code: string, message: string, requestId: string): { Response: Record<string, unknown> } {
    return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
}
