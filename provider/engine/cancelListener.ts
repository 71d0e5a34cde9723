/**
 * Hearing the engine's Cancel in Pulumi's Node.js dynamic-provider host.
 *
 * On the first Ctrl-C the engine sends a Cancel request to every provider and lets running operations finish.
 * Pulumi's dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`, up to at least 3.248) answers that
 * request itself and tells no dynamic provider, so a wait would run on to its deadline. The request does arrive
 * on the host's own HTTP/2 server in this process, though: this module finds that server and listens, beside
 * the host's gRPC handler, for requests to the Cancel method. It only reads the request's path; the host still
 * answers it. No library offers this (the host exposes neither its server nor a cancel hook), hence the code.
 *
 * If the server cannot be found (another Node.js or Pulumi version), nothing is installed and waits end at their
 * own deadline, as before.
 */
import * as path from "path";

/** The gRPC path of the provider protocol's Cancel method. */
const CANCEL_PATH = "/pulumirpc.ResourceProvider/Cancel";

interface Http2ServerLike {
    on(event: "stream", listener: (stream: unknown, headers: Record<string, unknown>) => void): void;
    listenerCount(event: string): number;
}

let listening = false;

/**
 * True when this process is Pulumi's Node.js dynamic-provider host.
 *
 * @example
 * if (inDynamicProviderHost()) listenForEngineCancel(cancelHostOperations);
 */
export function inDynamicProviderHost(): boolean {
    const main = require.main?.filename ?? "";
    return main.split(path.sep).join("/").endsWith("/cmd/dynamic-provider/index.js");
}

/** The process's HTTP/2 servers that serve requests (the host's gRPC server is one). */
function http2Servers(): Http2ServerLike[] {
    const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
    return handles.filter((h): h is Http2ServerLike => typeof (h as Http2ServerLike)?.listenerCount === "function" &&
        typeof (h as Http2ServerLike).on === "function" && (h as Http2ServerLike).listenerCount("stream") > 0);
}

/**
 * Calls `onCancel` whenever the engine sends Cancel to this dynamic-provider host. Installs once; returns
 * whether it is listening.
 *
 * @example
 * if (inDynamicProviderHost()) listenForEngineCancel(cancelHostOperations);
 */
export function listenForEngineCancel(onCancel: () => void): boolean {
    if (listening) {
        return true;
    }
    for (const server of http2Servers()) {
        server.on("stream", (_stream, headers) => {
            if (headers[":path"] === CANCEL_PATH) {
                onCancel();
            }
        });
        listening = true;
    }
    return listening;
}
