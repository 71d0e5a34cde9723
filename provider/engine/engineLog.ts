/**
 * Messages from the provider host to the engine. The engine's address is the provider host's first argument;
 * a Log request with a resource's URN shows on that resource: `ephemeral` ones replace its status line
 * ("creating (12s) 3/5 done"), others stay in the update's diagnostics. Without a URN or an engine, the message
 * goes to standard error, which the engine shows as a diagnostic of the update.
 */
import { pulumiModule } from "../base/pulumiModules";

/** How a message is shown. */
export interface EngineMessage {
    readonly severity: "info" | "warning";
    /** Replaces the resource's status line instead of staying in the diagnostics. */
    readonly ephemeral: boolean;
}

interface EngineClient {
    log(message: string, urn: string, how: EngineMessage): void;
}

let engine: EngineClient | null | undefined;
/** Log requests the engine has not answered yet. */
const inFlight = new Set<Promise<void>>();
/** The longest an operation waits for its lines to reach the engine: a line is never worth a stalled update. */
const DELIVERY_WAIT_MS = 2000;

/** The engine's Log RPC, or null outside a provider host. Loaded once, from @pulumi/pulumi's own copies. */
function engineClient(): EngineClient | null {
    if (engine !== undefined) {
        return engine;
    }
    engine = null;
    const address = process.argv.slice(2).find((a) => !a.startsWith("-"));
    if (!address || !/:\d+$/.test(address)) {
        return engine;
    }
    try {
        const grpc = pulumiModule("@grpc/grpc-js");
        const rpc = pulumiModule("proto/engine_grpc_pb");
        const proto = pulumiModule("proto/engine_pb");
        const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
        engine = {
            log(message, urn, how) {
                const req = new proto.LogRequest();
                req.setSeverity(how.severity === "warning" ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
                req.setMessage(message);
                req.setUrn(urn);
                req.setEphemeral(how.ephemeral);
                // Best effort: a lost line must never disturb the operation that sent it.
                const delivered = new Promise<void>((resolve) => client.log(req, () => resolve()));
                inFlight.add(delivered);
                void delivered.then(() => inFlight.delete(delivered));
            },
        };
    } catch {
        engine = null;
    }
    return engine;
}

/**
 * Shows `message` on the resource `urn` (or on standard error without a URN or an engine).
 *
 * @example
 * tellEngine("purge task 1533: 0/2 done", urn, { severity: "info", ephemeral: true });
 */
export function tellEngine(message: string, urn: string | undefined, how: EngineMessage): void {
    const client = urn ? engineClient() : null;
    if (client && urn) {
        client.log(message, urn, how);
    } else {
        process.stderr.write(`${how.severity === "warning" ? "warning: " : ""}${message}\n`);
    }
}

/**
 * Resolves once the engine has answered every message sent so far (or after two seconds). An operation awaits
 * this before it returns: the engine shows a resource's step as finished with the last status line it has, so
 * a final line still on its way would leave the previous one ("0/1 done, 1 pending") on the "created" line.
 *
 * @example
 * reportProgress("purge task 1533", finalProgress, urn); await engineMessagesDelivered(); return outs;
 */
export async function engineMessagesDelivered(): Promise<void> {
    if (inFlight.size === 0) {
        return;
    }
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => { timer = setTimeout(resolve, DELIVERY_WAIT_MS); timer.unref(); });
    await Promise.race([Promise.all([...inFlight]), giveUp]);
    clearTimeout(timer);
}
