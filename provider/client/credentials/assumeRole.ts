/**
 * Role assumption with STS `AssumeRole`, signed by base credentials (keys, a profile or an instance role):
 * `assumeRole` { roleArn, sessionName, sessionDuration, policy } as explicit value or stack config, or the
 * official provider's `TENCENTCLOUD_ASSUME_ROLE_ARN`, `..._SESSION_NAME`, `..._SESSION_DURATION`.
 */
import { CredentialSource } from "./credentialSource";
import { RefreshingCredential } from "./refreshingCredential";
import { objectFields, sessionName, sessionSeconds, textField } from "./roleObject";
import { ASSUME_ROLE_ENV } from "./roleVariables";
import { Found, foundIn, SettingInputs } from "./settingLookup";
import { callSts, StsConnection } from "./stsCall";

/** A role to assume, and where it was set. */
export interface AssumeRoleSettings {
    readonly roleArn: string;
    readonly sessionName: string;
    readonly sessionSeconds: number;
    readonly policy?: string;
    /** e.g. `stack config tencentcloud:assumeRole`. */
    readonly where: string;
}

const FIELDS = ["roleArn", "sessionName", "sessionDuration", "policy"];

function fromObject(found: Found): AssumeRoleSettings {
    const fields = objectFields(found, FIELDS);
    const roleArn = textField(fields, "roleArn", found.where);
    if (roleArn === undefined) {
        throw new Error(`${found.where} has no roleArn: set the ARN of the role to assume, e.g. qcs::cam::uin/<account>:roleName/<role>`);
    }
    return {
        roleArn,
        sessionName: sessionName(textField(fields, "sessionName", found.where), found.where),
        sessionSeconds: sessionSeconds(fields.sessionDuration, found.where),
        policy: textField(fields, "policy", found.where),
        where: found.where,
    };
}

/**
 * The role to assume from the first place that sets one, or undefined. In the environment, a role ARN beside a
 * web-identity token belongs to that token (web identity), not to `AssumeRole`.
 *
 * @example
 * assumeRoleSettings({ sources, env: { TENCENTCLOUD_ASSUME_ROLE_ARN: "qcs::cam::uin/1:roleName/deploy" } });
 */
export function assumeRoleSettings(inputs: SettingInputs): AssumeRoleSettings | undefined {
    for (const source of inputs.sources) {
        const found = foundIn("assumeRole", source);
        if (found) {
            return fromObject(found);
        }
    }
    const env = inputs.env;
    const roleArn = env[ASSUME_ROLE_ENV.roleArn];
    if (!roleArn || env[ASSUME_ROLE_ENV.webIdentityToken] || env[ASSUME_ROLE_ENV.webIdentityTokenFile]) {
        return undefined;
    }
    return {
        roleArn,
        sessionName: sessionName(env[ASSUME_ROLE_ENV.sessionName] || undefined, `environment variable ${ASSUME_ROLE_ENV.sessionName}`),
        sessionSeconds: sessionSeconds(env[ASSUME_ROLE_ENV.sessionDuration], `environment variable ${ASSUME_ROLE_ENV.sessionDuration}`),
        where: `environment variable ${ASSUME_ROLE_ENV.roleArn}`,
    };
}

/**
 * Temporary credentials of `role`, assumed with `base` and renewed before they expire.
 *
 * @example
 * const source = assumeRoleCredential(role, staticCredentials(keys, "..."), sts);
 */
export function assumeRoleCredential(role: AssumeRoleSettings, base: CredentialSource, sts: StsConnection): CredentialSource {
    const description = `STS AssumeRole of the role in ${role.where} (STS at ${sts.protocol}${sts.host}), ` +
        `signed by ${base.description}`;
    const identity = JSON.stringify(["assumeRole", role, sts, base.identity]);
    return new RefreshingCredential(description, identity, async () => {
        const signer = await base.getCredential();
        return callSts(sts, "AssumeRole", {
            RoleArn: role.roleArn, RoleSessionName: role.sessionName, DurationSeconds: role.sessionSeconds,
            // STS takes the policy URL-encoded, as the official provider sends it.
            ...(role.policy === undefined ? {} : { Policy: encodeURIComponent(role.policy) }),
        }, signer, [signer.secretKey, signer.token]);
    });
}
