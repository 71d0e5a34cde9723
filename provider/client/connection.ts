/**
 * Where the credentials, region and endpoints come from. First found wins: explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys), then the environment.
 * Credentials come from one source (keys, a role, a web identity, a profile or an instance role; see
 * credentials/resolveCredentials.ts), so a key is never paired with another source's id or token.
 */
import { ConfigSource, connectionSources } from "./connectionSources";
import { CredentialSource } from "./credentials/credentialSource";
import { resolveCredentials } from "./credentials/resolveCredentials";
import { lookup, SettingInputs, text } from "./credentials/settingLookup";
import { resolveEndpoints } from "./endpoints";

export type { ConfigSource } from "./connectionSources";
export { DEFAULT_ENDPOINT, parseEndpoint } from "./endpoints";

/**
 * A role to assume with STS `AssumeRole`, as the official provider's `assumeRole` block.
 *
 * @example
 * const role: AssumeRoleInput = { roleArn: "qcs::cam::uin/100000000001:roleName/purge", sessionName: "ci" };
 */
export interface AssumeRoleInput {
    /** e.g. `qcs::cam::uin/100000000001:roleName/deploy`. */
    readonly roleArn: string;
    /** Default `pulumi-tencentcloud-purge`. */
    readonly sessionName?: string;
    /** Seconds the temporary credentials live, 1 to 43200; default 7200. They are renewed before they expire. */
    readonly sessionDuration?: number;
    /** A policy (JSON text) that narrows the role's permissions for this session. */
    readonly policy?: string;
}

/**
 * A role to assume with an OIDC token (CI identity), as the official provider's `assumeRoleWithWebIdentity`.
 *
 * @example
 * const role: AssumeRoleWithWebIdentityInput = { roleArn: "qcs::cam::uin/100000000001:roleName/ci", providerId: "github",
 *     webIdentityToken: process.env.OIDC_TOKEN! };
 */
export interface AssumeRoleWithWebIdentityInput {
    readonly roleArn: string;
    /** The identity provider's name in CAM. Default `OIDC`. */
    readonly providerId?: string;
    /** The token itself; or `webIdentityTokenFile`, read again at every renewal. */
    readonly webIdentityToken?: string;
    readonly webIdentityTokenFile?: string;
    readonly sessionName?: string;
    readonly sessionDuration?: number;
}

/**
 * Values a caller may give directly. Each has a stack config key and mostly an environment variable too.
 *
 * @example
 * await getPurgeTasks({ taskId: "1533" }, { connection: { region: "ap-singapore", endpoint: "http://127.0.0.1:9000" } });
 */
export interface ConnectionInput {
    readonly secretId?: string;
    readonly secretKey?: string;
    readonly securityToken?: string;
    readonly region?: string;
    /** A full URL such as `http://127.0.0.1:9000`, or a host name (then https). Wins over `domain` and `protocol`. */
    readonly endpoint?: string;
    /** The EdgeOne (`teo`) API as a full URL. Default `https://teo.<domain>`. */
    readonly teoEndpoint?: string;
    /** STS for role assumption, a full URL. Default `https://sts.<domain>`. */
    readonly stsEndpoint?: string;
    /** The CVM metadata service, a full URL. Default `http://metadata.tencentyun.com`. */
    readonly metadataEndpoint?: string;
    /** Root domain of the API, e.g. `intl.tencentcloudapi.com` for the international site. Default `tencentcloudapi.com`. */
    readonly domain?: string;
    /** `HTTP` or `HTTPS` (default), for the endpoints built from `domain`. */
    readonly protocol?: string;
    readonly assumeRole?: AssumeRoleInput;
    readonly assumeRoleWithWebIdentity?: AssumeRoleWithWebIdentityInput;
    /** A `tccli configure` profile name. Default `default`, read only when no keys are set elsewhere. */
    readonly profile?: string;
    /** The folder of the profiles. Default `~/.tccli`. */
    readonly sharedCredentialsDir?: string;
    /** The CAM role bound to the CVM instance this runs on. */
    readonly camRoleName?: string;
    /** Seconds one HTTP request may take. Default 10. */
    readonly requestTimeoutSeconds?: number;
}

