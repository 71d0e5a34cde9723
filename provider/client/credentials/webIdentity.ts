/**
 * Role assumption with an OIDC token (CI systems' identity, TKE pods' service accounts): STS
 * `AssumeRoleWithWebIdentity`, sent unsigned, needing no keys. Configured as `assumeRoleWithWebIdentity`
 * { roleArn, sessionName, sessionDuration, providerId, webIdentityToken, webIdentityTokenFile } (explicit value or
 * stack config), the official provider's `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN` / `..._TOKEN_FILE` with
 * `TENCENTCLOUD_ASSUME_ROLE_ARN`, or the `TKE_*` variables the official SDKs read in a TKE pod. A token file is
 * read again at every renewal, since CI runners and TKE rotate it.
 */
import { promises as fs } from "fs";
import { CredentialSource } from "./credentialSource";
import { RefreshingCredential } from "./refreshingCredential";
import { objectFields, sessionName, sessionSeconds, textField } from "./roleObject";
import { ConnectionSource } from "../connectionSources";
import { ASSUME_ROLE_ENV, TKE_ENV } from "./roleVariables";
import { foundIn } from "./settingLookup";
import { callSts, StsConnection } from "./stsCall";

/** The token itself, or the file that holds it. */
export type WebIdentityToken = { readonly token: string } | { readonly file: string };

/** A role to assume with a web identity, and where it was set. */
export interface WebIdentitySettings {
    readonly roleArn: string;
    readonly sessionName: string;
    readonly sessionSeconds: number;
    /** The identity provider's name in CAM; the official provider's default is `OIDC`. */
    readonly providerId: string;
    readonly token: WebIdentityToken;
    /** STS region, when the source names one (TKE does). */
    readonly region?: string;
    readonly where: string;
}

const FIELDS = ["roleArn", "sessionName", "sessionDuration", "providerId", "webIdentityToken", "webIdentityTokenFile"];
const DEFAULT_PROVIDER_ID = "OIDC";

function tokenOf(token: string | undefined, file: string | undefined, where: string): WebIdentityToken {
    if (token !== undefined) {
        return { token };
    }
    if (file !== undefined) {
        return { file };
    }
    throw new Error(`${where} needs a web identity token: set webIdentityToken or webIdentityTokenFile`);
}

/**
 * The web identity set in `source`, or undefined. In the environment it is the official provider's variables.
 *
 * @example
 * webIdentityIn(source, process.env);
 */
export function webIdentityIn(source: ConnectionSource, env: NodeJS.ProcessEnv): WebIdentitySettings | undefined {
    if (source.kind !== "environment") {
        const found = foundIn("assumeRoleWithWebIdentity", source);
        if (!found) {
            return undefined;
        }
        const f = objectFields(found, FIELDS);
        const roleArn = textField(f, "roleArn", found.where);
        if (roleArn === undefined) {
            throw new Error(`${found.where} has no roleArn: set the ARN of the role the identity provider may assume`);
        }
        return {
            roleArn, where: found.where,
            sessionName: sessionName(textField(f, "sessionName", found.where), found.where),
            sessionSeconds: sessionSeconds(f.sessionDuration, found.where),
            providerId: textField(f, "providerId", found.where) ?? DEFAULT_PROVIDER_ID,
            token: tokenOf(textField(f, "webIdentityToken", found.where), textField(f, "webIdentityTokenFile", found.where), found.where),
        };
    }
    const token = env[ASSUME_ROLE_ENV.webIdentityToken] || undefined;
    const file = env[ASSUME_ROLE_ENV.webIdentityTokenFile] || undefined;
    if (token === undefined && file === undefined) {
        return undefined;
    }
    const where = `environment variable ${token !== undefined ? ASSUME_ROLE_ENV.webIdentityToken : ASSUME_ROLE_ENV.webIdentityTokenFile}`;
    const roleArn = env[ASSUME_ROLE_ENV.roleArn];
    if (!roleArn) {
        throw new Error(`${where} is set but ${ASSUME_ROLE_ENV.roleArn} is not: set the ARN of the role to assume with the token`);
    }
    return {
        roleArn, where,
        sessionName: sessionName(env[ASSUME_ROLE_ENV.sessionName] || undefined, `environment variable ${ASSUME_ROLE_ENV.sessionName}`),
        sessionSeconds: sessionSeconds(env[ASSUME_ROLE_ENV.sessionDuration], `environment variable ${ASSUME_ROLE_ENV.sessionDuration}`),
        providerId: env[ASSUME_ROLE_ENV.providerId] || DEFAULT_PROVIDER_ID,
        token: tokenOf(token, file, where),
    };
}

/**
 * The TKE pod identity, when all four `TKE_*` variables are set; an error names the missing ones when only some are.
 *
 * @example
 * tkeWebIdentity(process.env)?.roleArn;
 */
export function tkeWebIdentity(env: NodeJS.ProcessEnv): WebIdentitySettings | undefined {
    const names = Object.values(TKE_ENV);
    const missing = names.filter((n) => !env[n]);
    if (missing.length === names.length) {
        return undefined;
    }
    if (missing.length > 0) {
        throw new Error(`TKE pod identity is partly set: ${names.filter((n) => env[n]).join(", ")} without ${missing.join(", ")}`);
    }
    return {
        roleArn: env[TKE_ENV.roleArn]!, sessionName: sessionName(undefined, "TKE"), sessionSeconds: sessionSeconds(undefined, "TKE"),
        providerId: env[TKE_ENV.providerId]!, token: { file: env[TKE_ENV.webIdentityTokenFile]! }, region: env[TKE_ENV.region],
        where: `environment variables ${names.join(", ")}`,
    };
}

/** The token, from the file if it is one. A file holds the bare token, or JSON `{ "web_identity_token": ... }`. */
async function readToken(token: WebIdentityToken): Promise<string> {
    if ("token" in token) {
        return token.token;
    }
    let content: string;
    try {
        content = (await fs.readFile(token.file, "utf8")).trim();
    } catch (e) {
        throw Object.assign(new Error(`cannot read the web identity token file ${token.file}: ${(e as NodeJS.ErrnoException).code ?? e}`),
            { retryable: false });
    }
    if (content.startsWith("{")) {
        try {
            const parsed = JSON.parse(content);
            if (typeof parsed?.web_identity_token === "string") {
                return parsed.web_identity_token;
            }
        } catch {
            // not JSON after all: the bare token
        }
    }
    if (content === "") {
        throw Object.assign(new Error(`the web identity token file ${token.file} is empty`), { retryable: false });
    }
    return content;
}

/**
 * Temporary credentials of the role, assumed with the web identity and renewed before they expire.
 *
 * @example
 * const source = webIdentityCredential(settings, sts);
 */
export function webIdentityCredential(identity: WebIdentitySettings, sts: StsConnection): CredentialSource {
    const where = "file" in identity.token ? `${identity.where} (token file ${identity.token.file})` : identity.where;
    const description = `STS AssumeRoleWithWebIdentity of the role in ${where} (STS at ${sts.protocol}${sts.host})`;
    const stsHere = identity.region ? { ...sts, region: identity.region } : sts;
    return new RefreshingCredential(description, JSON.stringify(["webIdentity", identity, sts]), async () => {
        const token = await readToken(identity.token);
        return callSts(stsHere, "AssumeRoleWithWebIdentity", {
            ProviderId: identity.providerId, WebIdentityToken: token, RoleArn: identity.roleArn,
            RoleSessionName: identity.sessionName, DurationSeconds: identity.sessionSeconds,
        }, undefined, [token]);
    });
}
