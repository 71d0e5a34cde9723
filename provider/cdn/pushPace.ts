/**
 * How often a prefetch is checked, learned from the account's own recent prefetches: a prefetch takes minutes
 * (5 to 30 by Tencent's FAQ), and a fixed back-off either checks a long one many times or releases a short one
 * late. The typical duration is the lower quartile of `UpdateTime - CreateTime` over the account's recent finished
 * pushes (most take at least that long); the wait checks once at once and once early (a URL the origin lacks ends
 * `invalid` quickly), then rarely (every 2 minutes at most) until 80% of that duration, then often, backing off
 * slowly, so the release follows the prefetch within seconds.
 */
import { formatApiTime, parseApiTime } from "../base/time";
import { PushApi, PushTask } from "./pushTypes";

/** Where the quiet part ends: this share of the typical duration. */
const WARM_SHARE = 0.8;
/** The early check comes this long after the first (or at half the quiet part, when that is sooner). */
const EARLY_CHECK_MS = 60_000;
/** The longest pause of the quiet part: a prefetch shorter than the account's usual is released this late at most. */
const QUIET_MAX_MS = 120_000;
/** How far back the account's finished pushes are read. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** A learned duration serves the waits that start within this long, so many prefetches cost one read. */
const LEARNED_FOR_MS = 10 * 60_000;

/**
 * The pause before the next check, `elapsedMs` after the submission (or the start of the wait) and after `checks`
 * checks, for a prefetch that typically takes `typicalMs`; `minMs`..`maxMs` bound the pauses after the quiet part.
 *
 * @example
 * learnedDelayMs({ elapsedMs: 60_000, checks: 2, typicalMs: 600_000, minMs: 5000, maxMs: 30_000 }); // 120000
 */
export function learnedDelayMs(p: { elapsedMs: number; checks: number; typicalMs: number; minMs: number; maxMs: number }): number {
    const warmAt = WARM_SHARE * p.typicalMs;
    if (p.checks <= 1 && p.elapsedMs < warmAt) {
        return Math.max(p.minMs, Math.min(EARLY_CHECK_MS, warmAt / 2) - p.elapsedMs);
    }
    if (p.elapsedMs < warmAt) {
        return Math.max(p.minMs, Math.min(QUIET_MAX_MS, warmAt - p.elapsedMs));
    }
    return Math.min(p.maxMs, p.minMs + (p.elapsedMs - warmAt) / 4);
}

/**
 * The lower quartile of the durations of finished records (`UpdateTime - CreateTime`, both the API's Beijing
 * time), or undefined when none has both.
 *
 * @example
 * typicalDurationMs([{ ...r, createTime: "2026-11-29 10:00:00", updateTime: "2026-11-29 10:06:00" }]); // 360000
 */
export function typicalDurationMs(records: readonly PushTask[]): number | undefined {
    const durations = records.flatMap((r) => {
        const created = r.createTime ? parseApiTime(r.createTime)?.getTime() : undefined;
        const updated = r.updateTime ? parseApiTime(r.updateTime)?.getTime() : undefined;
        return created !== undefined && updated !== undefined && updated > created ? [updated - created] : [];
    }).sort((a, b) => a - b);
    return durations.length === 0 ? undefined : durations[Math.floor((durations.length - 1) / 4)];
}

const learned = new WeakMap<PushApi, { at: number; typicalMs: Promise<number | undefined> }>();

/**
 * The typical duration of this account's recent prefetches, from one page of its finished pushes (shared by the
 * waits that start within minutes); undefined when it has none, or the read fails (the wait then backs off as usual).
 *
 * @example
 * const typicalMs = await accountTypicalPushMs(api, Date.now());
 */
export function accountTypicalPushMs(api: PushApi, now: number, signal?: AbortSignal): Promise<number | undefined> {
    const known = learned.get(api);
    if (known && now - known.at < LEARNED_FOR_MS) {
        return known.typicalMs;
    }
    const startTime = new Date(now - LOOKBACK_MS);
    const typicalMs = api.describePushTasks({ startTime: formatApiTime(startTime), status: "done", offset: 0, limit: 100 }, signal)
        .then((page) => typicalDurationMs(page.pushLogs), () => undefined);
    learned.set(api, { at: now, typicalMs });
    return typicalMs;
}
