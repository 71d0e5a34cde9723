/**
 * Every connection setting by name: its key in explicit values and stack config, and its environment variable.
 * The names are the official Tencent Cloud provider's (Terraform and `pulumi-tencentcloud`) wherever it has one,
 * so one stack config and one CI environment serve both.
 */
import { SettingNames } from "./settingLookup";

const official = (key: string, env?: string): SettingNames => ({ key, official: true, env });
const own = (key: string, env?: string): SettingNames => ({ key, official: false, env });

/**
 * The settings.
 *
 * @example
 * lookup(SETTINGS.profile, inputs);
 */
export const SETTINGS = {
    secretId: official("secretId", "TENCENTCLOUD_SECRET_ID"),
    secretKey: official("secretKey", "TENCENTCLOUD_SECRET_KEY"),
    securityToken: official("securityToken", "TENCENTCLOUD_SECURITY_TOKEN"),
    region: official("region", "TENCENTCLOUD_REGION"),
    endpoint: own("endpoint", "TENCENTCLOUD_CDN_ENDPOINT"),
    stsEndpoint: own("stsEndpoint", "TENCENTCLOUD_STS_ENDPOINT"),
    metadataEndpoint: own("metadataEndpoint", "TENCENTCLOUD_METADATA_ENDPOINT"),
    domain: official("domain", "TENCENTCLOUD_DOMAIN"),
    protocol: official("protocol", "TENCENTCLOUD_PROTOCOL"),
    profile: official("profile", "TENCENTCLOUD_PROFILE"),
    sharedCredentialsDir: official("sharedCredentialsDir", "TENCENTCLOUD_SHARED_CREDENTIALS_DIR"),
    camRoleName: official("camRoleName", "TENCENTCLOUD_CAM_ROLE_NAME"),
    /** An object; in the environment it is spread over the TENCENTCLOUD_ASSUME_ROLE_* variables. */
    assumeRole: official("assumeRole"),
    assumeRoleWithWebIdentity: official("assumeRoleWithWebIdentity"),
} as const;

/** The environment variables of a role assumption, as the official provider names them. */
export const ASSUME_ROLE_ENV = {
    roleArn: "TENCENTCLOUD_ASSUME_ROLE_ARN",
    sessionName: "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME",
    sessionDuration: "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION",
    webIdentityToken: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
    webIdentityTokenFile: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE",
    providerId: "TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID",
} as const;

/** The variables a TKE pod with an OIDC service account gets, as the official SDKs read them. */
export const TKE_ENV = {
    region: "TKE_REGION",
    providerId: "TKE_PROVIDER_ID",
    webIdentityTokenFile: "TKE_WEB_IDENTITY_TOKEN_FILE",
    roleArn: "TKE_ROLE_ARN",
} as const;
