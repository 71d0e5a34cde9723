/**
 * EdgeOne purge jobs: each CreatePurgeTask gets one JobId and one task per target. A task is `processing` until
 * `completeAfterMs` has passed, then `success`, or the outcome a test set for its target (`failed`, `timeout` or
 * `canceled`, with FailType and FailMessage). Targets matching the store's fail pattern end `failed` with
 * `taskFailed`. Jobs share the CDN store's retention and listing lag, so records appear and expire the same way
 * for both products.
 */
import { randomBytes } from "crypto";
import { formatIsoApiTime } from "../../provider/base/isoTime";

/** The purge types EdgeOne's CreatePurgeTask takes. */
export const TEO_PURGE_TYPES = ["purge_url", "purge_prefix", "purge_host", "purge_all", "purge_cache_tag"] as const;
export type TeoPurgeType = typeof TEO_PURGE_TYPES[number];
/** What a job is: one of the purge types, or a prefetch of URLs (its tasks' `Type`). */
export type TeoJobType = TeoPurgeType | "prefetch_url";
/** A task's state; `invalid` is a prefetch's only (the origin answered 4xx/5xx). */
export type TeoStatus = "processing" | "success" | "failed" | "timeout" | "canceled" | "invalid";

/** How a target ends, as set through the control API. */
export interface TargetOutcome {
    readonly status: "failed" | "timeout" | "canceled" | "invalid";
    readonly failType: string;
    readonly failMessage: string;
}

/** One job as submitted. */
export interface TeoSubmission {
    readonly zoneId: string;
    readonly type: TeoJobType;
    /** A purge's `invalidate` or `delete`; a prefetch's mode (`default` or `edge`). */
    readonly method: string;
    readonly targets: readonly string[];
}

/** A task (one target of a job) as queries see it at one instant. */
export interface TeoTaskRecord {
    readonly jobId: string;
    readonly zoneId: string;
    readonly target: string;
    readonly type: TeoJobType;
    readonly method: string;
    readonly status: TeoStatus;
    readonly createTime: string;
    /** When the task finished (or now while it is processing), as the API answers it. */
    readonly updateTime: string;
    readonly failType: string;
    readonly failMessage: string;
    readonly createdAtMs: number;
    readonly visible: boolean;
}

/**
 * A job as a snapshot keeps it. Its status is the job's as a whole (`failed` when any target failed); a
 * `processing` one stays processing once restored, until completed through {@link TeoStore.complete}.
 */
export interface SavedTeoJob extends TeoSubmission {
    readonly jobId: string;
    readonly createdAtMs: number;
    readonly status: TeoStatus;
    /** When it finished; absent while processing. */
    readonly finishedAtMs?: number;
}

interface Job extends TeoSubmission {
    readonly jobId: string;
    readonly createdAtMs: number;
    readonly completeAfterMs: number;
    forced?: TeoStatus;
    forcedAtMs?: number;
}

/** Settings of the store; the clock, the retention and the listing lag come from the emulator. */
export interface TeoStoreOptions {
    readonly completeAfterMs: number;
    readonly failPattern: RegExp | string;
    /** Targets matching it end `invalid`, as a prefetch of a URL the origin does not have does; default none. */
    readonly invalidPattern?: RegExp | string;
    readonly now: () => number;
    readonly retention: () => number | undefined;
    /** How long a new job stays out of query answers (the API's listing lag); default none. */
    readonly visibleAfter?: () => number;
}

/**
 * In-memory EdgeOne jobs with clock-driven status.
 *
 * @example
 * const store = new TeoStore({ completeAfterMs: 1000, failPattern: "/fail", now: Date.now, retention: () => undefined });
 * const jobId = store.submit({ zoneId: "zone-1", type: "purge_url", method: "invalidate", targets: ["https://a.com/x"] });
 */
export class TeoStore {
    private readonly jobs: Job[] = [];
    private readonly outcomes = new Map<string, TargetOutcome>();
    private readonly refusals = new Map<string, string>();

    constructor(private readonly options: TeoStoreOptions) {}

    /** Records a job and returns its JobId (14 lower-case letters and digits, as the API's look). */
    submit(submission: TeoSubmission, completeAfterMs = this.options.completeAfterMs): string {
        const jobId = randomBytes(10).toString("hex").slice(0, 14);
        this.jobs.push({ ...submission, targets: [...submission.targets], jobId, createdAtMs: this.options.now(), completeAfterMs });
        return jobId;
    }

    /** Makes every task for `target` (in jobs old and new) end as `outcome` once it finishes. */
    setOutcome(target: string, outcome: TargetOutcome): void {
        this.outcomes.set(target, outcome);
    }

