/**
 * Which credentials sign the calls. The places are tried in order (explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*`, the environment) and the first place that configures
 * any source decides; within one place a web identity comes first, then a CVM instance role (`camRoleName`),
 * then keys (`secretId` with `secretKey`, and `securityToken`). Without any, a shared-credentials profile
 * (`tccli configure`), then a TKE pod identity. A role to assume (`assumeRole`, or the profile's role) is then
 * assumed with those credentials. Errors name each place tried and each key missing, never a value.
 */
import { assumeRoleCredential, assumeRoleSettings } from "./assumeRole";
import { CredentialSource, staticCredentials } from "./credentialSource";
import { cvmRoleCredential } from "./cvmRole";
import { profileLocation, readProfile } from "./profileFile";
import { DEFAULT_SESSION_NAME, DEFAULT_SESSION_SECONDS } from "./roleObject";
import { PLACES, PlaceKind, readIn, SettingInputs, text, whereSet } from "./settingLookup";
import { ASSUME_ROLE_ENV, SETTINGS, TKE_ENV } from "./settingNames";
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

/** The sources a place can hold, for the list of places tried. */
function placeTried(place: PlaceKind): string {
    switch (place) {
        case "explicit":
            return "connection options assumeRoleWithWebIdentity, camRoleName or secretId+secretKey";
        case "environment":
            return `environment variables ${ASSUME_ROLE_ENV.webIdentityToken}(_FILE), ${SETTINGS.camRoleName.env} or ` +
                `${SETTINGS.secretId.env}+${SETTINGS.secretKey.env}`;
        default:
            return `stack config ${place}:assumeRoleWithWebIdentity, :camRoleName or :secretId+:secretKey`;
    }
}

/** Keys set in `place`, or undefined; an id without a key is an error that names both places. */
function keysIn(place: PlaceKind, inputs: SettingInputs): CredentialSource | undefined {
    const id = readIn(SETTINGS.secretId, place, inputs);
    if (!id) {
        return undefined;
    }
    const key = readIn(SETTINGS.secretKey, place, inputs);
    if (!key) {
        throw new Error(`A SecretId was found in ${id.where} but no SecretKey beside it: set ${whereSet(SETTINGS.secretKey, place)} too`);
    }
    const token = readIn(SETTINGS.securityToken, place, inputs);
    return staticCredentials({ secretId: text(id)!, secretKey: text(key)!, token: text(token) },
        `the keys in ${id.where} and ${key.where}${token ? ` with ${token.where}` : ""}`);
}

/**
 * The credential source the settings describe, or an error that says what to set.
 *
 * @example
 * const { source } = resolveCredentials({ explicit: {}, config, env: process.env }, endpoints);
 */
export function resolveCredentials(inputs: SettingInputs, endpoints: CredentialEndpoints): ResolvedCredentials {
    const sts = endpoints.sts;
    let base: CredentialSource | undefined;
    let region: string | undefined;
    let profileRole: { roleArn: string; sessionName?: string; where: string } | undefined;
    for (const place of PLACES) {
        const web = webIdentityIn(place, inputs);
        if (web) {
            return { source: webIdentityCredential(web, sts) };
        }
        const role = readIn(SETTINGS.camRoleName, place, inputs);
        base = role ? cvmRoleCredential(text(role)!, role.where, endpoints.metadata, endpoints.requestTimeoutSeconds) : keysIn(place, inputs);
        if (base) {
            break;
        }
    }
    const location = profileLocation(inputs);
    if (!base) {
        const profile = readProfile(location);
        if (profile) {
            base = staticCredentials(profile.credential, profile.description);
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
    const tried = `${PLACES.map((p, i) => `${i + 1}. ${placeTried(p)}`).join("; ")}; ` +
        `5. the shared credentials file ${location.file} (profile ${location.name}); ` +
        `6. a TKE pod identity (${Object.values(TKE_ENV).join(", ")})`;
    const assume = assumeRoleSettings(inputs) ?? (profileRole && {
        roleArn: profileRole.roleArn, sessionName: profileRole.sessionName ?? DEFAULT_SESSION_NAME,
        sessionSeconds: DEFAULT_SESSION_SECONDS, where: profileRole.where,
    });
    if (assume) {
        if (!base) {
            throw new Error(`assumeRole.roleArn is set (${assume.where}) but no base credentials were found to call STS ` +
                `AssumeRole with. Looked in this order: ${tried}. Set keys in one of them (stack config with ` +
                "`pulumi config set --secret`), or name the instance role with camRoleName");
        }
        return { source: assumeRoleCredential(assume, base, sts), region };
    }
    if (!base) {
        throw new Error(`No Tencent Cloud credentials found. Looked in this order: ${tried}. Set a SecretId and SecretKey ` +
            "in one of them (stack config with `pulumi config set --secret`), or a role source " +
            "(assumeRoleWithWebIdentity, camRoleName, profile)");
    }
    return { source: base, region };
}
