/**
 * Checks a snapshot of EdgeOne jobs sent to the control API (`POST /_emulator/teo/jobs/restore`) before the store
 * takes it (see `../savedFields.ts`).
 */
import { savedItems } from "../savedFields";
import { SavedTeoJob, TEO_PURGE_TYPES, TeoJobType, TeoStatus } from "./store";

/** What each store's jobs may be: purges, or prefetches (whose method is the prefetch mode, and which may end `invalid`). */
const KINDS = {
    purge: { types: TEO_PURGE_TYPES, methods: ["invalidate", "delete"], statuses: ["processing", "success", "failed", "timeout", "canceled"] },
    prefetch: { types: ["prefetch_url"], methods: ["default", "edge"], statuses: ["processing", "success", "failed", "timeout", "canceled", "invalid"] },
} as const satisfies Record<string, { types: readonly TeoJobType[]; methods: readonly string[]; statuses: readonly TeoStatus[] }>;

/**
 * The jobs of a restore request's body, `{"jobs": [{jobId, zoneId, type, method, targets, createdAtMs, status,
 * finishedAtMs?}]}` (what `TeoStore.savedJobs()` gives), of purge or prefetch jobs (`kind`); throws a 400
 * `ControlError` naming the first bad field.
 *
 * @example
 * parseSavedTeoJobs({ jobs: [{ jobId: "20ab", zoneId: "zone-1", type: "purge_url", method: "invalidate",
 *     targets: ["https://a.com/x"], createdAtMs: 1764900000000, status: "success", finishedAtMs: 1764900002000 }] });
 */
export function parseSavedTeoJobs(body: unknown, kind: keyof typeof KINDS = "purge"): SavedTeoJob[] {
    const { types, methods, statuses } = KINDS[kind];
    return savedItems(body, "jobs", "saved jobs", (f) => {
        const finishedAtMs = f.millis("finishedAtMs", true);
        return {
            jobId: f.text("jobId"), zoneId: f.text("zoneId"), targets: f.texts("targets", true), createdAtMs: f.millis("createdAtMs"),
            ...(finishedAtMs === undefined ? {} : { finishedAtMs }),
            type: f.oneOf<TeoJobType>("type", types), method: f.oneOf<string>("method", methods),
            status: f.oneOf<TeoStatus>("status", statuses),
        };
    });
}
