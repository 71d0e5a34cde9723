/**
 * The push (prefetch) task store: each PushUrlsCache gets one TaskId and one record per URL. A record is `process`
 * until `pushCompleteAfterMs` has passed (its percent rising with the time), then `done`, `invalid` when its URL
 * matches `invalidPattern` (the origin answered 4xx/5xx), or `fail` when it matches the fail pattern, unless a
 * test forced the task. The listing lag and retention are the purge store's: one setting of the emulator.
 */
import { formatApiTime } from "../../provider/base/time";
import { Area } from "./store";

export type PushStatus = "process" | "done" | "fail" | "invalid";

/** Push store settings; every field has a default. */
export interface PushStoreOptions {
    /** Milliseconds from submission until a pushed URL finishes. Default 5000 (real prefetches take minutes). */
    readonly pushCompleteAfterMs?: number;
    /** URLs that end `invalid`, as if the origin had none: a RegExp or a substring. Default: containing `/missing`. */
    readonly invalidPattern?: RegExp | string;
    /** URLs that end `fail`: a RegExp or a substring. Default: containing `/fail`. */
    readonly failPattern?: RegExp | string;
}

/** One push record at one instant. */
export interface PushRecord {
    readonly taskId: string;
    readonly url: string;
    readonly status: PushStatus;
    readonly percent: number;
    readonly area: Area;
    readonly createTime: string;
    readonly updateTime: string;
    readonly createdAtMs: number;
    readonly visible: boolean;
}

/**
 * A push task as a snapshot keeps it: its id, area, URLs, creation time and status, and when it finished. A
 * finished one keeps its status and time; `process` stays processing once restored, until completed through
 * {@link PushStore.complete}.
 */
export interface SavedPushTask {
    readonly taskId: string;
    readonly area: Area;
    readonly urls: readonly string[];
    readonly createdAtMs: number;
    readonly status: PushStatus;
    readonly finishedAtMs?: number;
}

interface PushTask {
    readonly taskId: string;
    readonly area: Area;
    readonly urls: readonly string[];
    readonly createdAtMs: number;
    forced?: { status: Exclude<PushStatus, "process">; atMs: number };
    /** Restored while processing: it finishes only when completed, however old it is. */
    held?: boolean;
    vanished: boolean;
}

const matches = (url: string, pattern: RegExp | string) => (typeof pattern === "string" ? url.includes(pattern) : url.search(pattern) >= 0);

/**
 * In-memory push tasks with clock-driven status.
 *
 * @example
 * let t = 0;
 * const pushes = new PushStore({ pushCompleteAfterMs: 1000 }, { now: () => t, visibleAfter: () => 0, retention: () => undefined });
 * pushes.submit("mainland", ["https://a.com/missing.png"]); t = 1000;
 * pushes.records()[0].status; // "invalid"
 */
export class PushStore {
    private readonly tasks: PushTask[] = [];
    private lastId = 0n;
    private readonly completeAfterMs: number;
    private readonly invalidPattern: RegExp | string;
    private readonly failPattern: RegExp | string;

    constructor(options: PushStoreOptions, private readonly shared: {
        now: () => number; visibleAfter: () => number; retention: () => number | undefined;
    }) {
        this.completeAfterMs = options.pushCompleteAfterMs ?? 5000;
        this.invalidPattern = options.invalidPattern ?? "/missing";
        this.failPattern = options.failPattern ?? "/fail";
    }

    /** Records a push and returns its new TaskId (numeric-looking, unique). */
    submit(area: Area, urls: readonly string[]): string {
        const createdAtMs = this.shared.now();
        const candidate = BigInt(Math.max(0, Math.floor(createdAtMs))) * 1000n + 500n;
        this.lastId = candidate > this.lastId ? candidate : this.lastId + 1n;
        const taskId = this.lastId.toString();
        this.tasks.push({ taskId, area, urls: [...urls], createdAtMs, vanished: false });
        return taskId;
    }

