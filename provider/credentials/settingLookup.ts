/**
 * Finds one connection setting in the places it may be set, first found wins: explicit values, stack config
 * `tencentcloud-purge:*`, stack config `tencentcloud:*` (the official provider's keys), then the environment.
 * Each answer says where it was found, in words for messages, so an error names the key a user set and
 * never its value.
 */

/** Anything that can look up a stack config key such as `tencentcloud-purge:secretId`. */
export interface ConfigSource {
    get(key: string): unknown;
}

/** A place settings are read from, in the order they are tried. */
export type PlaceKind = "explicit" | "tencentcloud-purge" | "tencentcloud" | "environment";

/** The places, first tried first. */
export const PLACES: readonly PlaceKind[] = ["explicit", "tencentcloud-purge", "tencentcloud", "environment"];

/** Where one setting is read from: its name in each place (undefined where it cannot be set). */
export interface SettingNames {
    /** The key in explicit values and in stack config, e.g. `secretId`. */
    readonly key: string;
    /** False for this package's own settings, which the official provider's `tencentcloud:*` config lacks. */
    readonly official: boolean;
    /** The environment variable, if any. */
    readonly env?: string;
}

/** A value found, with the place it came from. */
export interface Found<T = unknown> {
    readonly value: T;
    readonly place: PlaceKind;
    /** e.g. `stack config tencentcloud:assumeRole` or `environment variable TENCENTCLOUD_PROFILE`. */
    readonly where: string;
}

/** What settings are read from. */
export interface SettingInputs {
    readonly explicit: Readonly<Record<string, unknown>>;
    readonly config?: ConfigSource;
    readonly env: NodeJS.ProcessEnv;
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== "";

/**
 * The name of `names` in `place`, for messages, or undefined where it cannot be set.
 *
 * @example
 * whereSet({ key: "profile", official: true, env: "TENCENTCLOUD_PROFILE" }, "tencentcloud"); // "stack config tencentcloud:profile"
 */
export function whereSet(names: SettingNames, place: PlaceKind): string | undefined {
    switch (place) {
        case "explicit":
            return `connection option ${names.key}`;
        case "tencentcloud-purge":
            return `stack config tencentcloud-purge:${names.key}`;
        case "tencentcloud":
            return names.official ? `stack config tencentcloud:${names.key}` : undefined;
        case "environment":
            return names.env === undefined ? undefined : `environment variable ${names.env}`;
    }
}

/**
 * The value of a setting in one place, or undefined when it is not set there (an empty value counts as not set).
 *
 * @example
 * readIn({ key: "profile", official: true, env: "TENCENTCLOUD_PROFILE" }, "environment", inputs);
 */
export function readIn(names: SettingNames, place: PlaceKind, inputs: SettingInputs): Found | undefined {
    const where = whereSet(names, place);
    if (where === undefined) {
        return undefined;
    }
    let value: unknown;
    switch (place) {
        case "explicit":
            value = inputs.explicit[names.key];
            break;
        case "tencentcloud-purge":
        case "tencentcloud":
            value = inputs.config?.get(`${place}:${names.key}`);
            break;
        case "environment":
            value = inputs.env[names.env!];
            break;
    }
    return present(value) ? { value, place, where } : undefined;
}

/**
 * The first place that sets a setting.
 *
 * @example
 * lookup({ key: "camRoleName", official: true, env: "TENCENTCLOUD_CAM_ROLE_NAME" }, inputs)?.where;
 */
export function lookup(names: SettingNames, inputs: SettingInputs): Found | undefined {
    for (const place of PLACES) {
        const found = readIn(names, place, inputs);
        if (found) {
            return found;
        }
    }
    return undefined;
}

/**
 * A found value as text, or an error naming where it was set and what it must be.
 *
 * @example
 * text(lookup(PROFILE, inputs)); // "default"
 */
export function text(found: Found | undefined): string | undefined {
    if (found === undefined) {
        return undefined;
    }
    if (typeof found.value !== "string") {
        throw new Error(`${found.where} must be a string, got ${typeof found.value}`);
    }
    return found.value;
}
