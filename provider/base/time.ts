/**
 * Times in the CDN API are wall-clock strings in Beijing time (UTC+8, no daylight saving):
 * `YYYY-MM-DD HH:mm:ss`. These helpers convert between that form and instants.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const API_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats an instant as the API's Beijing-time string.
 *
 * @example
 * formatApiTime(new Date("2018-08-07T16:00:00Z")); // "2018-08-08 00:00:00"
 */
export function formatApiTime(instant: Date): string {
    const t = new Date(instant.getTime() + BEIJING_OFFSET_MS);
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ` +
        `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/**
 * Parses the API's Beijing-time string into an instant, or returns `undefined` when the text is not
 * a real calendar time in that exact form.
 *
 * @example
 * parseApiTime("2018-08-08 00:00:00")?.toISOString(); // "2018-08-07T16:00:00.000Z"
 */
export function parseApiTime(text: string): Date | undefined {
    const m = API_TIME.exec(text);
    if (!m) {
        return undefined;
    }
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(utc);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
        return undefined;
    }
    return new Date(utc - BEIJING_OFFSET_MS);
}

/**
 * True when the text is the API's `YYYY-MM-DD HH:mm:ss` form and names a real time.
 *
 * @example
 * isApiTime("2026-02-30 00:00:00"); // false
 */
export function isApiTime(text: string): boolean {
    return parseApiTime(text) !== undefined;
}

/**
 * The earliest of some API times (they sort as text), ignoring absent ones.
 *
 * @example
 * earliestApiTime(["2026-11-29 10:00:00", undefined, "2026-11-28 23:00:00"]); // "2026-11-28 23:00:00"
 */
export function earliestApiTime(times: ReadonlyArray<string | null | undefined>): string | undefined {
    return times.filter((t): t is string => !!t).sort()[0];
}
