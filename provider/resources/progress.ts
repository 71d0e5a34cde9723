/**
 * Progress of a wait, shown while `pulumi up` runs. The engine's address is the provider host's first
 * argument; a Log request with the resource's URN and `ephemeral` set updates that resource's own status line
 * in the display ("creating (12s) 3/5 done, next check in 2 s"). Without a URN or an engine, one line goes to
 * standard error, which the engine shows as a diagnostic of the update.
 */
import * as path from "path";
import { WaitProgress } from "../wait";

interface EngineLog {
    log(message: string, urn: string): void;
}

let engine: EngineLog | null | undefined;

/** The engine's Log RPC, or null outside a provider host. Loaded once, from @pulumi/pulumi's own copies. */
function engineLog(): EngineLog | null {
    if (engine !== undefined) {
        return engine;
    }
    engine = null;
    const address = process.argv.slice(2).find((a) => !a.startsWith("-"));
    if (!address || !/:\d+$/.test(address)) {
        return engine;
    }
    try {
        const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
        const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
        const rpc = require(path.join(pulumiDir, "proto", "engine_grpc_pb"));
        const proto = require(path.join(pulumiDir, "proto", "engine_pb"));
        const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
        engine = {
            log(message, urn) {
                const req = new proto.LogRequest();
                req.setSeverity(proto.LogSeverity.INFO);
                req.setMessage(message);
                req.setUrn(urn);
                req.setEphemeral(true);
                // Progress is best effort: a lost line must never disturb the wait.
                client.log(req, () => undefined);
            },
        };
    } catch {
        engine = null;
    }
    return engine;
}

/**
 * One line of progress, e.g. `3/5 done, 2 pending, 0 failed after 12 s, next check in 2 s`.
 *
 * @example
 * formatProgress({ done: 3, failed: 0, pending: 2, total: 5, attempt: 4, nextCheckInMs: 2000, elapsedMs: 12000 });
 */
export function formatProgress(p: WaitProgress): string {
    const next = p.nextCheckInMs === null ? "" : `, next check in ${Math.round(p.nextCheckInMs / 100) / 10} s`;
    return `${p.done}/${p.total} done, ${p.pending} pending, ${p.failed} failed after ${Math.round(p.elapsedMs / 1000)} s${next}`;
}

/**
 * Shows progress of the wait named `label` on the resource `urn` (or on standard error without one).
 *
 * @example
 * reportProgress("purge task 1533", progress, "urn:pulumi:dev::site::pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge::site");
 */
export function reportProgress(label: string, p: WaitProgress, urn?: string): void {
    reportLine(`${label}: ${formatProgress(p)}`, urn);
}

/**
 * Shows one line on the resource's own line in `pulumi up` (on stderr when there is no engine to show it).
 *
 * @example
 * reportLine("purge task 1533 is no longer listed by the API; purging again", inputs.resourceUrn);
 */
export function reportLine(line: string, urn?: string): void {
    const log = urn ? engineLog() : null;
    if (log && urn) {
        log.log(line, urn);
    } else {
        process.stderr.write(`${line}\n`);
    }
}
