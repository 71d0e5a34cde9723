/**
 * Request statistics: counts per action, throttled answers, errors per code, and the most recent requests.
 * Only the action and its JSON parameters are kept: never headers, keys or tokens.
 */

/** One remembered request. */
export interface RecentRequest {
    /** Epoch milliseconds from the emulator's clock. */
    readonly time: number;
    readonly action: string;
    readonly params: unknown;
    /** The error code answered, if any. */
    readonly code?: string;
}

/** A snapshot of the statistics. */
export interface StatsSnapshot {
    readonly requests: Readonly<Record<string, number>>;
    readonly throttled: number;
    readonly faults: number;
    readonly errors: Readonly<Record<string, number>>;
    readonly recent: readonly RecentRequest[];
}

/**
 * Collects statistics; `snapshot()` gives a copy that later requests do not change.
 *
 * @example
 * const s = emulator.stats.snapshot();
 * s.requests.DescribePurgeTasks; // 3
 * s.errors["AuthFailure.SignatureFailure"]; // 1
 */
export class EmulatorStats {
    private requests: Record<string, number> = {};
    private errors: Record<string, number> = {};
    private throttled = 0;
    private faults = 0;
    private recent: RecentRequest[] = [];

    constructor(private readonly keepRecent = 100) {}

    /** Counts a request to an action (unknown actions included). */
    countRequest(action: string): void {
        this.requests[action] = (this.requests[action] ?? 0) + 1;
    }

    /** Counts an error answer; throttling codes also count as throttled. */
    countError(code: string, throttled = false): void {
        this.errors[code] = (this.errors[code] ?? 0) + 1;
        if (throttled) {
            this.throttled += 1;
        }
    }

    /** Counts an injected fault. */
    countFault(): void {
        this.faults += 1;
    }

    /** Remembers a request, keeping only the newest ones. */
    remember(entry: RecentRequest): void {
        this.recent.push(entry);
        if (this.recent.length > this.keepRecent) {
            this.recent.splice(0, this.recent.length - this.keepRecent);
        }
    }

    /** A copy of the current statistics. */
    snapshot(): StatsSnapshot {
        return {
            requests: { ...this.requests },
            throttled: this.throttled,
            faults: this.faults,
            errors: { ...this.errors },
            recent: this.recent.map((r) => ({ ...r })),
        };
    }

    /** Sets everything back to zero. */
    reset(): void {
        this.requests = {};
        this.errors = {};
        this.throttled = 0;
        this.faults = 0;
        this.recent = [];
    }
}
