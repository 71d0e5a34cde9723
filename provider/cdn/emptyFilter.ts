/**
 * Why a PurgeTaskWaiter's filter found nothing. The API only says "no record"; a few one-record reads (made only
 * after the wait has failed) tell which filter is the one that matches nothing, so the message can say what to
 * check instead of sending the user after a task id they never gave.
 */
import { DescribePurgeTasksQuery, PurgeApi } from "./types";
import { WaitTarget } from "./inputs";

type Narrowing = "keyword" | "purgeType" | "area";

const ADVICE: Record<Narrowing, string> = {
    keyword: "that it is the domain (www.example.com) or a full URL exactly as it was purged",
    purgeType: `that it is "url" for URL purges or "path" for directory purges`,
    area: `that it is the area the purge was submitted for ("mainland", "overseas" or "global")`,
};

async function count(api: PurgeApi, query: DescribePurgeTasksQuery, signal?: AbortSignal): Promise<number> {
    const page = await api.describePurgeTasks({ ...query, offset: 0, limit: 1 }, signal);
    return page.totalCount ?? page.purgeLogs.length;
}

/**
 * One sentence saying which part of `target` matched no purge record, and what to check. Falls back to naming
 * the whole filter when the API cannot be asked.
 *
 * @example
 * await explainEmptyFilter(api, { keyword: "www.example.org", startTime: "2026-11-29 00:00:00" });
 * // 'the API lists 12 purge records from 2026-11-29 00:00:00 (Beijing time), but none with keyword "www.example.org": ...'
 */
export async function explainEmptyFilter(api: PurgeApi, target: WaitTarget, signal?: AbortSignal): Promise<string> {
    const window = { startTime: target.startTime, endTime: target.endTime };
    const span = `from ${target.startTime}${target.endTime ? ` to ${target.endTime}` : ""} (Beijing time)`;
    const given = (["keyword", "purgeType", "area"] as const).filter((k) => target[k] !== undefined);
    const filter = [`startTime ${target.startTime}`, ...given.map((k) => `${k} ${JSON.stringify(target[k])}`)].join(", ");
    try {
        const all = await count(api, window, signal);
        if (all === 0) {
            return `the API lists no purge record at all ${span} for these credentials: check startTime (a Date, ` +
                `ISO-8601 with a zone, or Beijing time "YYYY-MM-DD HH:mm:ss") and that the credentials belong to the ` +
                "account that submitted the purge";
        }
        for (const k of given) {
            if (await count(api, { ...window, [k]: target[k] }, signal) === 0) {
                return `the API lists ${all} purge record${all === 1 ? "" : "s"} ${span}, but none with ${k} ` +
                    `${JSON.stringify(target[k])}: check ${ADVICE[k]}`;
            }
        }
        return `each part of the filter (${filter}) matches some purge records, but none matches all of them together`;
    } catch {
        return `no purge record matched the filter (${filter}): check each part of it`;
    }
}
