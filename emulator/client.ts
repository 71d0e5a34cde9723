/**
 * Helpers for talking to a running emulator, whatever product: hand-signed raw requests (for checks the SDK
 * cannot make, such as an old timestamp or a broken body) and any other HTTP request. Each product's folder has
 * its official SDK client (`emulatorClient`, `emulatorTeoClient`).
 */
import * as http from "http";
import { EmulatorCredential } from "./auth";
import { ServiceSpec } from "./services";
import { authorizationHeader } from "./tc3Signature";

/** Where an emulator listens (a {@link RunningEmulator} fits). */
export interface EmulatorAddress {
    readonly host: string;
    readonly port: number;
    readonly endpoint: string;
    readonly credentials: readonly EmulatorCredential[];
}

/** How a product's SDK client for the emulator is built (e.g. `emulatorClient`); everything defaults to the SDK's own defaults. */
export interface EmulatorClientOptions {
    readonly credential?: EmulatorCredential;
    /** Seconds; default 5. */
    readonly reqTimeout?: number;
    /** `POST` (the SDK's default, JSON body) or `GET` (parameters in the query string). */
    readonly reqMethod?: "POST" | "GET";
    /** `TC3-HMAC-SHA256` (the SDK's default) or a v1 method, `HmacSHA1` / `HmacSHA256`. */
    readonly signMethod?: "TC3-HMAC-SHA256" | "HmacSHA1" | "HmacSHA256";
}

/** How a signed request is built; everything defaults to what the SDK sends to the service. */
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

/** Sends a request signed by hand (TC3-HMAC-SHA256) to one service and returns the raw answer. */
export type SignedRequest = (emu: EmulatorAddress, action: string, body: string | Buffer,
    options?: RawRequestOptions) => Promise<RawAnswer>;

/**
 * A {@link SignedRequest} for `service`: its scope name and version unless the options say otherwise.
 *
 * @example
 * const signedRequest = signedRequester({ name: "cdn", version: "2018-06-06" });
 * (await signedRequest(emu, "DescribePurgeQuota", "{}")).json.Response.UrlPurge;
 */
export function signedRequester(service: Pick<ServiceSpec, "name" | "version">): SignedRequest {
    return (emu, action, body, options = {}) => {
        const c = options.credential ?? emu.credentials[0];
        const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
        const contentType = options.contentType ?? "application/json";
        const authorization = options.authorization ?? authorizationHeader(c.secretId, {
            secretKey: c.secretKey, service: options.service ?? service.name, timestamp, payload: body, contentType, host: emu.host,
        });
        const headers: http.OutgoingHttpHeaders = {
            "Content-Type": contentType, Authorization: authorization, "X-TC-Action": action,
            "X-TC-Version": options.version ?? service.version, "X-TC-Timestamp": String(timestamp),
            ...(c.token !== undefined ? { "X-TC-Token": c.token } : {}),
        };
        return rawRequest(emu, "POST", "/", body, headers);
    };
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
