/**
 * Parameters that arrive flat, as GET query strings and form-encoded v1 bodies carry them: lists as `Urls.0`,
 * `Urls.1`, objects as `Filter.Name`, and every value a string. The actions read the same shape as a JSON body,
 * so flat parameters are nested again and their numbers and booleans typed by name.
 */

/** How a flat string value is typed when its parameter has this kind. */
export type ParamKind = "integer" | "boolean";

/**
 * Decodes `a=1&b=2` (a query string or a form body) into a map; a repeated key keeps its last value.
 *
 * @example
 * parseFlatParams("Action=DescribePurgeQuota&Urls.0=https%3A%2F%2Fa.com%2Fx"); // { Action: "...", "Urls.0": "https://a.com/x" }
 */
export function parseFlatParams(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) {
        out[k] = v;
    }
    return out;
}

type Nested = { [key: string]: Nested | string };

/** Turns objects whose keys are all indexes into arrays, in index order. */
function toLists(node: Nested | string): unknown {
    if (typeof node === "string") {
        return node;
    }
    const keys = Object.keys(node);
    if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
        return keys.map(Number).sort((a, b) => a - b).map((i) => toLists(node[String(i)]));
    }
    return Object.fromEntries(keys.map((k) => [k, toLists(node[k])]));
}

function typed(value: unknown, kind: ParamKind | undefined): unknown {
    if (typeof value !== "string" || kind === undefined) {
        return value;
    }
    if (kind === "integer") {
        return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
    }
    const lower = value.toLowerCase();
    return lower === "true" ? true : lower === "false" ? false : value;
}

/**
 * Nests flat parameters (`Urls.0` -> `Urls[0]`) and types the top-level ones named in `kinds`; a value that does
 * not parse stays a string, so the action rejects it as it would a wrongly typed JSON field. Keys in `drop` (the
 * common parameters such as `Action` or `Signature`) are left out.
 *
 * @example
 * nestParams({ "Urls.0": "https://a.com/x", Limit: "10" }, { Limit: "integer" }, []);
 * // { Urls: ["https://a.com/x"], Limit: 10 }
 */
export function nestParams(flat: Readonly<Record<string, string>>, kinds: Readonly<Record<string, ParamKind>>,
    drop: readonly string[]): Record<string, unknown> {
    // Prototype-less nodes: a key such as `__proto__.x` must stay data.
    const root: Nested = Object.create(null);
    for (const [key, value] of Object.entries(flat)) {
        if (drop.includes(key)) {
            continue;
        }
        const path = key.split(".");
        let node = root;
        path.slice(0, -1).forEach((part) => {
            const next = node[part];
            node = typeof next === "object" ? next : (node[part] = Object.create(null));
        });
        const last = path[path.length - 1];
        if (typeof node[last] !== "object") {
            node[last] = value;
        }
    }
    const nested = toLists(root) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(nested).map(([k, v]) => [k, typed(v, kinds[k])]));
}