/** Where each part of a connection came from, in words for messages. Names places, never values. */
export interface ConnectionOrigin {
    /** The credential source, e.g. `the keys in stack config tencentcloud:secretId and ...` or `STS AssumeRole of ...`. */
    readonly credentials: string;
    /** For fixed keys, where each was set: e.g. `stack config tencentcloud:secretId`. */
    readonly secretId?: string;
    readonly secretKey?: string;
    readonly securityToken?: string;
    /** e.g. `environment variable TENCENTCLOUD_CDN_ENDPOINT`, or `the default endpoint`. */
    readonly endpoint: string;
}

/** A resolved connection. Its credentials hold secrets: never log, serialize or put them in an error. */
export interface ConnectionSettings {
    readonly credentials: CredentialSource;
    readonly region?: string;
    /** `http://` or `https://`. */
    readonly protocol: string;
    /** Host and optional port, e.g. `cdn.tencentcloudapi.com` or `127.0.0.1:9000`. */
    readonly host: string;
    readonly requestTimeoutSeconds: number;
    readonly origin: ConnectionOrigin;
    /** The EdgeOne (`teo`) API's address, with where it was set; see {@link forEdgeOne}. */
    readonly teo: { readonly protocol: string; readonly host: string; readonly where: string };
}

/**
 * The same connection pointed at the EdgeOne API: its protocol, host and origin are EdgeOne's, so errors and
 * hints name the `teoEndpoint` setting rather than the CDN's.
 *
 * @example
 * forEdgeOne(resolveConnection()).host; // "teo.tencentcloudapi.com"
 */
export function forEdgeOne(settings: ConnectionSettings): ConnectionSettings {
    const { teo } = settings;
    return { ...settings, protocol: teo.protocol, host: teo.host, origin: { ...settings.origin, endpoint: teo.where } };
}

/** The region STS is called in when none is set. */
const DEFAULT_STS_REGION = "ap-guangzhou";

/**
 * Resolves a connection, or throws an error that says what to set. The error never contains a secret.
 * `explicit` is null for a caller that takes no connection option (errors then do not offer that place).
 *
 * @example
 * const c = resolveConnection({}, undefined, { TENCENTCLOUD_SECRET_ID: "AKID...", TENCENTCLOUD_SECRET_KEY: "..." });
 * c.host; // "cdn.tencentcloudapi.com"
 */
export function resolveConnection(
    explicit: ConnectionInput | null = {}, config?: ConfigSource, env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
    const { requestTimeoutSeconds, ...values } = explicit ?? {};
    const inputs: SettingInputs = { sources: connectionSources(explicit ? values : null, config, env), env };
    const timeout = requestTimeoutSeconds ?? 10;
    if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 600)) {
        throw new Error(`requestTimeoutSeconds must be a number of seconds in (0, 600], got ${timeout}`);
    }
    const endpoints = resolveEndpoints(inputs);
    const region = text(lookup("region", inputs.sources));
    const credentials = resolveCredentials(inputs, {
        sts: { ...endpoints.sts, region: region ?? DEFAULT_STS_REGION, requestTimeoutSeconds: timeout },
        metadata: endpoints.metadata,
        requestTimeoutSeconds: timeout,
    });
    return {
        credentials: credentials.source,
        region: region ?? credentials.region,
        protocol: endpoints.cdn.protocol,
        host: endpoints.cdn.host,
        requestTimeoutSeconds: timeout,
        origin: { credentials: credentials.source.description, ...credentials.source.keysOrigin, endpoint: endpoints.cdn.where },
        teo: endpoints.teo,
    };
}
