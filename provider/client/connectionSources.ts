/**
 * The places connection values are read from, in the order they are tried. Each source can say where it
 * reads a field from, in words for messages, so an error or hint names the place a value really came from
 * (`stack config tencentcloud:secretId`), never a guess. The names are the official Tencent Cloud provider's
 * (Terraform and `pulumi-tencentcloud`) wherever it has one, so one stack config and one CI environment serve both.
 */
import { CONNECTION_PLACES, ConnectionField } from "../description/connection";

/** The values a connection is made of: the keys of the connection's one description. */
export type { ConnectionField } from "../description/connection";

/**
 * Anything that can look up a stack config key such as `tencentcloud-purge:secretId`. An object setting comes as
 * JSON text (the program's config) or as an object (some hosts' configure).
 */
export interface ConfigSource {
    get(key: string): unknown;
    /**
     * The namespaces this config can hold at all, when not every one (a provider plugin gets only its own). Places
     * in other namespaces are then left out, also from the places an error lists.
     */
    readonly namespaces?: readonly string[];
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
    readonly kind: "explicit" | "config" | "environment";
    /** The name of `field` within this source (`tencentcloud:secretKey`), or undefined when it has none. */
    key(field: ConnectionField): string | undefined;
    /** The text of `field`, or undefined when not set (an empty value counts as not set); an error if not text. */
    get(field: ConnectionField): string | undefined;
    /** The value of `field` as set, text or object, or undefined when not set. */
    value(field: ConnectionField): unknown;
    /** Where `field` is read from, for messages: `stack config tencentcloud:secretKey`. */
    place(field: ConnectionField): string | undefined;
}

const FIELDS = Object.keys(CONNECTION_PLACES) as ConnectionField[];
/** The official provider's settings: the ones stack config `tencentcloud:*` may hold. */
const OFFICIAL_FIELDS = FIELDS.filter((f) => CONNECTION_PLACES[f].official);

const nonEmpty = (v: unknown): unknown => (v === undefined || v === null || v === "" ? undefined : v);

function source(label: string, kind: ConnectionSource["kind"], key: (f: ConnectionField) => string | undefined,
    read: (key: string, f: ConnectionField) => unknown): ConnectionSource {
    const value = (f: ConnectionField): unknown => {
        const k = key(f);
        return k === undefined ? undefined : nonEmpty(read(k, f));
    };
    return {
        label,
        kind,
        key,
        value,
        get: (f) => {
            const v = value(f);
            if (v !== undefined && typeof v !== "string") {
                throw new Error(`${label} ${key(f)} must be text, got ${typeof v}`);
            }
            return v;
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
    return source("stack config", "config", (f) => (fields.includes(f) ? `${namespace}:${f}` : undefined), (k) => config?.get(k));
}

/**
 * The sources, first found wins: explicit values (the `connection` option of getPurgeTasks), stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys, which have no full-URL
 * endpoints), then the environment. Only the places the caller has are listed: `explicit` null for a caller
 * without a connection option (the resources), and only the namespaces `config` can hold.
 *
 * @example
 * connectionSources({}, undefined, process.env).map((s) => s.place("secretId"));
 */
export function connectionSources(
    explicit: Partial<Record<ConnectionField, unknown>> | null, config: ConfigSource | undefined, env: NodeJS.ProcessEnv,
): readonly ConnectionSource[] {
    const holds = (namespace: string) => !config?.namespaces || config.namespaces.includes(namespace);
    return [
        ...(explicit ? [source("connection option", "explicit", (f) => f, (_k, f) => explicit[f])] : []),
        ...(holds("tencentcloud-purge") ? [configSource("tencentcloud-purge", FIELDS, config)] : []),
        ...(holds("tencentcloud") ? [configSource("tencentcloud", OFFICIAL_FIELDS, config)] : []),
        source("environment variable", "environment", (f) => CONNECTION_PLACES[f].env, (k) => env[k]),
    ];
}
