/**
 * What the run compares between the account and the emulator: the shape of what the package returned, not the
 * values that differ from run to run (ids, times). Words the API defines (statuses, types) are kept as they are;
 * other text keeps its form (`2026-12-07 15:04:05` becomes `9999-99-99 99:99:99`).
 */

/** Fields whose values are the API's words, compared as they are. */
const WORDS = new Set(["status", "purgeType", "flushType", "type", "method", "failType", "url", "target"]);

/** A value's form: digits as 9, letters as a (so an id's length and layout show, not the id). */
export const formOf = (value: unknown): string =>
    value === null || value === undefined ? String(value)
        : typeof value === "string" ? value.replace(/[0-9]/g, "9").replace(/[a-z]/gi, "a") : typeof value;

/** Ids are random: only whether one is there is compared. */
const isId = (key: string) => /Ids?$/.test(key);

/**
 * A record as its shape: every field's form, its value for the API's words, "id" for an id.
 *
 * @example
 * recordShape({ taskId: "1533", status: "done", createTime: "2026-12-07 15:04:05" });
 * // { createTime: "9999-99-99 99:99:99", status: "done", taskId: "id" }
 */
export function recordShape(record: object): Record<string, string> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, WORDS.has(k) && typeof v === "string" ? v : isId(k) && typeof v === "string" && v !== "" ? "id" : formOf(v)]));
}

/**
 * Where two shapes differ, as `path: account … / emulator …` lines; empty when they agree.
 *
 * @example
 * shapeDifferences({ a: { status: "done" } }, { a: { status: "process" } }); // ["a.status: account \"done\", emulator \"process\""]
 */
export function shapeDifferences(account: unknown, emulator: unknown, at = ""): string[] {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
    if (isObject(account) && isObject(emulator)) {
        const keys = [...new Set([...Object.keys(account), ...Object.keys(emulator)])].sort();
        return keys.flatMap((k) => shapeDifferences(account[k], emulator[k], at ? `${at}.${k}` : k));
    }
    return JSON.stringify(account) === JSON.stringify(emulator) ? []
        : [`${at}: account ${JSON.stringify(account) ?? "nothing"}, emulator ${JSON.stringify(emulator) ?? "nothing"}`];
}
