/**
 * Times in the EdgeOne API: ISO 8601 with an offset, e.g. `2026-12-04T20:00:00+08:00` (the API answers in
 * Beijing time). Unlike CDN's `YYYY-MM-DD HH:mm:ss`, these carry their zone, so they compare as instants.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats an instant as EdgeOne writes it: Beijing time with `+08:00`, whole seconds.
 *
 * @example
 * formatIsoApiTime(new Date("2026-12-04T12:00:00Z")); // "2026-12-04T20:00:00+08:00"
 */
export function formatIsoApiTime(instant: Date): string {
    const t = new Date(instant.getTime() + BEIJING_OFFSET_MS);
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T` +
        `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+08:00`;
}

/**
 * Parses ISO 8601 text that carries a zone (`Z` or `+08:00`), or returns `undefined` (no zone, not a real time).
 *
 * @example
 * parseIsoApiTime("2026-12-04T20:00:00+08:00")?.toISOString(); // "2026-12-04T12:00:00.000Z"
 */
export function parseIsoApiTime(text: string): Date | undefined {
    if (!ISO_WITH_ZONE.test(text)) {
        return undefined;
    }
    const d = new Date(text);
    // `Date` rolls 2026-02-30 over into March: compare the calendar day written with the one parsed.
    const [y, m, day] = text.slice(0, 10).split("-").map(Number);
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
    const shift = offset ? (offset[1] === "+" ? 1 : -1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
    const local = new Date(d.getTime() + shift);
    if (Number.isNaN(d.getTime()) || local.getUTCFullYear() !== y || local.getUTCMonth() + 1 !== m || local.getUTCDate() !== day) {
        return undefined;
    }
    return d;
}
