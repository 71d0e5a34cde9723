/**
 * The EdgeOne part of the control API, under `/_emulator/teo/`:
 *
 * - `GET  /_emulator/teo/tasks`                    every EdgeOne task with its current status
 * - `POST /_emulator/teo/targets`                  how a target ends from now on: `{"target", "status": "failed"|"timeout"|
 *                                                  "canceled", "failType"?, "failMessage"?}`, or `{"target", "refuse": reason}`
 *                                                  to have CreatePurgeTask list it in FailedList
 * - `POST /_emulator/teo/jobs/{id}/complete`       `{"status": "success"|"failed"|"timeout"|"canceled", "atMs"?: when}`
 *                                                  (default success, now)
 * - `GET  /_emulator/teo/jobs/saved`               every job as a snapshot: `{"jobs": [{jobId, targets, createdAtMs, status, ...}]}`
 * - `POST /_emulator/teo/jobs/restore`             add the jobs of such a snapshot, ids, times and statuses kept (a
 *                                                  `processing` one stays processing until completed)
 *
 * and the same for prefetch jobs, under `/_emulator/teo/prefetch/`: `GET tasks`, `POST targets` (status also
 * `invalid`: the origin answered 4xx/5xx), `POST jobs/{id}/complete` (status also `invalid`), `GET jobs/saved` and
 * `POST jobs/restore`.
 */
import { ControlError } from "../controlError";
import { TeoContext } from "./actions";
import { TargetOutcome, TeoStatus, TeoStore } from "./store";
import { parseSavedTeoJobs } from "./savedJobs";

const ENDINGS = ["failed", "timeout", "canceled"] as const;
const STATUSES: readonly TeoStatus[] = ["success", ...ENDINGS];
/** A prefetch may also end `invalid`. */
const PREFETCH_ENDINGS = [...ENDINGS, "invalid"] as const;
const PREFETCH_STATUSES: readonly TeoStatus[] = ["success", ...PREFETCH_ENDINGS];

/**
 * Answers an EdgeOne control route (`path` without the `/_emulator/` prefix), or returns undefined when `path` is not one.
 *
 * @example
 * const answer = await teoControlRoute(ctx, "POST", "teo/targets", async () => ({ target: "https://a.com/x", status: "timeout" }));
 */
export async function teoControlRoute(ctx: TeoContext, method: string, path: string,
    body: () => Promise<unknown>): Promise<unknown> {
    if (method === "GET" && path === "teo/prefetch/jobs/saved") {
        return { jobs: ctx.teoPrefetchStore.savedJobs() };
    }
    if (method === "POST" && path === "teo/prefetch/jobs/restore") {
        const jobs = parseSavedTeoJobs(await body(), "prefetch");
        ctx.teoPrefetchStore.restore(jobs);
        return { restored: jobs.length };
    }
    if (path.startsWith("teo/prefetch/")) {
        return jobRoutes(ctx.teoPrefetchStore, PREFETCH_ENDINGS, PREFETCH_STATUSES, method, path.slice("teo/prefetch/".length), body);
    }
    if (method === "GET" && path === "teo/jobs/saved") {
        return { jobs: ctx.teoStore.savedJobs() };
    }
    if (method === "POST" && path === "teo/jobs/restore") {
        const jobs = parseSavedTeoJobs(await body());
        ctx.teoStore.restore(jobs);
        return { restored: jobs.length };
    }
    return path.startsWith("teo/") ? jobRoutes(ctx.teoStore, ENDINGS, STATUSES, method, path.slice("teo/".length), body) : undefined;
}

/** The routes over one store's jobs (`path` relative to it): its tasks, how its targets end, completing a job. */
async function jobRoutes(store: TeoStore, endings: readonly string[], statuses: readonly TeoStatus[], method: string, path: string,
    body: () => Promise<unknown>): Promise<unknown> {
    const job = /^jobs\/([^/]+)\/complete$/.exec(path);
    if (method === "GET" && path === "tasks") {
        return { tasks: store.allRecords() };
    }
    if (method === "POST" && path === "targets") {
        const b = (await body()) as Record<string, unknown> | null;
        const target = b?.target;
        if (typeof target !== "string" || target === "") {
            throw new ControlError(400, "target must be a non-empty string");
        }
        if (typeof b?.refuse === "string") {
            store.refuse(target, b.refuse);
            return { target, refuse: b.refuse };
        }
        const status = b?.status;
        if (!endings.includes(status as string)) {
            throw new ControlError(400, `status must be one of ${endings.join(", ")} (or give refuse: reason)`);
        }
        const outcome = {
            status: status as TargetOutcome["status"],
            failType: typeof b?.failType === "string" ? b.failType : "taskFailed",
            failMessage: typeof b?.failMessage === "string" ? b.failMessage : `the task ended ${String(status)}`,
        };
        store.setOutcome(target, outcome);
        return { target, ...outcome };
    }
    if (method === "POST" && job) {
        const b = (await body()) as { status?: unknown; atMs?: unknown } | null;
        const status = b?.status ?? "success";
        if (!statuses.includes(status as TeoStatus)) {
            throw new ControlError(400, `status must be one of ${statuses.join(", ")}`);
        }
        if (b?.atMs !== undefined && !(typeof b.atMs === "number" && Number.isFinite(b.atMs) && b.atMs >= 0)) {
            throw new ControlError(400, "atMs must be epoch milliseconds >= 0 (when the job finished; default now)");
        }
        const jobId = decodeURIComponent(job[1]);
        if (!store.complete(jobId, status as TeoStatus, b?.atMs as number | undefined)) {
            throw new ControlError(404, `no job ${jobId}`);
        }
        return { jobId, ok: true };
    }
    return undefined;
}