    /** Makes CreatePurgeTask refuse `target` (list it in FailedList with `reason`) from now on. */
    refuse(target: string, reason: string): void {
        this.refusals.set(target, reason);
    }

    /** Why CreatePurgeTask refuses `target`, or undefined when it takes it. */
    refusalOf(target: string): string | undefined {
        return this.refusals.get(target);
    }

    /**
     * Forces every task of a job to `status` from now on; false when the job is unknown. Its UpdateTime is `atMs`
     * (default now): a job restored from a snapshot can be said to have finished soon after it was submitted, as
     * the zone's recent durations (which pace the first check of new waits) would have it.
     */
    complete(jobId: string, status: TeoStatus = "success", atMs = this.options.now()): boolean {
        const job = this.jobs.find((j) => j.jobId === jobId);
        if (job) {
            job.forced = status;
            job.forcedAtMs = atMs;
        }
        return job !== undefined;
    }

    /** Every job as it stands now, oldest first, for a snapshot that {@link restore} brings back. */
    savedJobs(): SavedTeoJob[] {
        const now = this.options.now();
        return [...this.jobs].sort((a, b) => a.createdAtMs - b.createdAtMs).map((job) => {
            const statuses = (job.targets.length > 0 ? job.targets : [""]).map((t) => this.record(job, t, now).status);
            const status = statuses.find((s) => s !== "success" && s !== "processing") ?? (statuses.includes("processing") ? "processing" : "success");
            return { jobId: job.jobId, zoneId: job.zoneId, type: job.type, method: job.method, targets: [...job.targets],
                createdAtMs: job.createdAtMs, status,
                ...(status === "processing" ? {} : { finishedAtMs: job.forcedAtMs ?? job.createdAtMs + job.completeAfterMs }) };
        });
    }

    /**
     * Adds the jobs of a snapshot ({@link savedJobs}) with their ids, times and statuses, whatever the clock says.
     *
     * @example
     * other.restore(store.savedJobs());
     */
    restore(saved: readonly SavedTeoJob[]): void {
        for (const s of saved) {
            this.jobs.push({ zoneId: s.zoneId, type: s.type, method: s.method, targets: [...s.targets], jobId: s.jobId,
                createdAtMs: s.createdAtMs, completeAfterMs: 0, forced: s.status, forcedAtMs: s.finishedAtMs ?? s.createdAtMs });
        }
    }

    /** Every task, newest job first, hidden ones included. */
    allRecords(): TeoTaskRecord[] {
        const now = this.options.now();
        return [...this.jobs].sort((a, b) => b.createdAtMs - a.createdAtMs)
            .flatMap((job) => (job.targets.length > 0 ? job.targets : [""]).map((t) => this.record(job, t, now)));
    }

    /** The tasks queries may answer. */
    records(): TeoTaskRecord[] {
        return this.allRecords().filter((r) => r.visible);
    }

    /** Forgets every job and outcome. */
    clear(): void {
        this.jobs.length = 0;
        this.outcomes.clear();
        this.refusals.clear();
    }

    private record(job: Job, target: string, now: number): TeoTaskRecord {
        const age = now - job.createdAtMs;
        const finished = job.forced !== undefined ? job.forced !== "processing" : age >= job.completeAfterMs;
        const matches = (pattern: RegExp | string | undefined) => pattern !== undefined &&
            (typeof pattern === "string" ? target.includes(pattern) : target.search(pattern) >= 0);
        const outcome: TargetOutcome | undefined = this.outcomes.get(target)
            ?? (matches(this.options.invalidPattern) ? { status: "invalid", failType: "originPullFailed", failMessage: "the origin answered 404" }
                : matches(this.options.failPattern) ? { status: "failed", failType: "taskFailed", failMessage: "the origin answered 502" } : undefined);
        const status: TeoStatus = !finished ? "processing" : job.forced && job.forced !== "success" ? job.forced
            : outcome?.status ?? "success";
        const failed = status !== "processing" && status !== "success";
        const retention = this.options.retention();
        const lag = this.options.visibleAfter?.() ?? 0;
        return {
            jobId: job.jobId, zoneId: job.zoneId, target, type: job.type, method: job.method, status,
            createTime: formatIsoApiTime(new Date(job.createdAtMs)),
            updateTime: formatIsoApiTime(new Date(!finished ? now : job.forcedAtMs ?? job.createdAtMs + job.completeAfterMs)),
            failType: failed ? outcome?.failType ?? "taskFailed" : "",
            failMessage: failed ? outcome?.failMessage ?? `the task ended ${status}` : "",
            createdAtMs: job.createdAtMs,
            // Listed once the listing lag is over (a job restored with a creation time ahead of this clock has none to wait).
            visible: !(lag > 0 && age < lag) && !(retention !== undefined && age > retention),
        };
    }
}
