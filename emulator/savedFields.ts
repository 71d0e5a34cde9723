/**
 * Reading a snapshot sent to a `.../restore` control endpoint: every product's saved tasks or jobs are a list of
 * plain objects, and a hand-edited or stale one is refused with a 400 naming the first bad field (`tasks[2].area`)
 * instead of answering queries with holes later.
 */
import { ControlError } from "./controlError";

/** One saved item's fields, each read with a check that names it. */
export class SavedFields {
    constructor(private readonly item: Record<string, unknown>, private readonly at: string) {}

    /** A non-empty string. */
    text(key: string): string {
        const v = this.item[key];
        if (typeof v !== "string" || v === "") {
            throw this.bad(key, "must be a non-empty string");
        }
        return v;
    }

    /** A list of strings, non-empty unless `mayBeEmpty`. */
    texts(key: string, mayBeEmpty = false): string[] {
        const v = this.item[key];
        if (!Array.isArray(v) || (!mayBeEmpty && v.length === 0) || !v.every((s) => typeof s === "string")) {
            throw this.bad(key, mayBeEmpty ? "must be a list of strings" : "must be a non-empty list of strings");
        }
        return v as string[];
    }

    /** Epoch milliseconds; `undefined` when absent and `optional`. */
    millis(key: string): number;
    millis(key: string, optional: true): number | undefined;
    millis(key: string, optional = false): number | undefined {
        const v = this.item[key];
        if (v === undefined && optional) {
            return undefined;
        }
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
            throw this.bad(key, "must be epoch milliseconds >= 0");
        }
        return v;
    }

    /** One of `allowed`. */
    oneOf<T extends string>(key: string, allowed: readonly T[]): T {
        const v = this.item[key];
        if (!allowed.includes(v as T)) {
            throw this.bad(key, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
        }
        return v as T;
    }

    private bad(key: string, what: string): ControlError {
        return new ControlError(400, `${this.at}.${key} ${what}`);
    }
}

/**
 * The items of a restore request's body `{"<list>": [...]}`, each read by `read`; throws a 400 {@link ControlError}
 * naming the first bad field.
 *
 * @example
 * savedItems(body, "tasks", "saved push tasks", (f) => ({ taskId: f.text("taskId"), urls: f.texts("urls") }));
 */
export function savedItems<T>(body: unknown, list: string, noun: string, read: (fields: SavedFields) => T): T[] {
    const items = (body as Record<string, unknown> | null)?.[list];
    if (!Array.isArray(items)) {
        throw new ControlError(400, `${list} must be a list of ${noun}`);
    }
    return items.map((value, i) =>
        read(new SavedFields((typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>, `${list}[${i}]`)));
}
