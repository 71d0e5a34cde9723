/**
 * The tasks the poller watches: how many waits hold each, the earliest `since` to find it by, and the
 * status counts seen last, so a round can tell whether anything changed. A task's `since` is what its waits
 * said (the process's own submission time) or, once a round has seen its records, their CreateTime: so a task
 * submitted elsewhere can join the time-range read from its second round on.
 */
import { earliestApiTime } from "../base/time";
import { RecordKind, tallyBy } from "../base/recordKind";
import { TaskToRead } from "./jobReader";

interface Watched {
    since?: string;
    /** The earliest CreateTime seen in the task's records. */
    created?: string;
    holders: number;
    digest?: string;
}

/**
 * Reference-counted watched tasks.
 *
 * @example
 * const isNew = registry.hold("1533", "2026-11-29 10:00:00");
 * registry.release("1533");
 */
export class WatchRegistry<R> {
    private readonly watched = new Map<string, Watched>();

    /** `kind` reads the records' states and creation times (CDN's by default, or EdgeOne's). */
    constructor(private readonly kind: RecordKind<R>) {}

    get size(): number {
        return this.watched.size;
    }

    /** Adds a holder; returns true when the task was not watched before. */
    hold(taskId: string, since?: string): boolean {
        const entry = this.watched.get(taskId);
        if (entry) {
            entry.holders += 1;
            entry.since = earliestApiTime([entry.since, since]);
            return false;
        }
        this.watched.set(taskId, { since, holders: 1 });
        return true;
    }

    /** Drops a holder; the task stops being watched with its last holder. */
    release(taskId: string): void {
        const entry = this.watched.get(taskId);
        if (entry && --entry.holders === 0) {
            this.watched.delete(taskId);
        }
    }

    /**
     * The watched ones among `taskIds`, as {@link readManyTasks} takes them (with their CreateTime once seen, so
     * a range read can end there), and their earliest `since`.
     */
    toRead(taskIds: Iterable<string>): { readonly tasks: readonly TaskToRead[]; readonly since?: string } {
        const tasks = [...new Set(taskIds)].filter((id) => this.watched.has(id))
            .map((taskId) => {
                const entry = this.watched.get(taskId);
                return { taskId, since: earliestApiTime([entry?.since, entry?.created]), created: entry?.created };
            });
        return { tasks, since: earliestApiTime(tasks.map((t) => t.since)) };
    }

    /**
     * Stores what a round saw of a task (its status counts, and when it was created): "first" when it is the
     * first sight of the task, "changed" when its status counts differ from the last round's, else "same".
     */
    noteRecords(taskId: string, records: readonly R[]): "first" | "changed" | "same" {
        const entry = this.watched.get(taskId);
        if (!entry) {
            return "same";
        }
        entry.created = earliestApiTime([entry.created, ...records.map((r) => this.kind.createdOf(r) ?? undefined)]);
        const t = tallyBy(this.kind, records);
        const digest = `${t.done.length}/${t.failed.length}/${t.pending.length}`;
        const before = entry.digest;
        entry.digest = digest;
        return before === undefined ? "first" : before === digest ? "same" : "changed";
    }
}
