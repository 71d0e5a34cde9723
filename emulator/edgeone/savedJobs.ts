/**
 * Checks a snapshot of EdgeOne jobs sent to the control API (`POST /_emulator/teo/jobs/restore`) before the store
 * takes it, naming the first bad field.
 */
import { ControlError } from "../controlError";
import { SavedTeoJob, TEO_PURGE_TYPES, TeoJobType, TeoStatus } from "./store";

/** What each store's jobs may be: purges, or prefetches (whose method is the prefetch mode, and which may end `invalid`). */
const KINDS = {
    purge: { types: TEO_PURGE_TYPES, methods: ["invalidate", "delete"], statuses: ["processing", "success", "failed", "timeout", "canceled"] },
    prefetch: { types: ["prefetch_url"], methods: ["default", "edge"], statuses: ["processing", "success", "failed", "timeout", "canceled", "invalid"] },
} as const satisfies Record<string, { types: readonly TeoJobType[]; methods: readonly string[]; statuses: readonly TeoStatus[] }>;

function oneOf<T extends string>(job: Record<string, unknown>, key: string, allowed: readonly T[], at: string): T {
    const v = job[key];
    if (!allowed.includes(v as T)) {
        throw new ControlError(400, `${at}.${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    }
    return v as T;
}

const millis = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * The jobs of a restore request's body, `{"jobs": [{jobId, zoneId, type, method, targets, createdAtMs, status,
 * finishedAtMs?}]}` (what `TeoStore.savedJobs()` gives), of purge or prefetch jobs (`kind`); throws a 400
 * {@link ControlError} naming the first bad field.
 *
 * @example
 * parseSavedTeoJobs({ jobs: [{ jobId: "20ab", zoneId: "zone-1", type: "purge_url", method: "invalidate",
 *     targets: ["https://a.com/x"], createdAtMs: 1764900000000, status: "success", finishedAtMs: 1764900002000 }] });
 */
export function parseSavedTeoJobs(body: unknown, kind: keyof typeof KINDS = "purge"): SavedTeoJob[] {
    const { types, methods, statuses } = KINDS[kind];
    const jobs = (body as { jobs?: unknown } | null)?.jobs;
    if (!Array.isArray(jobs)) {
        throw new ControlError(400, "jobs must be a list of saved jobs");
    }
    return jobs.map((value, i) => {
        const at = `jobs[${i}]`;
        const job = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
        const { jobId, zoneId, targets, createdAtMs, finishedAtMs } = job;
        for (const [key, v] of [["jobId", jobId], ["zoneId", zoneId]] as const) {
            if (typeof v !== "string" || v === "") {
                throw new ControlError(400, `${at}.${key} must be a non-empty string`);
            }
        }
        if (!Array.isArray(targets) || !targets.every((t) => typeof t === "string")) {
            throw new ControlError(400, `${at}.targets must be a list of strings`);
        }
        if (!millis(createdAtMs) || (finishedAtMs !== undefined && !millis(finishedAtMs))) {
            throw new ControlError(400, `${at}.createdAtMs and finishedAtMs must be epoch milliseconds >= 0`);
        }
        return {
            jobId: jobId as string, zoneId: zoneId as string, targets: targets as string[], createdAtMs: createdAtMs as number,
            ...(finishedAtMs === undefined ? {} : { finishedAtMs: finishedAtMs as number }),
            type: oneOf<TeoJobType>(job, "type", types, at), method: oneOf<string>(job, "method", methods, at),
            status: oneOf<TeoStatus>(job, "status", statuses, at),
        };
    });
}
