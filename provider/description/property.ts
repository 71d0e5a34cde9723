/**
 * The vocabulary of a description: what one property, one resource and one function are. Everything the package
 * says about a shape (schema, validation, diff, reference docs, and the compile-time check of the TypeScript SDK)
 * is read from values of these types, so a property is written once.
 */

/**
 * A closed set of strings, named as the schema's enum type (in `module`, `index` by default) and, for the CDN, the
 * TypeScript union type of the same name.
 */
export interface EnumSpec<V extends string = string> {
    readonly module?: string;
    readonly name: string;
    readonly values: readonly V[];
    readonly description: string;
}

/**
 * A value's form beyond its type, each checked by its own validator in `validateInputs.ts`:
 * `url`: a full http(s) URL; `time`: a `Date`, Beijing time or ISO-8601 with a zone (sent as CDN's Beijing time);
 * `isoTime`: a `Date` or ISO-8601 with a zone (sent as EdgeOne's ISO 8601 with `+08:00`); `keyword`: a domain or a
 * full URL.
 */
export type Format = "url" | "time" | "isoTime" | "keyword";

/** Text of a fixed form: the expression, and what fits in words for messages. */
export interface Pattern {
    readonly regex: RegExp;
    readonly hint: string;
}

/**
 * One property.
 *
 * @example
 * const area: PropertySpec = { type: "string", enum: PURGE_AREA, description: "Where the purge applies.", example: "mainland" };
 */
export interface PropertySpec {
    readonly type: "string" | "number" | "integer" | "boolean" | "array" | "object" | "any";
    /** For arrays: the items. */
    readonly items?: PropertySpec;
    /** For objects: a type in the package's `types`, by name (`PurgeTask`) or, outside `index`, `module:name`. */
    readonly ref?: string;
    readonly enum?: EnumSpec;
    readonly format?: Format;
    readonly pattern?: Pattern;
    /** Numbers: the range; arrays: how many items; strings: `max` is the longest length. */
    readonly min?: number;
    readonly max?: number;
    /** Arrays: no item may appear twice. */
    readonly unique?: boolean;
    readonly required?: boolean;
    readonly secret?: boolean;
    /** The value used when none is given, as users would write it. */
    readonly default?: string | number | boolean;
    /** One or two sentences, without the example. */
    readonly description: string;
    /** A value as a user would write it (YAML-ish text). */
    readonly example: string;
    /** For resource inputs: a change of it purges (or waits) again. Other inputs change only how the next wait runs. */
    readonly redoes?: boolean;
}

/** Properties by name. */
export type Properties = { readonly [name: string]: PropertySpec };

/**
 * The checks that span several properties. `known` holds the values already checked, typed from the properties
 * `Ps` (absent or unknown ones are `undefined`); `pending` names those unknown during a preview, which a rule must
 * not judge yet. A rule throws an `InvalidArgumentError`.
 *
 * @example
 * const rules: Rules<typeof PURGE_INPUTS> = (known) => { if (known.method === "delete") { ... } };
 */
export type Rules<Ps extends Properties = Properties> = (known: StoredValuesOf<Ps>, pending: ReadonlySet<string>) => void;

/** How a resource or function is shown in each language's docs. */
export interface Example {
    readonly title: string;
    readonly typescript: string;
    readonly python: string;
    readonly go: string;
    readonly yaml: string;
}

/**
 * What a resource and a function both are: a name in a module, docs, inputs (a resource's also kept in its
 * state; a function's arguments) and outputs (what a resource adds to its inputs; a function's result), and the
 * checks that span several inputs.
 *
 * @example
 * const r: ResourceSpec = { module: "index", name: "UrlPurge", description: "...", example, inputs, outputs };
 */
interface Described<I extends Properties = Properties> {
    readonly module: string;
    readonly name: string;
    readonly description: string;
    readonly example: Example;
    readonly inputs: I;
    readonly outputs: Properties;
    /**
     * The checks across the inputs. A method, so that rules typed by their own inputs fit the lists of every
     * resource and function (a method's parameters are compared both ways).
     */
    rules?(known: StoredValuesOf<I>, pending: ReadonlySet<string>): void;
}

