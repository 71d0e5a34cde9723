/**
 * A stand-in for the CVM instance metadata service, for instance-role tests: a real HTTP server answering
 * `GET /latest/meta-data/cam/security-credentials/<role>` as the real service does, with temporary
 * credentials the emulator issues (so they sign CDN calls until they expire).
 */
import * as http from "http";
import { AddressInfo } from "net";
import { RunningEmulator } from "../../emulator";

/** A started metadata server. */
export interface MetadataServer {
    /** `http://127.0.0.1:PORT`, for `metadataEndpoint`. */
    readonly url: string;
    /** Roles asked for, in order. */
    readonly requests: string[];
    close(): Promise<void>;
}

/**
 * Serves `roleName`'s credentials, each living `lifetimeSeconds`; any other role answers 404.
 *
 * @example
 * const md = await startMetadataServer(emu, "deploy-role", 3600);
 */
export async function startMetadataServer(emu: RunningEmulator, roleName: string, lifetimeSeconds: number): Promise<MetadataServer> {
    const requests: string[] = [];
    const prefix = "/latest/meta-data/cam/security-credentials/";
    const server = http.createServer((req, res) => {
        const role = decodeURIComponent((req.url ?? "").startsWith(prefix) ? req.url!.slice(prefix.length) : "");
        requests.push(role);
        if (req.method !== "GET" || role !== roleName) {
            res.writeHead(404).end("Not Found");
            return;
        }
        const c = emu.temporaryCredentials.issue(`qcs::cam::uin/100000000001:roleName/${roleName}`, "cvm", lifetimeSeconds, Date.now());
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
            TmpSecretId: c.secretId, TmpSecretKey: c.secretKey, Token: c.token,
            ExpiredTime: Math.floor(c.expiresAtMs / 1000), Expiration: new Date(c.expiresAtMs).toISOString(), Code: "Success",
        }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
