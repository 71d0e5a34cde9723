/**
 * The environment variables of role sources, beyond the one-value settings {@link connectionSources} reads: the
 * official provider's `TENCENTCLOUD_ASSUME_ROLE_*`, and the `TKE_*` variables the official SDKs read in a pod.
 */

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