    /** Every record, newest first, hidden ones included. */
    allRecords(): PushRecord[] {
        const now = this.shared.now();
        return [...this.tasks].sort((a, b) => b.createdAtMs - a.createdAtMs || (BigInt(b.taskId) > BigInt(a.taskId) ? 1 : -1))
            .flatMap((task) => task.urls.map((url) => this.record(task, url, now)));
    }

    /** The records queries may answer. */
    records(): PushRecord[] {
        return this.allRecords().filter((r) => r.visible);
    }

    /**
     * Every task as it stands now, oldest first, for a snapshot that {@link restore} brings back (e.g. in another
     * emulator, days later). A task is `process` while any URL is, else the first status of a URL not `done`.
     */
    savedTasks(): SavedPushTask[] {
        const now = this.shared.now();
        return [...this.tasks].sort((a, b) => a.createdAtMs - b.createdAtMs).map((task) => {
            const statuses = task.urls.map((url) => this.record(task, url, now).status);
            const status = statuses.includes("process") ? "process" : statuses.find((s) => s !== "done") ?? "done";
            return { taskId: task.taskId, area: task.area, urls: [...task.urls], createdAtMs: task.createdAtMs, status,
                ...(status === "process" ? {} : { finishedAtMs: task.forced?.atMs ?? task.createdAtMs + this.completeAfterMs }) };
        });
    }

    /**
     * Adds the tasks of a snapshot ({@link savedTasks}) with their ids, times and statuses, whatever the clock says;
     * later submissions get ids above theirs.
     *
     * @example
     * other.restore(pushes.savedTasks());
     */
    restore(saved: readonly SavedPushTask[]): void {
        for (const s of saved) {
            this.tasks.push({ taskId: s.taskId, area: s.area, urls: [...s.urls], createdAtMs: s.createdAtMs, vanished: false,
                ...(s.status === "process" ? { held: true } : { forced: { status: s.status, atMs: s.finishedAtMs ?? s.createdAtMs } }) });
            if (/^\d+$/.test(s.taskId) && BigInt(s.taskId) > this.lastId) {
                this.lastId = BigInt(s.taskId);
            }
        }
    }

    /** Forces every record of a task to finish at `atMs` (default now); false when the task is unknown. */
    complete(taskId: string, status: Exclude<PushStatus, "process"> = "done", atMs = this.shared.now()): boolean {
        return this.update(taskId, (t) => { t.forced = { status, atMs }; });
    }

    /** Makes a task disappear from answers; false when unknown. */
    vanish(taskId: string): boolean {
        return this.update(taskId, (t) => { t.vanished = true; });
    }

    /** Forgets every task. */
    clear(): void {
        this.tasks.length = 0;
    }

    private update(taskId: string, change: (t: PushTask) => void): boolean {
        const found = this.tasks.filter((t) => t.taskId === taskId);
        found.forEach(change);
        return found.length > 0;
    }

    private record(task: PushTask, url: string, now: number): PushRecord {
        const age = now - task.createdAtMs;
        const finished = task.forced ?? (task.held || age < this.completeAfterMs ? undefined : {
            status: matches(url, this.invalidPattern) ? "invalid" as const : matches(url, this.failPattern) ? "fail" as const : "done" as const,
            atMs: task.createdAtMs + this.completeAfterMs,
        });
        const percent = finished ? (finished.status === "done" ? 100 : 0)
            : Math.max(0, Math.min(99, Math.floor((100 * age) / Math.max(1, this.completeAfterMs))));
        const retention = this.shared.retention();
        return {
            taskId: task.taskId, url, status: finished?.status ?? "process", percent, area: task.area,
            createTime: formatApiTime(new Date(task.createdAtMs)),
            updateTime: formatApiTime(new Date(finished?.atMs ?? now)),
            createdAtMs: task.createdAtMs,
            visible: !task.vanished && age >= this.shared.visibleAfter() && !(retention !== undefined && age > retention),
        };
    }
}
