/**
 * Simulated time for the wait loop and the poller: a clock that only moves when told, and a sleep that
 * resolves when simulated time reaches its end. The benchmark runs minutes of waiting in milliseconds with
 * it, and tests use it to assert exact schedules without real timers.
 */

interface Timer {
    readonly dueAt: number;
    readonly order: number;
    readonly wake: () => void;
}

/** Lets every pending promise callback run (they all drain before the next macrotask). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A simulated clock. `now`/`sleep` are what the wait loop and poller take; `run` drives time forward until
 * a promise settles.
 *
 * @example
 * const clock = new VirtualClock();
 * const result = await clock.run(runWaitLoop({ ...options, clock, sleep: clock.sleep }));
 */
export class VirtualClock {
    private time: number;
    private timers: Timer[] = [];
    private created = 0;
    /**
     * Every sleep that ran to its end, in the order they ended: `[startedAt, ms]`. Tests read schedules from it;
     * sleeps cut short by their signal (such as a deadline timer that lost its race) are not in it.
     */
    readonly sleeps: Array<readonly [number, number]> = [];

    constructor(startMs = 0) {
        this.time = startMs;
    }

    now = (): number => this.time;

    /** Number of sleeps not yet over. */
    get pendingTimers(): number {
        return this.timers.length;
    }

    sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const startedAt = this.time;
        const timer: Timer = {
            dueAt: this.time + Math.max(0, ms), order: this.created++,
            wake: () => {
                signal?.removeEventListener("abort", onAbort);
                this.sleeps.push([startedAt, ms]);
                resolve();
            },
        };
        const onAbort = (): void => {
            this.timers = this.timers.filter((t) => t !== timer);
            reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        this.timers.push(timer);
    });

    /** Moves time forward by `ms`, firing every sleep that ends on the way, in order. */
    async advance(ms: number): Promise<void> {
        const until = this.time + ms;
        await settle();
        for (let next = this.nextTimer(); next && next.dueAt <= until; next = this.nextTimer()) {
            this.fire(next);
            await settle();
        }
        this.time = until;
        await settle();
    }

    /** Fires sleeps in time order until `work` settles; throws if it waits on nothing this clock controls. */
    async run<T>(work: Promise<T>): Promise<T> {
        let settled = false;
        // Observe the outcome at once, so a rejection is never reported as unhandled while time is driven.
        const outcome = work.then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
        ).finally(() => { settled = true; });
        await settle();
        while (!settled) {
            const next = this.nextTimer();
            if (!next) {
                throw new Error("VirtualClock.run: the work is waiting, but no sleep is pending (deadlock)");
            }
            this.fire(next);
            await settle();
        }
        const result = await outcome;
        if (!result.ok) {
            throw result.error;
        }
        return result.value;
    }

    private nextTimer(): Timer | undefined {
        return this.timers.reduce<Timer | undefined>((best, t) =>
            !best || t.dueAt < best.dueAt || (t.dueAt === best.dueAt && t.order < best.order) ? t : best, undefined);
    }

    private fire(timer: Timer): void {
        this.timers = this.timers.filter((t) => t !== timer);
        this.time = Math.max(this.time, timer.dueAt);
        timer.wake();
    }
}
