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
 */
import { ControlError } from "../controlError";
import { TeoContext } from "./actions";
import { TeoStatus } from "./store";
import { parseSavedTeoJobs } from "./savedJobs";

const ENDINGS = ["failed", "timeout", "canceled"] as const;
const STATUSES: readonly TeoStatus[] = ["success", ...ENDINGS];

/**
 * Answers an EdgeOne control route (`path` without the `/_emulator/` prefix), or returns undefined when `path` is not one.
 *
 * @example
 * const answer = await teoControlRoute(ctx, "POST", "teo/targets", async () => ({ target: "https://a.com/x", status: "timeout" }));
 */
export async function teoControlRoute(ctx: TeoContext, method: string, path: string,
    body: () => Promise<unknown>): Promise<unknown> {
    const job = /^teo\/jobs\/([^/]+)\/complete$/.exec(path);
    if (method === "GET" && path === "teo/tasks") {
        return { tasks: ctx.teoStore.allRecords() };
    }
    if (method === "GET" && path === "teo/jobs/saved") {
        return { jobs: ctx.teoStore.savedJobs() };
    }
    if (method === "POST" && path === "teo/jobs/restore") {
        const jobs = parseSavedTeoJobs(await body());
        ctx.teoStore.restore(jobs);
        return { restored: jobs.length };
    }
    if (method === "POST" && path === "teo/targets") {
        const b = (await body()) as Record<string, unknown> | null;
        const target = b?.target;
        if (typeof target !== "string" || target === "") {
            throw new ControlError(400, "target must be a non-empty string");
        }
        if (typeof b?.refuse === "string") {
            ctx.teoStore.refuse(target, b.refuse);
            return { target, refuse: b.refuse };
        }
        const status = b?.status;
        if (!ENDINGS.includes(status as typeof ENDINGS[number])) {
            throw new ControlError(400, `status must be one of ${ENDINGS.join(", ")} (or give refuse: reason)`);
        }
        const outcome = {
            status: status as typeof ENDINGS[number],
            failType: typeof b?.failType === "string" ? b.failType : "taskFailed",
            failMessage: typeof b?.failMessage === "string" ? b.failMessage : `the task ended ${String(status)}`,
        };
        ctx.teoStore.setOutcome(target, outcome);
        return { target, ...outcome };
    }
    if (method === "POST" && job) {
        const b = (await body()) as { status?: unknown; atMs?: unknown } | null;
        const status = b?.status ?? "success";
        if (!STATUSES.includes(status as TeoStatus)) {
            throw new ControlError(400, `status must be one of ${STATUSES.join(", ")}`);
        }
        if (b?.atMs !== undefined && !(typeof b.atMs === "number" && Number.isFinite(b.atMs) && b.atMs >= 0)) {
            throw new ControlError(400, "atMs must be epoch milliseconds >= 0 (when the job finished; default now)");
        }
        const jobId = decodeURIComponent(job[1]);
        if (!ctx.teoStore.complete(jobId, status as TeoStatus, b?.atMs as number | undefined)) {
            throw new ControlError(404, `no job ${jobId}`);
        }
        return { jobId, ok: true };
    }
    return undefined;
}
