/**
 * The checks waiting for the poller's next round: who asked, when, for which task, and how to answer them.
 * Each settles once: by the round, by its own signal, or by an unwatch.
 */
import { PurgeTask } from "../base/types";

/** One check waiting for a round. */
export interface Waiter<R = PurgeTask> {
    readonly taskId: string;
    readonly owner: object;
    readonly arrivedAt: number;
    resolve(records: readonly R[]): void;
    reject(error: unknown): void;
}

/**
 * A queue of waiting checks. A round takes the whole queue at its start, so a check only ever gets data
 * from a round that started after it was made.
 *
 * @example
 * const records = await pending.add("1533", handle, clock.now(), signal);
 */
export class PendingChecks<R = PurgeTask> {
    private waiters: Waiter<R>[] = [];

    get size(): number {
        return this.waiters.length;
    }

    earliestArrival(): number | undefined {
        return this.waiters.length === 0 ? undefined : Math.min(...this.waiters.map((w) => w.arrivedAt));
    }

    latestArrival(): number | undefined {
        return this.waiters.length === 0 ? undefined : Math.max(...this.waiters.map((w) => w.arrivedAt));
    }

    add(taskId: string, owner: object, arrivedAt: number, signal?: AbortSignal): Promise<readonly R[]> {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(signal.reason);
                return;
            }
            let settled = false;
            const settle = (): boolean => {
                const first = !settled;
                settled = true;
                signal?.removeEventListener("abort", onAbort);
                this.waiters = this.waiters.filter((w) => w !== waiter);
                return first;
            };
            const waiter: Waiter<R> = {
                taskId, owner, arrivedAt,
                resolve: (records) => settle() && resolve(records),
                reject: (error) => settle() && reject(error),
            };
            const onAbort = (): void => waiter.reject(signal?.reason);
            signal?.addEventListener("abort", onAbort, { once: true });
            this.waiters.push(waiter);
        });
    }

    /** Removes and returns every waiting check (they stay answerable). */
    takeAll(): readonly Waiter<R>[] {
        const taken = this.waiters;
        this.waiters = [];
        return taken;
    }

    /** Rejects the waiting checks of one watch (it was unwatched). */
    rejectOwnedBy(owner: object, error: unknown): void {
        this.waiters.filter((w) => w.owner === owner).forEach((w) => w.reject(error));
    }
}
