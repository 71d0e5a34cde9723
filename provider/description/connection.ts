/**
 * The one description of how the package reaches the API: the provider's configuration keys (stack config
 * `tencentcloud-purge:<key>`) and the role objects they take. The schema's config and provider, the plugin's
 * secret handling and the configuration reference read it.
 */
import { Properties, PropertySpec, TypeSpec } from "./property";

const text = (description: string, example: string, more: Partial<PropertySpec> = {}): PropertySpec =>
    ({ type: "string", description, example, ...more });

const SESSION = {
    sessionName: text("The role session's name. Default: `pulumi-tencentcloud-purge`.", "deploy"),
    sessionDuration: { type: "integer", min: 1, max: 43_200, default: 7200,
        description: "Seconds the temporary credentials live; they are renewed before they expire.", example: "3600" },
} as const satisfies Properties;

/** STS AssumeRole, as the official Tencent Cloud provider's `assumeRole`. */
export const ASSUME_ROLE: TypeSpec = {
    module: "index",
    name: "AssumeRole",
    description: "A role to assume with STS AssumeRole, as the official Tencent Cloud provider's `assumeRole`.",
    properties: {
        roleArn: text("The role to assume.", "qcs::cam::uin/100000000001:roleName/deploy", { required: true }),
        ...SESSION,
        policy: text("A policy (JSON text) that narrows the role's permissions for this session.",
            "{\"version\":\"2.0\",\"statement\":[...]}"),
    },
};

/** STS AssumeRoleWithWebIdentity, as the official Tencent Cloud provider's `assumeRoleWithWebIdentity`. */
export const ASSUME_ROLE_WITH_WEB_IDENTITY: TypeSpec = {
    module: "index",
    name: "AssumeRoleWithWebIdentity",
    description: "A role to assume with an OIDC token, as the official Tencent Cloud provider's `assumeRoleWithWebIdentity`.",
    properties: {
        roleArn: text("The role the identity provider may assume.", "qcs::cam::uin/100000000001:roleName/ci", { required: true }),
        providerId: text("The identity provider's name in CAM. Default: `OIDC`.", "github-actions"),
        webIdentityToken: text("The OIDC token itself.", "eyJhbGciOi...", { secret: true }),
        webIdentityTokenFile: text("A file holding the token, read again at each renewal.", "/var/run/oidc/token"),
        ...SESSION,
    },
};