/** One resource; `I`, when given, its inputs as described (`ResourceSpec<typeof URL_PURGE.inputs>`). */
export type ResourceSpec<I extends Properties = Properties> = Described<I>;
/** One function (an invoke). */
export type FunctionSpec = Described;

/** An object type used by properties (`ref`). */
export interface TypeSpec {
    readonly module: string;
    readonly name: string;
    readonly description: string;
    readonly properties: Properties;
}

/** The TypeScript value of a property, as a user passes it. */
export type ValueOf<P extends PropertySpec> =
    P extends { enum: EnumSpec<infer V> } ? V :
    P extends { format: "time" | "isoTime" } ? string | Date :
    P extends { type: "string" } ? string :
    P extends { type: "number" | "integer" } ? number :
    P extends { type: "boolean" } ? boolean :
    P extends { type: "array"; items: infer I extends PropertySpec } ? ValueOf<I>[] :
    unknown;

type RequiredKeys<Ps extends Properties> = { [K in keyof Ps]: Ps[K] extends { required: true } ? K : never }[keyof Ps];

/**
 * The arguments of a resource or function as plain values: required properties required, the rest optional.
 *
 * @example
 * type Args = ValuesOf<typeof URL_PURGE.inputs>; // { urls: string[]; area?: "mainland" | ...; ... }
 */
export type ValuesOf<Ps extends Properties> =
    { -readonly [K in RequiredKeys<Ps>]: ValueOf<Ps[K]> } &
    { -readonly [K in Exclude<keyof Ps, RequiredKeys<Ps>>]?: ValueOf<Ps[K]> };

/** A property's value as the engine stores it: times as text, everything JSON. */
export type StoredValueOf<P extends PropertySpec> =
    P extends { format: "time" | "isoTime" } ? string :
    P extends { type: "array"; items: infer I extends PropertySpec } ? readonly StoredValueOf<I>[] :
    ValueOf<P>;

/**
 * Properties as the engine hands them to a provider: each may be missing (the engine's copy of them may be
 * unknown during preview, or anything in an old state), so the providers validate them before use. Also what
 * `validateInputs` returns: the same types once checked, times in the API's text and unknown values missing.
 *
 * @example
 * type UrlPurgeState = StoredValuesOf<typeof URL_PURGE.inputs & typeof URL_PURGE.outputs>;
 */
export type StoredValuesOf<Ps extends Properties> = { readonly [K in keyof Ps]?: StoredValueOf<Ps[K]> };

/**
 * Checked values once every one is known, as a request carries them: required properties present, the rest
 * optional, times in the API's text, lists read-only.
 *
 * @example
 * type Sent = KnownValuesOf<typeof PATH_PURGE.inputs>; // { readonly paths: readonly string[]; readonly flushType: FlushType; ... }
 */
export type KnownValuesOf<Ps extends Properties> =
    { readonly [K in RequiredKeys<Ps>]: StoredValueOf<Ps[K]> } &
    { readonly [K in Exclude<keyof Ps, RequiredKeys<Ps>>]?: StoredValueOf<Ps[K]> };

/**
 * A property's limits in words, for docs: "From 1 to 86400", "1 to 100000 items", or "" when it has none.
 *
 * @example
 * limitsOf({ type: "integer", min: 1, max: 1000, ... }); // "From 1 to 1000"
 */
export function limitsOf(p: PropertySpec): string {
    const huge = (n: number | undefined) => n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER;
    if (p.type === "array" && (p.min !== undefined || p.max !== undefined)) {
        return `${p.min ?? 0} to ${huge(p.max) ? "any number of" : p.max} items${p.unique ? ", each once" : ""}`;
    }
    if ((p.type === "number" || p.type === "integer") && !(huge(p.min) && huge(p.max))) {
        return huge(p.max) ? `At least ${p.min}` : `From ${p.min ?? 0} to ${p.max}`;
    }
    return "";
}
