/**
 * Bad values of a described property, read from its {@link PropertySpec} (type, min/max, enum, format, pattern,
 * unique), so every resource and function of every product is covered as soon as it is described. Boundary values
 * (just past min or max, a repeated item) are listed once each; the rest are fast-check arbitraries.
 */
import fc from "fast-check";
import { PropertySpec } from "../../../../provider/description";

/** A bad value that needs trying only once, and why it is bad. */
export interface Boundary {
    readonly why: string;
    readonly value: unknown;
}

/** Bad values that break one rule of the property, under what they break. */
export type BadValues = ReadonlyArray<readonly [why: string, values: fc.Arbitrary<unknown>]>;

const BAD_FORMATS: Readonly<Record<NonNullable<PropertySpec["format"]>, readonly string[]>> = {
    url: ["not a url", "ftp://www.example.com/a", "https://", "www.example.com/a", "http://exa mple.com/"],
    time: ["2026-02-30 00:00:00", "2026-13-01 00:00:00", "2026-11-29 24:00:00", "2026-11-29", "2026-11-29 00:00", "yesterday"],
    isoTime: ["2026-12-04T20:00:00", "2026-13-04T20:00:00+08:00", "2026-02-30T00:00:00Z", "2026-12-04", "yesterday"],
    keyword: ["not a domain", "-bad-.com", "a..b", "https://", "http://exa mple.com/"],
};

/**
 * A valid value of `spec`, the `i`-th of distinct ones where the type allows, for lists that must be long.
 *
 * @example
 * validValue({ type: "string", format: "url", ... }, 3); // "https://www.example.com/3"
 */
export function validValue(spec: PropertySpec, i = 0): unknown {
    if (spec.enum) return spec.enum.values[i % spec.enum.values.length];
    if (spec.pattern) {
        // The example with `i` put before its first dot (a host name) or at its end (an id): still of the pattern.
        const dot = spec.example.indexOf(".");
        return dot < 0 ? `${spec.example}${i}` : `${spec.example.slice(0, dot)}${i}${spec.example.slice(dot)}`;
    }
    switch (spec.format) {
        case "url": return `https://www.example.com/${i}`;
        case "time": return "2026-11-29 00:00:00";
        case "isoTime": return "2026-12-04T20:00:00+08:00";
        case "keyword": return `www${i}.example.com`;
    }
    switch (spec.type) {
        case "string": return `v${i}`;
        case "number": case "integer": return (spec.min ?? 0) + 1;
        case "boolean": return true;
        case "array": return [validValue(spec.items!, i)];
        default: return `any ${i}`;
    }
}

/** Values of every type but `type`, never absent (null and undefined mean "not given"). */
function wrongType(type: PropertySpec["type"]): fc.Arbitrary<unknown> {
    const all: Record<string, fc.Arbitrary<unknown>> = {
        string: fc.string({ maxLength: 6 }),
        number: fc.double({ noNaN: true }),
        boolean: fc.boolean(),
        array: fc.array(fc.integer(), { maxLength: 3 }),
        object: fc.constant({}),
    };
    const numeric = type === "number" || type === "integer";
    return fc.oneof(...Object.entries(all).filter(([t]) => t !== type && !(numeric && t === "number")).map(([, a]) => a));
}

/**
 * The bad values of `spec` that fast-check should draw from, by the rule they break.
 *
 * @example
 * badValues({ type: "integer", min: 1, max: 1000, ... }).map(([why]) => why); // ["wrong type", "below min", "above max", "not whole"]
 */
export function badValues(spec: PropertySpec): BadValues {
    if (spec.type === "any") return [];
    const out: Array<readonly [string, fc.Arbitrary<unknown>]> = [["wrong type", wrongType(spec.type)]];
    const { min, max } = spec;
    if (spec.type === "number" || spec.type === "integer") {
        if (min !== undefined) out.push(["below min", fc.double({ max: min - 0.001, noNaN: true, noDefaultInfinity: true })]);
        if (max !== undefined && max < Number.MAX_SAFE_INTEGER) out.push(["above max", fc.double({ min: max + 0.001, noNaN: true, noDefaultInfinity: true })]);
        out.push(["not finite", fc.constantFrom(NaN, Infinity, -Infinity)]);
        if (spec.type === "integer") {
            out.push(["not whole", fc.double({ min: (min ?? 0) + 0.01, max: Math.min(max ?? 1e6, 1e6) - 0.01, noInteger: true, noNaN: true })]);
        }
    }
    if (spec.type === "string") {
        out.push(["blank or with control characters", fc.oneof(fc.constantFrom("", "   "),
            fc.string({ minLength: 1, maxLength: 5 }).map((s) => `${s}\u0001`))]);
        if (spec.enum) {
            const allowed = spec.enum.values as readonly string[];
            out.push(["not in the enum", fc.oneof(fc.string({ maxLength: 12 }).filter((s) => !allowed.includes(s)),
                fc.constantFrom(...allowed.map((a) => a.toUpperCase())))]);
        }
        if (spec.format) out.push([`not a ${spec.format}`, fc.constantFrom(...BAD_FORMATS[spec.format])]);
        if (spec.pattern) {
            const { regex } = spec.pattern;
            out.push(["not of the pattern", fc.string({ maxLength: 20 }).filter((s) => !regex.test(s))]);
        }
    }
    const badItems = spec.type === "array" && spec.items ? badValues(spec.items).map(([, a]) => a) : [];
    if (badItems.length > 0) {
        out.push(["a bad item", fc.oneof(...badItems).map((v) => [v])]);
    }
    return out;
}

/**
 * The boundary values of `spec`: just below min, just above max (lists one item too long, of valid items),
 * an item listed twice.
 *
 * @example
 * boundaries({ type: "number", min: 1, max: 86400, ... }); // [{ why: "below min", value: 0.999 }, { why: "above max", value: 86400.001 }]
 */
export function boundaries(spec: PropertySpec): Boundary[] {
    const out: Boundary[] = [];
    const { min, max } = spec;
    if (spec.type === "number" || spec.type === "integer") {
        const step = spec.type === "integer" ? 1 : 0.001;
        if (min !== undefined) out.push({ why: "below min", value: min - step });
        if (max !== undefined) out.push({ why: "above max", value: max >= Number.MAX_SAFE_INTEGER ? 2 ** 53 : max + step });
    }
    if (spec.type === "string" && max !== undefined) {
        const valid = String(validValue(spec));
        out.push({ why: "longer than max", value: valid + "a".repeat(max + 1 - valid.length) });
    }
    if (spec.type === "array" && spec.items) {
        if (min !== undefined && min > 0) out.push({ why: "fewer items than min", value: [] });
        if (max !== undefined) out.push({ why: "more items than max", value: Array.from({ length: max + 1 }, (_, i) => validValue(spec.items!, i)) });
        if (spec.unique) out.push({ why: "an item listed twice", value: [validValue(spec.items), validValue(spec.items)] });
    }
    return out;
}
