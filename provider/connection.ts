/**
 * Where the credentials, region and endpoint come from. First found wins: explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys), then the environment.
 * Credentials are taken as one group from the first source that names a SecretId, so a key is never paired
 * with another source's id or token.
 */
import { ConfigSource, ConnectionField, ConnectionSource, connectionSources } from "./connectionSources";

export type { ConfigSource } from "./connectionSources";

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

/** Where each value of a connection came from, in words for messages. Names places, never values. */
export interface ConnectionOrigin {
    /** e.g. `stack config tencentcloud:secretId`. */
    readonly secretId: string;
    readonly secretKey: string;
    readonly securityToken?: string;
    /** e.g. `environment variable TENCENTCLOUD_CDN_ENDPOINT`, or `the default endpoint`. */
    readonly endpoint: string;
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
    readonly origin: ConnectionOrigin;
}

export const DEFAULT_ENDPOINT = "https://cdn.tencentcloudapi.com";

/** "stack config tencentcloud:secretId and tencentcloud:secretKey", for the list of places tried. */
const pairPlace = (s: ConnectionSource): string => `${s.label} ${s.key("secretId")} and ${s.key("secretKey")}`;

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
    const all = connectionSources(explicit, config, env);
    const credentials = all.find((s) => s.get("secretId") !== undefined);
    if (!credentials) {
        throw new Error("No Tencent Cloud credentials found. Looked for a SecretId and SecretKey in this order: " +
            `${all.map((s, i) => `${i + 1}. ${pairPlace(s)}`).join("; ")}. Set both in one of them ` +
            "(stack config with `pulumi config set --secret`)");
    }
    const secretKey = credentials.get("secretKey");
    if (!secretKey) {
        throw new Error(`A SecretId was found in ${credentials.place("secretId")} but no SecretKey beside it: ` +
            `set ${credentials.place("secretKey")} too`);
    }
    const first = (f: ConnectionField) => all.find((s) => s.get(f) !== undefined);
    const timeout = explicit.requestTimeoutSeconds ?? 10;
    if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 600)) {
        throw new Error(`requestTimeoutSeconds must be a number of seconds in (0, 600], got ${timeout}`);
    }
    const endpointSource = first("endpoint");
    const endpointPlace = endpointSource?.place("endpoint") ?? "the default endpoint";
    const securityToken = credentials.get("securityToken");
    return {
        secretId: credentials.get("secretId")!,
        secretKey,
        securityToken,
        region: first("region")?.get("region"),
        ...parseEndpoint(endpointSource?.get("endpoint") ?? DEFAULT_ENDPOINT, endpointPlace),
        requestTimeoutSeconds: timeout,
        origin: {
            secretId: credentials.place("secretId")!,
            secretKey: credentials.place("secretKey")!,
            securityToken: securityToken === undefined ? undefined : credentials.place("securityToken"),
            endpoint: endpointPlace,
        },
    };
}

/**
 * Splits an endpoint into the protocol and host the SDK wants. The rule: a full `http://` or `https://` origin;
 * or a bare host name, taken as https (the form Tencent Cloud's own SDKs use). A host with a port but no scheme
 * is refused rather than guessed: a port usually means a local server such as the emulator, which speaks plain
 * HTTP. `place` names where the value came from, for the error.
 *
 * @example
 * parseEndpoint("http://127.0.0.1:9000"); // { protocol: "http://", host: "127.0.0.1:9000" }
 * parseEndpoint("cdn.intl.tencentcloudapi.com"); // { protocol: "https://", host: "cdn.intl.tencentcloudapi.com" }
 */
export function parseEndpoint(endpoint: string, place = "endpoint"): { protocol: string; host: string } {
    const forms = `a full URL such as ${DEFAULT_ENDPOINT} or http://127.0.0.1:9000 (a bare host name means https)`;
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint);
    // Errors repeat the value without any user info: `user:password@host` must not put a password in a message.
    const shown = endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, "$1");
    if (!hasScheme && endpoint.includes(":")) {
        throw new Error(endpoint.includes("@")
            ? `${place} must be a bare origin such as http://127.0.0.1:9000, without user info`
            : `${place} must start with http:// or https:// when it names a port: write http://${shown} ` +
                `for a plain-HTTP server such as the emulator, or https://${shown}; got "${shown}"`);
    }
    let url: URL;
    try {
        url = new URL(hasScheme ? endpoint : `https://${endpoint}`);
    } catch {
        throw new Error(`${place} must be ${forms}, got "${shown}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`${place} must use http:// or https://, got "${url.protocol}//" (${forms})`);
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username || url.password) {
        throw new Error(`${place} must be a bare origin such as http://127.0.0.1:9000, without path, query or user info`);
    }
    return { protocol: `${url.protocol}//`, host: url.host };
}
