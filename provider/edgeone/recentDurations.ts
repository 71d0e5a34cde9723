/**
 * How long purges take in a zone, from its recent tasks: EdgeOne tells when each finished (`UpdateTime`), so
 * `UpdateTime - CreateTime` of the zone's recent successes says when a new job is worth its first check.
 * Checking before then costs calls and cannot release the wait any sooner.
 */
import { formatIsoApiTime, parseIsoApiTime } from "./isoTime";
import { EdgeOneApi, EdgeOnePurgeTask } from "./types";

/** How far back to look, how many tasks to look at, and how long one answer stays good. */
const LOOKBACK_MS = 24 * 60 * 60_000;
const SAMPLE = 200;
const KEEP_MS = 10 * 60_000;

const cache = new WeakMap<EdgeOneApi, Map<string, { readonly at: number; readonly ms: number | undefined }>>();

/**
 * The median of `UpdateTime - CreateTime` over finished tasks, in ms, or undefined when none tells.
 *
 * @example
 * medianDurationMs([{ ...t, status: "success", createTime: "2026-12-04T20:00:00+08:00", updateTime: "2026-12-04T20:00:06+08:00" }]); // 6000
 */
export function medianDurationMs(tasks: readonly EdgeOnePurgeTask[]): number | undefined {
    const durations = tasks.filter((t) => t.status === "success").map((t) => {
        const created = parseIsoApiTime(t.createTime ?? "");
        const updated = parseIsoApiTime(t.updateTime ?? "");
        return created && updated ? updated.getTime() - created.getTime() : NaN;
    }).filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
    if (durations.length === 0) {
        return undefined;
    }
    const mid = Math.floor(durations.length / 2);
    return durations.length % 2 === 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2;
}

/**
 * The zone's median purge duration: one DescribePurgeTasks call (the newest successes of the last day), kept for
 * ten minutes. Undefined when the zone has none, or the read failed (the wait then checks at once, as without it).
 *
 * @example
 * const ms = await recentPurgeDurationMs(client, "zone-2noz78a8ev6k", Date.now());
 */
export async function recentPurgeDurationMs(api: EdgeOneApi, zoneId: string, now: number, signal?: AbortSignal): Promise<number | undefined> {
    let zones = cache.get(api);
    if (!zones) {
        zones = new Map();
        cache.set(api, zones);
    }
    const known = zones.get(zoneId);
    if (known && now - known.at < KEEP_MS) {
        return known.ms;
    }
    let ms: number | undefined;
    try {
        const page = await api.describePurgeTasks({ zoneId, startTime: formatIsoApiTime(new Date(now - LOOKBACK_MS)),
            endTime: formatIsoApiTime(new Date(now + 1000)), filters: [{ name: "statuses", values: ["success"] }], offset: 0, limit: SAMPLE }, signal);
        ms = medianDurationMs(page.tasks);
    } catch {
        ms = undefined; // a hint only: the wait reads and reports errors itself
    }
    zones.set(zoneId, { at: now, ms });
    return ms;
}
