/**
 * Every resource, function and type the package offers, each described once (see `property.ts`). Products add
 * their descriptions here; the schema, the reference docs and the plugin's routing follow.
 *
 * @example
 * import { RESOURCES, tokenOf } from ".";
 * RESOURCES.map(tokenOf); // ["tencentcloud-purge:index:UrlPurge", ...]
 */
import { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK, PURGE_TASK_WAITER, URL_PURGE } from "../cdn/description";
import { ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, CONNECTION } from "./connection";
import { EDGEONE_GET_PURGE_TASKS, EDGEONE_PURGE, EDGEONE_PURGE_TASK, EDGEONE_PURGE_TASK_WAITER } from "../edgeone/description";
import { EnumSpec, FunctionSpec, Properties, PropertySpec, ResourceSpec, TypeSpec } from "./property";

export * from "./property";
export { CONNECTION } from "./connection";
export { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK_WAITER, URL_PURGE } from "../cdn/description";
export { EDGEONE_GET_PURGE_TASKS, EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER } from "../edgeone/description";
export { DEFAULT_WAIT, WAIT_OPTIONS, waitSettings } from "./waitOptions";
export type { WaitSettings } from "./waitOptions";
export { checkFailures, checkValue, isUnknown, UNKNOWN, validateInputs } from "./validateInputs";
export { changedInputs, diffInputs, redoneBy } from "./diffInputs";
export type { ResourceDiff, Redo } from "./diffInputs";

/** The package name: the first part of every token, and the namespace of its stack config. */
export const PACKAGE_NAME = "tencentcloud-purge";

/** Every resource. */
export const RESOURCES: readonly ResourceSpec[] = [URL_PURGE, PATH_PURGE, PURGE_TASK_WAITER, EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER];
/** Every function. */
export const FUNCTIONS: readonly FunctionSpec[] = [GET_PURGE_TASKS, EDGEONE_GET_PURGE_TASKS];
/** Every object type. */
export const TYPES: readonly TypeSpec[] = [PURGE_TASK, ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, EDGEONE_PURGE_TASK];

/**
 * The schema token of a resource, function, type or enum: `tencentcloud-purge:<module>:<Name>`.
 *
 * @example
 * tokenOf(URL_PURGE); // "tencentcloud-purge:index:UrlPurge"
 */
export function tokenOf(thing: { readonly module?: string; readonly name: string }): string {
    return `${PACKAGE_NAME}:${thing.module ?? "index"}:${thing.name}`;
}

/**
 * The schema token of an object type a property names (`ref`): `PurgeTask` in `index`, or `module:Name`.
 *
 * @example
 * refToken("edgeone:PurgeTask"); // "tencentcloud-purge:edgeone:PurgeTask"
 */
export function refToken(ref: string): string {
    return ref.includes(":") ? `${PACKAGE_NAME}:${ref}` : tokenOf({ name: ref });
}

/**
 * Every enum a property uses, once each, in the order first met.
 *
 * @example
 * enumsOf().map((e) => e.name); // ["PurgeArea", "FlushType", ...]
 */
export function enumsOf(): EnumSpec[] {
    const found = new Map<string, EnumSpec>();
    const visit = (p: PropertySpec) => {
        if (p.enum && !found.has(tokenOf(p.enum))) found.set(tokenOf(p.enum), p.enum);
        if (p.items) visit(p.items);
    };
    const all: Properties[] = [CONNECTION, ...RESOURCES.flatMap((r) => [r.inputs, r.outputs]),
        ...FUNCTIONS.flatMap((f) => [f.inputs, f.outputs]), ...TYPES.map((t) => t.properties)];
    all.forEach((ps) => Object.values(ps).forEach(visit));
    return [...found.values()];
}

/**
 * The names of the secret configuration keys: the plugin stores them encrypted even when set without `--secret`.
 *
 * @example
 * SECRET_CONFIG_KEYS.has("secretKey"); // true
 */
export const SECRET_CONFIG_KEYS: ReadonlySet<string> =
    new Set(Object.entries(CONNECTION).filter(([, p]) => p.secret).map(([k]) => k));