/** The configuration keys as written, typed exactly so that their names can be listed. */
const CONNECTION_KEYS = {
    // Secret although it only names the key: Pulumi keeps a stack's plain config in the state.
    secretId: text("The API SecretId; set it with `pulumi config set --secret`. Default: `TENCENTCLOUD_SECRET_ID`.",
        "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", { secret: true }),
    secretKey: text("The API SecretKey; set it with `pulumi config set --secret`. Default: `TENCENTCLOUD_SECRET_KEY`.",
        "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", { secret: true }),
    securityToken: text("A session token that comes with temporary credentials. Default: `TENCENTCLOUD_SECURITY_TOKEN`.",
        "eyJhbGciOi...", { secret: true }),
    region: text("The region sent with each request. Default: `TENCENTCLOUD_REGION`.", "ap-guangzhou"),
    endpoint: text("The CDN API as a full URL. Default: `TENCENTCLOUD_CDN_ENDPOINT`, else `https://cdn.tencentcloudapi.com` " +
        "(the emulator: `http://127.0.0.1:9000`).", "http://127.0.0.1:9000"),
    teoEndpoint: text("The EdgeOne (teo) API as a full URL. Default: `TENCENTCLOUD_TEO_ENDPOINT`, else `https://teo.<domain>` " +
        "(the emulator: the same address as for the CDN).", "http://127.0.0.1:9000"),
    stsEndpoint: text("STS, for role assumption, as a full URL. Default: `TENCENTCLOUD_STS_ENDPOINT`, else `https://sts.<domain>`.",
        "http://127.0.0.1:9000"),
    metadataEndpoint: text("The CVM instance metadata service, for `camRoleName`. Default: `TENCENTCLOUD_METADATA_ENDPOINT`, " +
        "else `http://metadata.tencentyun.com`.", "http://127.0.0.1:8080"),
    domain: text("The API's root domain. Default: `TENCENTCLOUD_DOMAIN`, else `tencentcloudapi.com` " +
        "(`intl.tencentcloudapi.com` for the international site).", "intl.tencentcloudapi.com"),
    protocol: text("`HTTP` or `HTTPS` for the addresses built from `domain`. Default: `TENCENTCLOUD_PROTOCOL`, else `HTTPS`.", "HTTPS"),
    assumeRole: { type: "object", ref: ASSUME_ROLE.name,
        description: "A role to assume with STS AssumeRole, signed by the other credentials. Default: " +
            "`TENCENTCLOUD_ASSUME_ROLE_ARN` (with `..._SESSION_NAME`, `..._SESSION_DURATION`).",
        example: "{ roleArn: \"qcs::cam::uin/100000000001:roleName/deploy\" }" },
    assumeRoleWithWebIdentity: { type: "object", ref: ASSUME_ROLE_WITH_WEB_IDENTITY.name, secret: true,
        description: "A role to assume with an OIDC token (CI identity), needing no keys. Default: " +
            "`TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN` or `..._FILE` with `TENCENTCLOUD_ASSUME_ROLE_ARN`. Secret, since it may hold the token.",
        example: "{ roleArn: \"qcs::cam::uin/100000000001:roleName/ci\", webIdentityTokenFile: \"/var/run/oidc/token\" }" },
    profile: text("A `tccli configure` profile, read when no keys are set. Default: `TENCENTCLOUD_PROFILE`, else `default`.", "deploy"),
    sharedCredentialsDir: text("The folder of the profiles. Default: `TENCENTCLOUD_SHARED_CREDENTIALS_DIR`, else `~/.tccli`.",
        "/home/ci/.tccli"),
    camRoleName: text("The CAM role bound to the CVM instance this runs on. Default: `TENCENTCLOUD_CAM_ROLE_NAME`.", "purge-role"),
} as const satisfies Properties;

/**
 * The configuration keys, each falling back to its environment variable.
 *
 * @example
 * Object.keys(CONNECTION); // ["secretId", "secretKey", ...]
 */
export const CONNECTION: { readonly [F in keyof typeof CONNECTION_KEYS]: PropertySpec } = CONNECTION_KEYS;

/** A connection setting: a configuration key of `tencentcloud-purge:*`. */
export type ConnectionField = keyof typeof CONNECTION_KEYS;

/**
 * Where each connection setting may also be set: its environment variable, and whether the official Tencent Cloud
 * provider's stack config (`tencentcloud:*`) has it too. Every key of {@link CONNECTION} is here once (the compiler
 * checks), so the connection's sources follow from the one description.
 *
 * @example
 * CONNECTION_PLACES.secretKey.env; // "TENCENTCLOUD_SECRET_KEY"
 */
export const CONNECTION_PLACES: { readonly [F in ConnectionField]: { readonly env?: string; readonly official: boolean } } = {
    secretId: { env: "TENCENTCLOUD_SECRET_ID", official: true },
    secretKey: { env: "TENCENTCLOUD_SECRET_KEY", official: true },
    securityToken: { env: "TENCENTCLOUD_SECURITY_TOKEN", official: true },
    region: { env: "TENCENTCLOUD_REGION", official: true },
    endpoint: { env: "TENCENTCLOUD_CDN_ENDPOINT", official: false },
    teoEndpoint: { env: "TENCENTCLOUD_TEO_ENDPOINT", official: false },
    stsEndpoint: { env: "TENCENTCLOUD_STS_ENDPOINT", official: false },
    metadataEndpoint: { env: "TENCENTCLOUD_METADATA_ENDPOINT", official: false },
    domain: { env: "TENCENTCLOUD_DOMAIN", official: true },
    protocol: { env: "TENCENTCLOUD_PROTOCOL", official: true },
    // The role settings' environment variables are several per object; the credential sources read them.
    assumeRole: { official: true },
    assumeRoleWithWebIdentity: { official: true },
    profile: { env: "TENCENTCLOUD_PROFILE", official: true },
    sharedCredentialsDir: { env: "TENCENTCLOUD_SHARED_CREDENTIALS_DIR", official: true },
    camRoleName: { env: "TENCENTCLOUD_CAM_ROLE_NAME", official: true },
};
