/** Mapping the API's PurgeTask records to {@link PurgeTask}: lower-case enums, `null` for missing fields. */
import { FlushType, PurgeStatus, PurgeTask, PurgeType } from "./types";

const text = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);
const lower = (v: unknown): string | null => text(v)?.toLowerCase() ?? null;

/**
 * Maps one raw record; the vendor's own example answers `"Status": "Done"`, so enums are lower-cased.
 *
 * @example
 * toPurgeTask({ TaskId: "1", Url: "https://a/", Status: "Done" }).status; // "done"
 */
export function toPurgeTask(raw: unknown): PurgeTask {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
        taskId: text(r.TaskId),
        url: text(r.Url),
        status: lower(r.Status) as PurgeStatus | null,
        purgeType: lower(r.PurgeType) as PurgeType | null,
        flushType: lower(r.FlushType) as FlushType | null,
        createTime: text(r.CreateTime),
    };
}
