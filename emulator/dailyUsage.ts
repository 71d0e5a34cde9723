/**
 * How much of a daily quota each key used today; the count starts again at midnight Beijing time, as the real
 * services' daily quotas do.
 */
import { formatApiTime } from "../provider/base/time";

/**
 * Per-key usage of today (Beijing time).
 *
 * @example
 * const usage = new DailyUsage(Date.now);
 * usage.add("url/mainland", 3);
 * usage.today("url/mainland"); // 3, and 0 again after midnight in Beijing
 */
export class DailyUsage {
    private day = "";
    private readonly used = new Map<string, number>();

    constructor(private readonly now: () => number) {}

    /** What `key` used today. */
    today(key: string): number {
        const today = formatApiTime(new Date(this.now())).slice(0, 10);
        if (today !== this.day) {
            this.day = today;
            this.used.clear();
        }
        return this.used.get(key) ?? 0;
    }

    /** Adds `count` to what `key` used today. */
    add(key: string, count: number): void {
        this.used.set(key, this.today(key) + count);
    }

    /** Forgets today's usage. */
    reset(): void {
        this.used.clear();
    }
}
