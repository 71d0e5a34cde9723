/**
 * Where the credentials, region and endpoint come from. First found wins: explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys), then the environment.
 * Credentials are taken as one group from the first source that names a SecretId, so a key is never paired
 * with another source's id or token.
 */

/** Values a caller may give directly. */
export interface ConnectionInput {
    readonly secretId?: string;
    readonly secretKey?: string;
    readonly securityToken?: string;
    readonly region?: string;
    /** A full URL such as `http://127.0.0.1:9000`, or a host name (then https). */
    readonly endpoint?: string;
    /** Seconds one HTTP request may take. Default 10. */
    readonly requestTimeoutSeconds?: number;
}

/** Anything that can look up a stack config key such as `tencentcloud-purge:secretId`. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

/** A resolved connection. Holds secrets: never log, serialize or put it in an error. */
export interface ConnectionSettings {
    readonly secretId: string;
    readonly secretKey: string;
    readonly securityToken?: string;
    readonly region?: string;
    /** `http://` or `https://`. */
    readonly protocol: string;
    /** Host and optional port, e.g. `cdn.tencentcloudapi.com` or `127.0.0.1:9000`. */
    readonly host: string;
    readonly requestTimeoutSeconds: number;
}

export const DEFAULT_ENDPOINT = "https://cdn.tencentcloudapi.com";

type Field = "secretId" | "secretKey" | "securityToken" | "region" | "endpoint";

interface Source {
    readonly name: string;
    readonly get: (field: Field) => string | undefined;
}

const ENV_NAMES: Record<Field, string> = {
    secretId: "TENCENTCLOUD_SECRET_ID",
    secretKey: "TENCENTCLOUD_SECRET_KEY",
    securityToken: "TENCENTCLOUD_SECURITY_TOKEN",
    region: "TENCENTCLOUD_REGION",
    endpoint: "TENCENTCLOUD_CDN_ENDPOINT",
};

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === "" ? undefined : v);

function sources(explicit: ConnectionInput, config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Source[] {
    const fromConfig = (ns: string, fields: Field[]): Source => ({
        name: `stack config ${ns}:*`,
        get: (f) => (fields.includes(f) ? nonEmpty(config?.get(`${ns}:${f}`)) : undefined),
    });
    return [
        { name: "explicit values", get: (f) => nonEmpty(explicit[f]) },
        fromConfig("tencentcloud-purge", ["secretId", "secretKey", "securityToken", "region", "endpoint"]),
        fromConfig("tencentcloud", ["secretId", "secretKey", "securityToken", "region"]),
        { name: "environment TENCENTCLOUD_*", get: (f) => nonEmpty(env[ENV_NAMES[f]]) },
    ];
}

/**
 * Resolves a connection, or throws an error that says what to set. The error never contains a secret.
 *
 * @example
 * const c = resolveConnection({}, undefined, { TENCENTCLOUD_SECRET_ID: "AKID...", TENCENTCLOUD_SECRET_KEY: "..." });
 * c.host; // "cdn.tencentcloudapi.com"
 */
export function resolveConnection(
    explicit: ConnectionInput = {}, config?: ConfigSource, env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
    const all = sources(explicit, config, env);
    const credentials = all.find((s) => s.get("secretId") !== undefined);
    if (!credentials) {
        throw new Error("No Tencent Cloud credentials found: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
            "or the stack config tencentcloud-purge:secretId and tencentcloud-purge:secretKey (with --secret)");
    }
    const secretKey = credentials.get("secretKey");
    if (!secretKey) {
        throw new Error(`A SecretId was found in ${credentials.name} but no SecretKey beside it: set the matching secretKey there`);
    }
    const first = (f: Field) => all.map((s) => s.get(f)).find((v) => v !== undefined);
    const timeout = explicit.requestTimeoutSeconds ?? 10;
    if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 600)) {
        throw new Error(`requestTimeoutSeconds must be a number of seconds in (0, 600], got ${timeout}`);
    }
    return {
        secretId: credentials.get("secretId")!,
        secretKey,
        securityToken: credentials.get("securityToken"),
        region: first("region"),
        ...parseEndpoint(first("endpoint") ?? DEFAULT_ENDPOINT),
        requestTimeoutSeconds: timeout,
    };
}

/**
 * Splits an endpoint into the protocol and host the SDK wants.
 *
 * @example
 * parseEndpoint("http://127.0.0.1:9000"); // { protocol: "http://", host: "127.0.0.1:9000" }
 */
export function parseEndpoint(endpoint: string): { protocol: string; host: string } {
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        throw new Error(`endpoint (TENCENTCLOUD_CDN_ENDPOINT) must be a URL such as ${DEFAULT_ENDPOINT} or ` +
            `http://127.0.0.1:9000, got "${endpoint}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`endpoint (TENCENTCLOUD_CDN_ENDPOINT) must use http or https, got "${url.protocol}"`);
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username || url.password) {
        throw new Error(`endpoint (TENCENTCLOUD_CDN_ENDPOINT) must be a bare origin such as http://127.0.0.1:9000, ` +
            `without path, query or user info`);
    }
    return { protocol: `${url.protocol}//`, host: url.host };
}
