/**
 * Clients of the emulator's CDN: the official SDK's, and hand-signed raw requests with the CDN's scope and version.
 */
import * as http from "http";
import { cdn } from "tencentcloud-sdk-nodejs/tencentcloud/services/cdn";
import { EmulatorAddress, EmulatorClientOptions, SignedRequest, signedRequester } from "../client";
import { API_VERSION } from "./product";

/** The official SDK's CDN client type. */
export type CdnClient = InstanceType<typeof cdn.v20180606.Client>;

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

/**
 * Sends a request signed by hand (TC3-HMAC-SHA256; service `cdn` and the CDN's version unless the options say
 * otherwise) and returns the raw answer.
 *
 * @example
 * const old = Math.floor(Date.now() / 1000) - 3600;
 * (await signedRequest(emu, "DescribePurgeQuota", "{}", { timestamp: old })).json.Response.Error.Code;
 * // "AuthFailure.SignatureExpire"
 */
export const signedRequest: SignedRequest = signedRequester({ name: "cdn", version: API_VERSION });
