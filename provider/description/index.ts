/**
 * How a resource, function or type is described once (see `property.ts`), and what follows from a description:
 * validation, the diff, tokens. Each product describes its own in its folder; `provider/products.ts` lists them.
 *
 * @example
 * import { tokenOf, validateInputs } from ".";
 * tokenOf(URL_PURGE); // "tencentcloud-purge:index:UrlPurge"
 */
import { CONNECTION } from "./connection";
import { Properties } from "./property";

export * from "./property";
export { CONNECTION } from "./connection";
export { DEFAULT_WAIT, WAIT_OPTIONS, waitSettings, withoutWaitOptions } from "./waitOptions";
export type { RequestValuesOf, WaitOptionName, WaitSettings } from "./waitOptions";
export { checkFailures, checkValue, isUnknown, UNKNOWN, validateInputs } from "./validateInputs";
export { changedInputs, diffInputs, redoneBy } from "./diffInputs";
export type { ResourceDiff, Redo } from "./diffInputs";

/** The package name: the first part of every token, and the namespace of its stack config. */
export const PACKAGE_NAME = "tencentcloud-purge";

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
 * The names of the secret configuration keys: the plugin stores them encrypted even when set without `--secret`.
 *
 * @example
 * SECRET_CONFIG_KEYS.has("secretKey"); // true
 */
export const SECRET_CONFIG_KEYS: ReadonlySet<string> = secretKeys(CONNECTION);

/**
 * The names of a resource's secret inputs (e.g. a prefetch's `headers`, which may carry the origin's
 * credentials): every host keeps them, and the outputs of the same name, secret in the state.
 *
 * @example
 * secretInputsOf(URL_PUSH).has("headers"); // true
 */
export function secretInputsOf(described: { readonly inputs: Properties }): ReadonlySet<string> {
    return secretKeys(described.inputs);
}

function secretKeys(keys: Properties): ReadonlySet<string> {
    return new Set(Object.entries(keys).filter(([, p]) => p.secret).map(([k]) => k));
}
