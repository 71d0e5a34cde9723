/**
 * Helpers for talking to a running emulator: an official SDK client pointed at it, and hand-signed raw requests
 * (for checks the SDK cannot make, such as an old timestamp or a broken body).
 */
import * as http from "http";
import { cdn } from "tencentcloud-sdk-nodejs/tencentcloud/services/cdn";
import { teo } from "tencentcloud-sdk-nodejs/tencentcloud/services/teo";
import { EmulatorCredential } from "./auth";
import { authorizationHeader } from "./tc3Signature";
import { API_VERSION } from "./services";

/** Where an emulator listens (a {@link RunningEmulator} fits). */
export interface EmulatorAddress {
    readonly host: string;
    readonly port: number;
    readonly endpoint: string;
    readonly credentials: readonly EmulatorCredential[];
}

/** The official SDK's CDN client type. */
export type CdnClient = InstanceType<typeof cdn.v20180606.Client>;

/** How {@link emulatorClient} builds its client; everything defaults to the SDK's own defaults. */
export interface EmulatorClientOptions {
    readonly credential?: EmulatorCredential;
    /** Seconds; default 5. */
    readonly reqTimeout?: number;
    /** `POST` (the SDK's default, JSON body) or `GET` (parameters in the query string). */
    readonly reqMethod?: "POST" | "GET";
    /** `TC3-HMAC-SHA256` (the SDK's default) or a v1 method, `HmacSHA1` / `HmacSHA256`. */
    readonly signMethod?: "TC3-HMAC-SHA256" | "HmacSHA1" | "HmacSHA256";
}

/**
 * An official SDK client for the emulator, with a plain `http.Agent` so `http_proxy` is not used.
 *
 * @example
 * const client = emulatorClient(emu);
 * const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://www.example.com/a.png"] });
 * const v1 = emulatorClient(emu, { signMethod: "HmacSHA256", reqMethod: "GET" });
 */
export function emulatorClient(emu: EmulatorAddress, options: EmulatorClientOptions = {}): CdnClient {
    const c = options.credential ?? emu.credentials[0];
    return new cdn.v20180606.Client({
        credential: { secretId: c.secretId, secretKey: c.secretKey, token: c.token },
        region: "",
        profile: {
            // Left out when unset: the SDK copies an undefined reqMethod over its own default.
            ...(options.signMethod ? { signMethod: options.signMethod } : {}),
            httpProfile: {
                endpoint: emu.endpoint, protocol: "http://", reqTimeout: options.reqTimeout ?? 5, agent: new http.Agent(),
                ...(options.reqMethod ? { reqMethod: options.reqMethod } : {}),
            },
        },
    });
}

/** The official SDK's EdgeOne client type. */
export type TeoClient = InstanceType<typeof teo.v20220901.Client>;

/**
 * An official SDK EdgeOne (`teo`) client for the emulator, on the same address as the CDN one.
 *
 * @example
 * const { JobId } = await emulatorTeoClient(emu).CreatePurgeTask({ ZoneId: "zone-2noz78a8ev6k", Type: "purge_url",
 *     Targets: ["https://www.example.com/a.png"] });
 */
export function emulatorTeoClient(emu: EmulatorAddress, options: Pick<EmulatorClientOptions, "credential" | "reqTimeout"> = {}): TeoClient {
    const c = options.credential ?? emu.credentials[0];
    return new teo.v20220901.Client({
        credential: { secretId: c.secretId, secretKey: c.secretKey, token: c.token },
        region: "",
        profile: { httpProfile: { endpoint: emu.endpoint, protocol: "http://", reqTimeout: options.reqTimeout ?? 5, agent: new http.Agent() } },
    });
}

/** How {@link signedRequest} should build its request; everything defaults to what the SDK sends. */
export interface RawRequestOptions {
    readonly credential?: EmulatorCredential;
    /** Unix seconds; default now. */
    readonly timestamp?: number;
    readonly version?: string;
    /** Override the Authorization header (e.g. to send a malformed one). */
    readonly authorization?: string;
    readonly contentType?: string;
    readonly service?: string;
}

/** The answer of a raw request. */
export interface RawAnswer {
    readonly status: number;
    readonly text: string;
    /** The parsed JSON body, or undefined when it is not JSON. */
    readonly json: any;
}

/**
 * Sends a request signed by hand (TC3-HMAC-SHA256) and returns the raw answer.
 *
 * @example
 * const old = Math.floor(Date.now() / 1000) - 3600;
 * (await signedRequest(emu, "DescribePurgeQuota", "{}", { timestamp: old })).json.Response.Error.Code;
 * // "AuthFailure.SignatureExpire"
 */
export function signedRequest(emu: EmulatorAddress, action: string, body: string | Buffer,
    options: RawRequestOptions = {}): Promise<RawAnswer> {
    const c = options.credential ?? emu.credentials[0];
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const contentType = options.contentType ?? "application/json";
    const authorization = options.authorization ?? authorizationHeader(c.secretId, {
        secretKey: c.secretKey, service: options.service ?? "cdn", timestamp, payload: body, contentType, host: emu.host,
    });
    const headers: http.OutgoingHttpHeaders = {
        "Content-Type": contentType, Authorization: authorization, "X-TC-Action": action,
        "X-TC-Version": options.version ?? API_VERSION, "X-TC-Timestamp": String(timestamp),
        ...(c.token !== undefined ? { "X-TC-Token": c.token } : {}),
    };
    return rawRequest(emu, "POST", "/", body, headers);
}

/**
 * Sends any HTTP request to the emulator (control API, health check, unsigned junk).
 *
 * @example
 * (await rawRequest(emu, "GET", "/_emulator/stats")).json.requests;
 */
export function rawRequest(emu: EmulatorAddress, method: string, path: string, body?: string | Buffer,
    headers: http.OutgoingHttpHeaders = {}): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
        const options = { host: emu.host, port: emu.port, method, path, headers, agent: new http.Agent() };
        const req = http.request(options, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
                const text = Buffer.concat(chunks).toString("utf8");
                let json: unknown;
                try { json = JSON.parse(text); } catch { json = undefined; }
                resolve({ status: res.statusCode ?? 0, text, json });
            });
        });
        req.on("error", reject);
        req.end(body);
    });
}
