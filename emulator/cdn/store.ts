/**
 * The task store: each submission gets one TaskId and one record per URL or path. A record's status is computed
 * from the clock: `process` until `completeAfterMs` has passed, then `done` (or `fail` when its URL matches
 * `failPattern`), unless a test forced the task. Tasks may be hidden for `visibleAfterMs` or made to vanish, and
 * disappear once older than `retentionMs`, as the real API forgets old purge records.
 */
import { formatApiTime } from "../../provider/base/time";

export type PurgeType = "url" | "path";
export type FlushType = "flush" | "delete";
export type TaskStatus = "process" | "done" | "fail";
export type Area = "mainland" | "overseas" | "global";

/** Store settings; every field has a default. */
export interface StoreOptions {
    /** Milliseconds from submission until a record finishes. Default 2000. */
    readonly completeAfterMs?: number;
    /** Milliseconds from submission until a task shows in queries (eventual consistency). Default 0. */
    readonly visibleAfterMs?: number;
    /** URLs that finish as `fail`: a RegExp, or a substring. Default: URLs containing `/fail`. */
    readonly failPattern?: RegExp | string;
    /** Milliseconds a record stays queryable after submission; older ones disappear. Default: kept for ever. */
    readonly retentionMs?: number;
    /** The clock, in epoch milliseconds. Default `Date.now`. */
    readonly now?: () => number;
}

/** One submission: the URLs (or directory URLs) of one purge call. */
export interface Submission {
    readonly purgeType: PurgeType;
    readonly flushType: FlushType;
    readonly area: Area;
    readonly urls: readonly string[];
}

/** A record as the store sees it at one instant. */
export interface TaskRecord {
    readonly taskId: string;
    readonly url: string;
    readonly status: TaskStatus;
    readonly purgeType: PurgeType;
    readonly flushType: FlushType;
    readonly area: Area;
    /** Beijing time `YYYY-MM-DD HH:mm:ss`. */
    readonly createTime: string;
    readonly createdAtMs: number;
    /** False while hidden by `visibleAfterMs`, after {@link TaskStore.vanish}, or once past the retention. */
    readonly visible: boolean;
}

/**
 * A task as a snapshot keeps it: its submission, id, time and status. `done` and `fail` are final; `process` stays
 * processing once restored, until completed through {@link TaskStore.complete}.
 */
export interface SavedTask extends Submission {
    readonly taskId: string;
    readonly createdAtMs: number;
    readonly status: TaskStatus;
}

interface Task extends Submission {
    readonly taskId: string;
    readonly createdAtMs: number;
    forced?: TaskStatus;
    vanished: boolean;
}

/**
 * In-memory purge tasks with clock-driven status.
 *
 * @example
 * let t = 0;
 * const store = new TaskStore({ now: () => t, completeAfterMs: 1000 });
 * const id = store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: ["https://a.com/x"] });
 * t = 1000; store.records()[0].status; // "done"
 */
export class TaskStore {
    private readonly tasks: Task[] = [];
    private lastId = 0n;
    private readonly completeAfterMs: number;
    private visibleAfterMs: number;
    private readonly failPattern: RegExp | string;
    private retentionMs: number | undefined;
    public readonly now: () => number;

    constructor(options: StoreOptions = {}) {
        this.completeAfterMs = options.completeAfterMs ?? 2000;
        this.visibleAfterMs = 0;
        this.setVisibleAfter(options.visibleAfterMs ?? 0);
        this.failPattern = options.failPattern ?? "/fail";
        this.now = options.now ?? Date.now;
        this.setRetention(options.retentionMs);
    }

    /** How long records stay queryable from now on, in milliseconds; `undefined` keeps them for ever. */
    get retention(): number | undefined {
        return this.retentionMs;
    }

    /** How long a new task stays out of query answers (the API's listing lag), in milliseconds. */
    get visibleAfter(): number {
        return this.visibleAfterMs;
    }

    /** Changes the listing lag of every task, old and new. */
    setVisibleAfter(ms: number): void {
        if (!(Number.isFinite(ms) && ms >= 0)) {
            throw new RangeError(`visibleAfterMs must be a number of milliseconds >= 0, got ${String(ms)}`);
        }
        this.visibleAfterMs = ms;
    }

