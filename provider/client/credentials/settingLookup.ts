/**
 * Finding one connection setting in the places {@link connectionSources} lists, first found wins, with the words
 * for where it was found, so an error names the key a user set and never its value.
 */
import { ConnectionField, ConnectionSource } from "../connectionSources";

/** What credential sources read: the places in order, and the environment for the variables only they know. */
export interface SettingInputs {
    readonly sources: readonly ConnectionSource[];
    readonly env: NodeJS.ProcessEnv;
}

/** A value found, with the place it came from. */
export interface Found {
    readonly value: unknown;
    /** e.g. `stack config tencentcloud:assumeRole` or `environment variable TENCENTCLOUD_PROFILE`. */
    readonly where: string;
}

/**
 * The value of `field` in `source`, or undefined when it is not set there.
 *
 * @example
 * foundIn("camRoleName", source)?.where; // "stack config tencentcloud:camRoleName"
 */
export function foundIn(field: ConnectionField, source: ConnectionSource): Found | undefined {
    const value = source.value(field);
    return value === undefined ? undefined : { value, where: source.place(field)! };
}

/**
 * The first place that sets `field`.
 *
 * @example
 * lookup("profile", inputs.sources)?.where;
 */
export function lookup(field: ConnectionField, sources: readonly ConnectionSource[]): Found | undefined {
    for (const source of sources) {
        const found = foundIn(field, source);
        if (found) {
            return found;
        }
    }
    return undefined;
}

/**
 * A found value as text, or an error naming where it was set.
 *
 * @example
 * text(lookup("profile", sources)); // "default"
 */
export function text(found: Found | undefined): string | undefined {
    if (found === undefined) {
        return undefined;
    }
    if (typeof found.value !== "string") {
        throw new Error(`${found.where} must be text, got ${typeof found.value}`);
    }
    return found.value;
}
