/**
 * The places connection values are read from, in the order they are tried. Each source can say where it
 * reads a field from, in words for messages, so an error or hint names the place a value really came from
 * (`stack config tencentcloud:secretId`), never a guess. A new kind of source (a profile file, a role) is one
 * more entry in {@link connectionSources}.
 */

/** The values a connection is made of. */
export type ConnectionField = "secretId" | "secretKey" | "securityToken" | "region" | "endpoint";

/** Anything that can look up a stack config key such as `tencentcloud-purge:secretId`. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

/**
 * One place connection values can come from.
 *
 * @example
 * const [explicit] = connectionSources({ secretId: "AKID..." }, undefined, {});
 * explicit.place("secretId"); // "connection option secretId"
 */
export interface ConnectionSource {
    /** What this kind of place is called, e.g. `stack config`. */
    readonly label: string;
    /** The name of `field` within this source (`tencentcloud:secretKey`), or undefined when it has none. */
    key(field: ConnectionField): string | undefined;
    /** The value of `field`, or undefined when not set (an empty value counts as not set). */
    get(field: ConnectionField): string | undefined;
    /** Where `field` is read from, for messages: `stack config tencentcloud:secretKey`. */
    place(field: ConnectionField): string | undefined;
}

/** The environment variables, as the official Tencent Cloud tools name them (the endpoint is this package's own). */
const ENVIRONMENT_VARIABLES: Readonly<Record<ConnectionField, string>> = {
    secretId: "TENCENTCLOUD_SECRET_ID",
    secretKey: "TENCENTCLOUD_SECRET_KEY",
    securityToken: "TENCENTCLOUD_SECURITY_TOKEN",
    region: "TENCENTCLOUD_REGION",
    endpoint: "TENCENTCLOUD_CDN_ENDPOINT",
};

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === "" ? undefined : v);

function source(label: string, key: (f: ConnectionField) => string | undefined,
    read: (key: string, f: ConnectionField) => string | undefined): ConnectionSource {
    return {
        label,
        key,
        get: (f) => {
            const k = key(f);
            return k === undefined ? undefined : nonEmpty(read(k, f));
        },
        place: (f) => {
            const k = key(f);
            return k === undefined ? undefined : `${label} ${k}`;
        },
    };
}

/**
 * Stack config under `namespace`, for the fields it carries.
 *
 * @example
 * configSource("tencentcloud", ["secretId", "secretKey"], config).place("secretId"); // "stack config tencentcloud:secretId"
 */
export function configSource(namespace: string, fields: readonly ConnectionField[], config?: ConfigSource): ConnectionSource {
    return source("stack config", (f) => (fields.includes(f) ? `${namespace}:${f}` : undefined), (k) => config?.get(k));
}

/**
 * The sources, first found wins: explicit values (the `connection` option of getPurgeTasks), stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys, which have no endpoint),
 * then the environment.
 *
 * @example
 * connectionSources({}, undefined, process.env).map((s) => s.place("secretId"));
 */
export function connectionSources(
    explicit: Partial<Record<ConnectionField, string>>, config: ConfigSource | undefined, env: NodeJS.ProcessEnv,
): readonly ConnectionSource[] {
    return [
        source("connection option", (f) => f, (_k, f) => explicit[f]),
        configSource("tencentcloud-purge", ["secretId", "secretKey", "securityToken", "region", "endpoint"], config),
        configSource("tencentcloud", ["secretId", "secretKey", "securityToken", "region"], config),
        source("environment variable", (f) => ENVIRONMENT_VARIABLES[f], (k) => env[k]),
    ];
}
