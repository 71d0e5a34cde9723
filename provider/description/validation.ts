/**
 * Checks arguments before any request is sent. Every message names the argument and says what is valid.
 * Inputs are typed `unknown`: values from JavaScript callers or the engine can be anything.
 */
import { formatApiTime, parseApiTime } from "../base/time";
import { formatIsoApiTime, parseIsoApiTime } from "../base/isoTime";

/**
 * A bad argument. `argument` names it as the caller spelled it.
 *
 * @example
 * throw new InvalidArgumentError("limit", "must be a whole number from 1 to 1000, got 0");
 */
export class InvalidArgumentError extends Error {
    constructor(readonly argument: string, message: string) {
        super(`Invalid argument "${argument}": ${message}`);
        this.name = "InvalidArgumentError";
    }
}

const show = (v: unknown): string => {
    if (typeof v === "string") {
        return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}...` : v);
    }
    if (v instanceof Date) {
        return `Date(${isNaN(v.getTime()) ? "invalid" : v.toISOString()})`;
    }
    return typeof v === "object" && v !== null ? (Array.isArray(v) ? "an array" : "an object") : String(v);
};

/**
 * A value from a fixed set, or `undefined` when absent.
 *
 * @example
 * optionalEnum("status", "done", ["done", "process", "fail"]); // "done"
 */
export function optionalEnum<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(name, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${show(value)}`);
    }
    return value as T;
}

/**
 * A whole number in [min, max], or `undefined` when absent.
 *
 * @example
 * optionalInteger("limit", 50, 1, 1000); // 50
 */
export function optionalInteger(name: string, value: unknown, min: number, max: number): number | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw new InvalidArgumentError(name, `must be a whole number from ${min} to ${max}, got ${show(value)}`);
    }
    return value;
}

/**
 * A non-empty string without control characters, at most `maxLength` long, or `undefined` when absent.
 *
 * @example
 * optionalText("taskId", "1533", 128); // "1533"
 */
export function optionalText(name: string, value: unknown, maxLength: number): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string" || value.trim() === "" || value.length > maxLength || /[\u0000-\u001f\u007f]/.test(value)) {
        throw new InvalidArgumentError(name, `must be a non-empty string of at most ${maxLength} characters without ` +
            `control characters, got ${show(value)}`);
    }
    return value;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A time as the API wants it (`YYYY-MM-DD HH:mm:ss`, Beijing time), from a `Date`, that same form, or an
 * ISO-8601 string with a zone (`2026-11-29T00:00:00Z`, `...+08:00`).
 *
 * @example
 * optionalTime("startTime", "2026-11-28T16:00:00Z"); // "2026-11-29 00:00:00"
 */
export function optionalTime(name: string, value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const invalid = () => new InvalidArgumentError(name, `must be a Date, a Beijing-time string "YYYY-MM-DD HH:mm:ss" ` +
        `(e.g. "2026-11-29 00:00:00") or an ISO-8601 time with a zone (e.g. "2026-11-28T16:00:00Z"), got ${show(value)}`);
    if (value instanceof Date) {
        if (isNaN(value.getTime())) {
            throw invalid();
        }
        return formatApiTime(value);
    }
    if (typeof value !== "string") {
        throw invalid();
    }
    if (parseApiTime(value)) {
        return value;
    }
    if (ISO_WITH_ZONE.test(value)) {
        const instant = new Date(value);
        const [date] = value.split("T");
        // Date() rolls 2026-02-30 over to March; a calendar check on the written date catches that.
        if (!isNaN(instant.getTime()) && parseApiTime(`${date} 00:00:00`)) {
            return formatApiTime(instant);
        }
    }
    throw invalid();
}

/**
 * A full http(s) URL, at most `maxLength` long, or `undefined` when absent.
 *
 * @example
 * optionalUrl("urls[0]", "https://www.example.com/index.html", 4096);
 */
export function optionalUrl(name: string, value: unknown, maxLength: number): string | undefined {
    const text = optionalText(name, value, maxLength);
    if (text === undefined) {
        return undefined;
    }
    let ok = false;
    try {
        ok = /^https?:\/\//i.test(text) && !!new URL(text).host;
    } catch {
        ok = false;
    }
    if (!ok) {
        throw new InvalidArgumentError(name, `must be a full URL starting with http:// or https://, got ${JSON.stringify(value)}`);
    }
    return text;
}

const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/**
 * A domain (`www.example.com`, `*.example.com`) or a full http(s) URL, or `undefined` when absent.
 *
 * @example
 * optionalKeyword("keyword", "www.example.com", 1024);
 */
export function optionalKeyword(name: string, value: unknown, maxLength: number): string | undefined {
    const text = optionalText(name, value, maxLength);
    if (text === undefined) {
        return undefined;
    }
    if (/^https?:\/\//i.test(text)) {
        try {
            new URL(text);
            return text;
        } catch {
            // fall through to the error below
        }
    } else if (DOMAIN.test(text)) {
        return text;
    }
    throw new InvalidArgumentError(name, `must be a domain such as "www.example.com" or a full URL starting with ` +
        `http:// or https://, got ${JSON.stringify(text.slice(0, 80))}`);
}

/**
 * A number in [min, max], or `undefined` when absent.
 *
 * @example
 * optionalNumber("timeoutSeconds", 900, 1, 86400); // 900
 */
export function optionalNumber(name: string, value: unknown, min: number, max: number): number | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
        throw new InvalidArgumentError(name, `must be a number from ${min} to ${max}, got ${show(value)}`);
    }
    return value;
}

/**
 * `true`, `false`, or `undefined` when absent.
 *
 * @example
 * optionalBoolean("wait", false); // false
 */
export function optionalBoolean(name: string, value: unknown): boolean | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "boolean") {
        throw new InvalidArgumentError(name, `must be true or false, got ${show(value)}`);
    }
    return value;
}

/**
 * A time as EdgeOne wants it (ISO 8601 in Beijing time with `+08:00`), from a `Date` or ISO-8601 text with a
 * zone, or `undefined` when absent.
 *
 * @example
 * optionalIsoTime("startTime", new Date("2026-12-04T12:00:00Z")); // "2026-12-04T20:00:00+08:00"
 */
export function optionalIsoTime(name: string, value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const instant = value instanceof Date ? value : typeof value === "string" ? parseIsoApiTime(value) : undefined;
    if (instant === undefined || Number.isNaN(instant.getTime())) {
        throw new InvalidArgumentError(name, `must be a Date or an ISO-8601 time with a zone (e.g. "2026-12-04T20:00:00+08:00" ` +
            `or "2026-12-04T12:00:00Z"), got ${show(value)}`);
    }
    return formatIsoApiTime(instant);
}

/**
 * Text of a given form (`pattern`), at most `maxLength` long, or `undefined` when absent; `hint` says what fits.
 *
 * @example
 * optionalMatch("zoneId", "zone-2noz78a8ev6k", 64, /^zone-[0-9a-z]{6,32}$/, 'an EdgeOne zone id such as "zone-2noz78a8ev6k"');
 */
export function optionalMatch(name: string, value: unknown, maxLength: number, pattern: RegExp, hint: string): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string" || value.length > maxLength || !pattern.test(value)) {
        throw new InvalidArgumentError(name, `must be ${hint}, got ${show(value)}`);
    }
    return value;
}
