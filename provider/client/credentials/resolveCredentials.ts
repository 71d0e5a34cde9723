/**
 * Which credentials sign the calls. The places are tried in order (explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*`, the environment) and the first place that configures
 * any source decides; within one place a web identity comes first, then a CVM instance role (`camRoleName`),
 * then keys (`secretId` with `secretKey`, and `securityToken`). Without any, a shared-credentials profile
 * (`tccli configure`), then a TKE pod identity. A role to assume (`assumeRole`, or the profile's role) is then
 * assumed with those credentials. Errors name each place tried and each key missing, never a value.
 */
import { ConnectionSource } from "../connectionSources";
import { assumeRoleCredential, assumeRoleSettings } from "./assumeRole";
import { CredentialSource, staticCredentials } from "./credentialSource";
import { cvmRoleCredential } from "./cvmRole";
import { profileLocation, readProfile } from "./profileFile";
import { DEFAULT_SESSION_NAME, DEFAULT_SESSION_SECONDS } from "./roleObject";
import { ASSUME_ROLE_ENV, TKE_ENV } from "./roleVariables";
import { foundIn, SettingInputs, text } from "./settingLookup";
import { StsConnection } from "./stsCall";
import { tkeWebIdentity, webIdentityCredential, webIdentityIn } from "./webIdentity";

/** Where the credential sources call. */
export interface CredentialEndpoints {
    readonly sts: StsConnection;
    /** The CVM metadata service, a full URL. */
    readonly metadata: string;
    readonly requestTimeoutSeconds: number;
}

/** A resolved source and the region its place gave, if any (a profile's `.configure` may set one). */
export interface ResolvedCredentials {
    readonly source: CredentialSource;
    readonly region?: string;
}

/** "stack config tencentcloud:assumeRoleWithWebIdentity, tencentcloud:camRoleName, or ...", for the list of places tried. */
function placeTried(s: ConnectionSource): string {
    const pair = `${s.key("secretId")} and ${s.key("secretKey")}`;
    return s.kind === "environment"
        ? `${s.label} ${ASSUME_ROLE_ENV.webIdentityToken}(_FILE) with ${ASSUME_ROLE_ENV.roleArn}, ${s.key("camRoleName")}, or ${pair}`
        : `${s.label} ${s.key("assumeRoleWithWebIdentity")}, ${s.key("camRoleName")}, or ${pair}`;
}

/** Keys set in `source`, or undefined; an id without a key is an error that names both places. */
function keysIn(source: ConnectionSource): CredentialSource | undefined {
    const secretId = source.get("secretId");
    if (secretId === undefined) {
        return undefined;
    }
    const secretKey = source.get("secretKey");
    if (secretKey === undefined) {
        throw new Error(`A SecretId was found in ${source.place("secretId")} but no SecretKey beside it: ` +
            `set ${source.place("secretKey")} too`);
    }
    const token = source.get("securityToken");
    const origin = { secretId: source.place("secretId")!, secretKey: source.place("secretKey")!,
        securityToken: token === undefined ? undefined : source.place("securityToken") };
    const keys = [source.key("secretId"), source.key("secretKey"), ...(token === undefined ? [] : [source.key("securityToken")])];
    return staticCredentials({ secretId, secretKey, token },
        `the keys in ${source.label} ${keys.slice(0, -1).join(", ")} and ${keys[keys.length - 1]}`, origin);
}

/**
 * The credential source the settings describe, or an error that says what to set.
 *
 * @example
 * const { source } = resolveCredentials({ sources: connectionSources({}, config, process.env), env: process.env }, endpoints);
 */
export function resolveCredentials(inputs: SettingInputs, endpoints: CredentialEndpoints): ResolvedCredentials {
    const sts = endpoints.sts;
    let base: CredentialSource | undefined;
    let region: string | undefined;
    let profileRole: { roleArn: string; sessionName?: string; where: string } | undefined;
    for (const source of inputs.sources) {
        const web = webIdentityIn(source, inputs.env);
        if (web) {
            return { source: webIdentityCredential(web, sts) };
        }
        const role = foundIn("camRoleName", source);
        base = role ? cvmRoleCredential(text(role)!, role.where, endpoints.metadata, endpoints.requestTimeoutSeconds) : keysIn(source);
        if (base) {
            break;
        }
    }
    const location = profileLocation(inputs);
    if (!base) {
        const profile = readProfile(location);
        if (profile) {
            base = staticCredentials(profile.credential, profile.description, { secretId: `secretId in ${profile.file}`,
                secretKey: `secretKey in ${profile.file}`, securityToken: profile.credential.token && `token in ${profile.file}` });
            region = profile.region;
            profileRole = profile.role && { ...profile.role, where: `role-arn in ${profile.file}` };
        }
    }
    if (!base) {
        const tke = tkeWebIdentity(inputs.env);
        if (tke) {
            return { source: webIdentityCredential(tke, sts) };
        }
    }
    // Only the errors below list where they looked.
    const tried = () => {
        const n = inputs.sources.length;
        return `${inputs.sources.map((s, i) => `${i + 1}. ${placeTried(s)}`).join("; ")}; ` +
            `${n + 1}. the shared credentials file ${location.file} (profile ${location.name}); ` +
            `${n + 2}. a TKE pod identity (${Object.values(TKE_ENV).join(", ")})`;
    };
    const assume = assumeRoleSettings(inputs) ?? (profileRole && {
        roleArn: profileRole.roleArn, sessionName: profileRole.sessionName ?? DEFAULT_SESSION_NAME,
        sessionSeconds: DEFAULT_SESSION_SECONDS, where: profileRole.where,
    });
    if (assume) {
        if (!base) {
            throw new Error(`assumeRole.roleArn is set (${assume.where}) but no base credentials were found to call STS ` +
                `AssumeRole with. Looked in this order: ${tried()}. Set keys in one of them (stack config with ` +
                "`pulumi config set --secret`), or name the instance role with camRoleName");
        }
        return { source: assumeRoleCredential(assume, base, sts), region };
    }
    if (!base) {
        throw new Error(`No Tencent Cloud credentials found. Looked in this order: ${tried()}. Set a SecretId and SecretKey ` +
            "in one of them (stack config with `pulumi config set --secret`), or a role source " +
            "(assumeRoleWithWebIdentity, camRoleName, profile)");
    }
    return { source: base, region };
}
