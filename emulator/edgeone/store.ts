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
export type TeoStatus = "processing" | "success" | "failed" | "timeout" | "canceled";

/** How a target ends, as set through the control API. */
export interface TargetOutcome {
    readonly status: "failed" | "timeout" | "canceled";
    readonly failType: string;
    readonly failMessage: string;
}

/** One job as submitted. */
export interface TeoSubmission {
    readonly zoneId: string;
    readonly type: TeoPurgeType;
    readonly method: "invalidate" | "delete";
    readonly targets: readonly string[];
}

/** A task (one target of a job) as queries see it at one instant. */
export interface TeoTaskRecord {
    readonly jobId: string;
    readonly zoneId: string;
    readonly target: string;
    readonly type: TeoPurgeType;
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

    /** Forces every task of a job to `status` now; false when the job is unknown. */
    complete(jobId: string, status: TeoStatus = "success"): boolean {
        const job = this.jobs.find((j) => j.jobId === jobId);
        if (job) {
            job.forced = status;
            job.forcedAtMs = this.options.now();
        }
        return job !== undefined;
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
        const pattern = this.options.failPattern;
        const matches = typeof pattern === "string" ? target.includes(pattern) : target.search(pattern) >= 0;
        const outcome: TargetOutcome | undefined = this.outcomes.get(target)
            ?? (matches ? { status: "failed", failType: "taskFailed", failMessage: "the origin answered 502" } : undefined);
        const status: TeoStatus = !finished ? "processing" : job.forced && job.forced !== "success" ? job.forced
            : outcome?.status ?? "success";
        const failed = status !== "processing" && status !== "success";
        const retention = this.options.retention();
        return {
            jobId: job.jobId, zoneId: job.zoneId, target, type: job.type, method: job.method, status,
            createTime: formatIsoApiTime(new Date(job.createdAtMs)),
            updateTime: formatIsoApiTime(new Date(!finished ? now : job.forcedAtMs ?? job.createdAtMs + job.completeAfterMs)),
            failType: failed ? outcome?.failType ?? "taskFailed" : "",
            failMessage: failed ? outcome?.failMessage ?? `the task ended ${status}` : "",
            createdAtMs: job.createdAtMs,
            visible: age >= (this.options.visibleAfter?.() ?? 0) && !(retention !== undefined && age > retention),
        };
    }
}