    /** Changes the retention of every record, old and new; `undefined` keeps them for ever. */
    setRetention(ms: number | undefined): void {
        if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) {
            throw new RangeError(`retentionMs must be a number of milliseconds >= 0, got ${String(ms)}`);
        }
        this.retentionMs = ms;
    }

    /** Records a submission and returns its new, unique, numeric-looking TaskId. */
    submit(submission: Submission): string {
        const createdAtMs = this.now();
        const candidate = BigInt(Math.max(0, Math.floor(createdAtMs))) * 1000n;
        this.lastId = candidate > this.lastId ? candidate : this.lastId + 1n;
        const taskId = this.lastId.toString();
        this.tasks.push({ ...submission, urls: [...submission.urls], taskId, createdAtMs, vanished: false });
        return taskId;
    }

    /** Every record, newest first (CreateTime desc, TaskId desc, then URL order), hidden ones included. */
    allRecords(): TaskRecord[] {
        const now = this.now();
        const tasks = [...this.tasks].sort((a, b) =>
            b.createdAtMs - a.createdAtMs || (BigInt(b.taskId) > BigInt(a.taskId) ? 1 : -1));
        return tasks.flatMap((task) => task.urls.map((url) => this.record(task, url, now)));
    }

    /** The records queries may answer: visible and not vanished, newest first. */
    records(): TaskRecord[] {
        return this.allRecords().filter((r) => r.visible);
    }

    /**
     * Every task as it stands now, oldest first, for a snapshot that {@link restore} brings back (e.g. in another
     * emulator, days later). A task with one failed record is `fail`, with every record done `done`.
     */
    savedTasks(): SavedTask[] {
        const now = this.now();
        return [...this.tasks].sort((a, b) => a.createdAtMs - b.createdAtMs).map((task) => {
            const statuses = task.urls.map((url) => this.record(task, url, now).status);
            const status: TaskStatus = statuses.includes("fail") ? "fail" : statuses.every((s) => s === "done") ? "done" : "process";
            return { taskId: task.taskId, purgeType: task.purgeType, flushType: task.flushType, area: task.area,
                urls: [...task.urls], createdAtMs: task.createdAtMs, status };
        });
    }

    /**
     * Adds tasks of a snapshot ({@link savedTasks}) with their ids, times and statuses, whatever the clock says;
     * later submissions get ids above theirs.
     *
     * @example
     * other.restore(store.savedTasks());
     */
    restore(saved: readonly SavedTask[]): void {
        for (const s of saved) {
            this.tasks.push({ purgeType: s.purgeType, flushType: s.flushType, area: s.area, urls: [...s.urls],
                taskId: s.taskId, createdAtMs: s.createdAtMs, forced: s.status, vanished: false });
            if (/^\d+$/.test(s.taskId) && BigInt(s.taskId) > this.lastId) {
                this.lastId = BigInt(s.taskId);
            }
        }
    }

    /** Forces every record of a task to finish now; false when the task is unknown. */
    complete(taskId: string, status: "done" | "fail" = "done"): boolean {
        return this.update(taskId, (task) => { task.forced = status; });
    }

    /** Makes a task disappear from query answers; false when the task is unknown. */
    vanish(taskId: string): boolean {
        return this.update(taskId, (task) => { task.vanished = true; });
    }

    /** Forgets every task. */
    clear(): void {
        this.tasks.length = 0;
    }

    private update(taskId: string, change: (task: Task) => void): boolean {
        const matching = this.tasks.filter((t) => t.taskId === taskId);
        matching.forEach(change);
        return matching.length > 0;
    }

    private record(task: Task, url: string, now: number): TaskRecord {
        const age = now - task.createdAtMs;
        const pattern = this.failPattern;
        const fails = typeof pattern === "string" ? url.includes(pattern) : url.search(pattern) >= 0;
        const status: TaskStatus = task.forced ?? (age < this.completeAfterMs ? "process" : fails ? "fail" : "done");
        return {
            taskId: task.taskId, url, status, purgeType: task.purgeType, flushType: task.flushType, area: task.area,
            createTime: formatApiTime(new Date(task.createdAtMs)), createdAtMs: task.createdAtMs,
            visible: !task.vanished && age >= this.visibleAfterMs && !(this.retentionMs !== undefined && age > this.retentionMs),
        };
    }
}
