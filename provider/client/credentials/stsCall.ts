/**
 * One call to STS (`AssumeRole` or `AssumeRoleWithWebIdentity`, version 2018-08-13) through the official SDK's
 * CommonClient, which signs and sends it as for any other service.
 *
 * The SDK's own STSCredential and OIDCRoleArnCredential make this same call, but are not used: they turn the
 * API's error into a plain message without its code (so a role that does not exist cannot be told from a
 * network fault), keep a failed fetch for good (a refresh could never recover), and renew on fixed margins
 * (30 s, which loops for credentials that live less; 600 ms for OIDC). {@link RefreshingCredential} does the
 * renewing here.
 */
import type * as http from "http";
import { toPurgeApiError } from "../classifyError";
import { SigningCredential, TemporaryCredential } from "./credentialSource";

/** Where STS is and how to reach it. */
export interface StsConnection {
    /** `http://` or `https://`. */
    readonly protocol: string;
    /** Host and optional port, e.g. `sts.tencentcloudapi.com` or `127.0.0.1:9000`. */
    readonly host: string;
    readonly region: string;
    readonly requestTimeoutSeconds: number;
}

/** The STS actions credential sources call. */
export type StsAction = "AssumeRole" | "AssumeRoleWithWebIdentity";

const STS_VERSION = "2018-08-13";

/**
 * Calls `action` and returns the temporary credentials it answers. `credential` signs the call; without it the
 * call is sent unsigned, as `AssumeRoleWithWebIdentity` is. Failures are {@link PurgeApiError}s (code, and
 * whether a retry may help), with `secrets` scrubbed from their text.
 *
 * @example
 * const temporary = await callSts(sts, "AssumeRole", { RoleArn, RoleSessionName: "deploy" }, base, [base.secretKey]);
 */
export async function callSts(
    sts: StsConnection, action: StsAction, params: Record<string, unknown>, credential: SigningCredential | undefined,
    secrets: readonly (string | undefined)[],
): Promise<TemporaryCredential> {
    // Required here: importing this package must not load the SDK.
    const { CommonClient } = require("tencentcloud-sdk-nodejs/tencentcloud/common/common_client");
    // Our own agent: the SDK would otherwise route through `http_proxy`, ignoring NO_PROXY.
    const mod: typeof http = sts.protocol === "http://" ? require("http") : require("https");
    const client = new CommonClient(sts.host, STS_VERSION, {
        credential: credential ?? { secretId: "", secretKey: "" },
        region: sts.region,
        profile: { httpProfile: { endpoint: sts.host, protocol: sts.protocol, reqTimeout: sts.requestTimeoutSeconds, agent: new mod.Agent() } },
    });
    let answer: Record<string, any>;
    try {
        answer = await client.request(action, params, credential ? {} : { skipSign: true });
    } catch (e) {
        throw toPurgeApiError(action, e, secrets);
    }
    const c = answer?.Credentials;
    const expiredTime = Number(answer?.ExpiredTime);
    if (typeof c?.TmpSecretId !== "string" || typeof c?.TmpSecretKey !== "string" || typeof c?.Token !== "string" ||
        !Number.isFinite(expiredTime)) {
        throw toPurgeApiError(action, new TypeError("the answer has no Credentials and ExpiredTime"), secrets);
    }
    return { secretId: c.TmpSecretId, secretKey: c.TmpSecretKey, token: c.Token, expiresAtMs: expiredTime * 1000 };
}
