/**
 * Validation read from a description: each property by its type, form and limits, then the checks across
 * properties. The same in both hosts' `check`, in the resources before they send anything, and in the
 * functions. During `pulumi preview` some inputs are unknown: those pass, and are checked again when known.
 */
import { InvalidArgumentError, optionalBoolean, optionalEnum, optionalInteger, optionalIsoTime, optionalKeyword, optionalMatch,
    optionalNumber, optionalText, optionalTime, optionalUrl } from "./validation";
import { Properties, PropertySpec, StoredValuesOf } from "./property";

/** The engine's placeholder for a value not known yet (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * True when `v` is unknown, or holds something unknown.
 *
 * @example
 * isUnknown(["https://a/", UNKNOWN]); // true
 */
export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN || (Array.isArray(v) && v.some(isUnknown));
}

/** Whatever has properties to check and, maybe, checks across them: a resource's inputs or a function's arguments. */
export interface Checked<Ps extends Properties = Properties> {
    readonly name: string;
    readonly inputs: Ps;
    rules?(known: StoredValuesOf<Ps>, pending: ReadonlySet<string>): void;
}

/**
 * One value, present and known, checked against its property; returns it in the API's form (times as Beijing time).
 *
 * @example
 * checkValue("limit", { type: "integer", min: 1, max: 1000, ... }, 50); // 50
 */
export function checkValue(name: string, spec: PropertySpec, value: unknown): unknown {
    if (spec.enum) {
        return optionalEnum(name, value, spec.enum.values);
    }
    if (spec.pattern) {
        return optionalMatch(name, value, spec.max ?? 1024, spec.pattern.regex, spec.pattern.hint);
    }
    switch (spec.format) {
        case "time": return optionalTime(name, value);
        case "isoTime": return optionalIsoTime(name, value);
        case "url": return optionalUrl(name, value, spec.max ?? 4096);
        case "keyword": return optionalKeyword(name, value, spec.max ?? 1024);
    }
    switch (spec.type) {
        case "string": return optionalText(name, value, spec.max ?? 1024);
        case "number": return optionalNumber(name, value, spec.min ?? -Number.MAX_VALUE, spec.max ?? Number.MAX_VALUE);
        case "integer": return optionalInteger(name, value, spec.min ?? Number.MIN_SAFE_INTEGER, spec.max ?? Number.MAX_SAFE_INTEGER);
        case "boolean": return optionalBoolean(name, value);
        case "array": return checkList(name, spec, value);
        default: return value;
    }
}

function checkList(name: string, spec: PropertySpec, value: unknown): unknown[] | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const [min, max] = [spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER];
    if (!Array.isArray(value) || value.length < min || value.length > max) {
        const items = spec.items?.format === "url" ? "full URLs starting with http:// or https://" : "items";
        const count = max >= Number.MAX_SAFE_INTEGER ? (min > 0 ? `at least ${min}` : "any number of") : `${min} to ${max}`;
        throw new InvalidArgumentError(name, `must be a list of ${count} ${items}, ` +
            `got ${Array.isArray(value) ? `${value.length} items` : JSON.stringify(value) ?? String(value)}`);
    }
    const items = value.map((v, i) => {
        // An empty item (YAML's ~, Python's None) is no value: refused, unless the list takes anything.
        if ((v === undefined || v === null) && spec.items && spec.items.type !== "any") {
            throw new InvalidArgumentError(`${name}[${i}]`, `must be a value, got ${v === null ? "null" : "nothing"}`);
        }
        return spec.items ? checkValue(`${name}[${i}]`, spec.items, v) : v;
    });
    if (spec.unique) {
        const seen = new Set<string>();
        items.forEach((v, i) => {
            const key = JSON.stringify(v);
            if (seen.has(key)) {
                throw new InvalidArgumentError(`${name}[${i}]`, `is listed twice: ${key}`);
            }
            seen.add(key);
        });
    }
    return items;
}

/**
 * Checks every described property of `inputs` and the checks across them. Returns the known values in the API's
 * form, typed from the description; an unknown value is `undefined` there. Names the description does not know
 * are ignored (the engine adds its own).
 *
 * @example
 * validateInputs(URL_PURGE, { urls: ["https://www.example.com/"] }).urls; // ["https://www.example.com/"]: readonly string[] | undefined
 */
export function validateInputs<Ps extends Properties>(described: Checked<Ps>, inputs: Readonly<Record<string, unknown>>): StoredValuesOf<Ps> {
    const known: Record<string, unknown> = {};
    const pending = new Set<string>();
    for (const [name, spec] of Object.entries(described.inputs)) {
        const value = inputs[name];
        if (isUnknown(value)) {
            pending.add(name);
            continue;
        }
        if ((value === undefined || value === null) && spec.required) {
            throw new InvalidArgumentError(name, `is required for ${described.name}: ${requiredHint(spec)}`);
        }
        known[name] = checkValue(name, spec, value);
    }
    // The one place the checked values get their types: each just passed checkValue against its property, and
    // StoredValueOf reads the type from that same property.
    const checked = known as StoredValuesOf<Ps>;
    described.rules?.(checked, pending);
    return checked;
}

/** What a missing required property should be, from its description. */
function requiredHint(spec: PropertySpec): string {
    if (spec.enum) {
        return `one of ${spec.enum.values.map((v) => `"${v}"`).join(", ")} (${spec.description})`;
    }
    return `${spec.description} For example ${spec.example}`;
}

/**
 * Runs `validate` and turns an {@link InvalidArgumentError} into the engine's check failures.
 *
 * @example
 * checkFailures(() => validateInputs(URL_PURGE, { urls: ["ftp://x"] })); // [{ property: "urls", reason: "..." }]
 */
export function checkFailures(validate: () => unknown): { property: string; reason: string }[] {
    try {
        validate();
        return [];
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return [{ property: e.argument.replace(/\[\d+\]$/, ""), reason: e.message }];
        }
        throw e;
    }
}
