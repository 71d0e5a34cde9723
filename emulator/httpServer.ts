/**
 * The emulator's HTTP server, whatever products it serves: the services' APIs on `/` (POST or GET, TC3-HMAC-SHA256
 * or v1 signed, as the official clients send them), STS among them, plus `GET /healthz` and the optional control
 * API under `/_emulator/`.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { EmulatorCredential } from "./auth";
import { CONTROL_PREFIX, handleControlRequest } from "./control";
import { FaultInjector } from "./faults";
import { EmulatorContext, handleApiRequest } from "./handler";
import { sendText } from "./httpIo";
import { Service } from "./services";
import { SlidingWindowLimit } from "./slidingWindow";
import { EmulatorStats } from "./stats";
import { EMULATOR_ROLE_ARN, EMULATOR_WEB_IDENTITY, StsOptions, WebIdentity } from "./stsActions";
import { stsService } from "./stsService";
import { TemporaryCredentials } from "./temporaryCredentials";

/**
 * The key pair the emulator accepts unless told otherwise. Not a secret: it only opens the local emulator.
 *
 * @example
 * new cdn.v20180606.Client({ credential: EMULATOR_CREDENTIALS, region: "", profile: { ... } });
 */
export const EMULATOR_CREDENTIALS: EmulatorCredential = Object.freeze({
    secretId: "AKIDemulator0000000000000000000000",
    secretKey: "emulator-secret-key-do-not-use",
});

/** Options of {@link startServer}; all optional. */
export interface ServerOptions extends StsOptions {
    /** Interface to listen on. Default `127.0.0.1` (loopback only). */
    readonly host?: string;
    /** Port; default 0 (any free port). */
    readonly port?: number;
    /** Accepted key pairs. Default `[EMULATOR_CREDENTIALS]`. */
    readonly credentials?: readonly EmulatorCredential[];
    /** Requests per action in any 1-second window. Default 20. */
    readonly rateLimitPerSecond?: number;
    /** Largest accepted body. Default 1 MiB. */
    readonly maxBodyBytes?: number;
    /** Serve `/_emulator/`. Default true. */
    readonly controlApi?: boolean;
    /**
     * The clock request timestamps are checked against (300 s), and temporary credentials expire by. Default
     * `Date.now`, not `now`: the SDK signs with the wall clock, so tests may move `now` by hours without their
     * requests expiring.
     */
    readonly authClock?: () => number;
    /** Receives one line per request. Default: no logging. */
    readonly log?: (line: string) => void;
    /** The clock rate windows run by, in epoch milliseconds. Default `Date.now`. */
    readonly now?: () => number;
}

/** A started server. */
export interface RunningServer {
    /** `http://127.0.0.1:PORT` */
    readonly url: string;
    readonly host: string;
    readonly port: number;
    /** `127.0.0.1:PORT`, for the SDK's `httpProfile.endpoint` (with `protocol: "http://"`). */
    readonly endpoint: string;
    readonly credentials: readonly EmulatorCredential[];
    readonly faults: FaultInjector;
    readonly stats: EmulatorStats;
    /** Roles STS `AssumeRole` may assume. */
    readonly roleArns: readonly string[];
    /** What STS `AssumeRoleWithWebIdentity` accepts. */
    readonly webIdentity: WebIdentity;
    /** Credentials STS issued (they sign requests, with their token, until they expire). */
    readonly temporaryCredentials: TemporaryCredentials;
    /** Forgets tasks, quota use, pending faults, statistics, rate-limit windows and issued credentials. */
    reset(): void;
    /** Stops listening and closes open connections. */
    close(): Promise<void>;
}

/**
 * Starts a server for `products` (the first answers requests that name no known service; STS is served beside
 * them) and resolves once it listens.
 *
 * @example
 * const server = await startServer({ port: 0 }, [cdnProduct({})]);
 * await server.close();
 */
export async function startServer(options: ServerOptions, products: readonly Service[]): Promise<RunningServer> {
    const now = options.now ?? Date.now;
    const authClock = options.authClock ?? Date.now;
    const sts = {
        roleArns: options.roleArns ?? [EMULATOR_ROLE_ARN],
        webIdentity: options.webIdentity ?? EMULATOR_WEB_IDENTITY,
        temporaryCredentialSeconds: options.temporaryCredentialSeconds,
        temporaryCredentials: new TemporaryCredentials(),
    };
    const ctx: EmulatorContext = {
        ...sts,
        services: [...products, stsService(sts, authClock)],
        credentials: options.credentials ?? [EMULATOR_CREDENTIALS],
        faults: new FaultInjector(),
        stats: new EmulatorStats(),
        limiter: new SlidingWindowLimit(options.rateLimitPerSecond ?? 20, now),
        maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
        now,
        authClock,
        log: options.log,
    };
    const reset = (): void => {
        ctx.services.forEach((s) => s.reset());
        ctx.faults.clear();
        ctx.stats.reset();
        ctx.limiter.reset();
    };
    const server = http.createServer((req, res) => {
        const path = (req.url ?? "/").split("?")[0];
        const work = options.controlApi !== false && path.startsWith(CONTROL_PREFIX)
            ? handleControlRequest(ctx, reset, req, res)
            : req.method === "GET" && path === "/healthz"
                ? Promise.resolve(sendText(res, 200, "text/plain", "ok\n"))
                : (req.method === "POST" || req.method === "GET") && path === "/"
                    ? handleApiRequest(ctx, req, res)
                    : Promise.resolve(sendText(res, 404, "text/plain", "not found: the API is POST / or GET /\n"));
        work.catch((e: unknown) => {
            ctx.log?.(`request failed: ${String(e)}`);
            if (!res.headersSent && !res.destroyed) {
                sendText(res, 500, "text/plain", "emulator error\n");
            }
        });
    });
    const host = options.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = (server.address() as AddressInfo).port;
    const hostForUrl = host.includes(":") ? `[${host}]` : host;
    return {
        url: `http://${hostForUrl}:${port}`, host, port, endpoint: `${hostForUrl}:${port}`,
        credentials: ctx.credentials, faults: ctx.faults, stats: ctx.stats,
        roleArns: ctx.roleArns, webIdentity: ctx.webIdentity, temporaryCredentials: ctx.temporaryCredentials, reset,
        close: () => new Promise<void>((resolve, reject) => {
            server.close((e) => (e ? reject(e) : resolve()));
            server.closeAllConnections();
        }),
    };
}
