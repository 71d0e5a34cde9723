/**
 * Push (prefetch) quotas: how many URLs one PushUrlsCache may carry (Batch) and one day allows (Total), per area;
 * `global` takes from mainland's and overseas' alike. Usage resets at midnight Beijing time.
 */
import { ApiError } from "../errors";
import { DailyUsage } from "../dailyUsage";
import { CDN_ERROR_CODES } from "./errors";
import { QuotaEntry } from "./quota";
import { Area } from "./store";

/** Push quota sizes; defaults are an account's as Tencent documents them: 500 URLs a call, 1,000 a day, per area. */
export interface PushQuotaLimits {
    readonly pushBatch?: number;
    readonly pushTotal?: number;
}

const AREAS = ["mainland", "overseas"] as const;

/**
 * Daily push quota bookkeeping.
 *
 * @example
 * const quota = new PushQuota({ pushTotal: 5 }, Date.now);
 * quota.charge("global", 3);
 * quota.describe().UrlPush[1].Available; // 2
 */
export class PushQuota {
    private readonly used: DailyUsage;
    private readonly batch: number;
    private readonly total: number;

    constructor(limits: PushQuotaLimits, now: () => number) {
        this.used = new DailyUsage(now);
        this.batch = limits.pushBatch ?? 500;
        this.total = limits.pushTotal ?? 1000;
    }

    /** The DescribePushQuota answer body (without RequestId). */
    describe(): { UrlPush: QuotaEntry[] } {
        return { UrlPush: AREAS.map((area) => ({ Batch: this.batch, Total: this.total, Available: this.available(area), Area: area })) };
    }

    /** Takes `count` from each area `area` covers, or throws the CDN's push limit error and takes nothing. */
    charge(area: Area, count: number): void {
        const areas = area === "global" ? AREAS : [area];
        if (count > this.batch) {
            throw new ApiError(CDN_ERROR_CODES.pushBatchLimit, `Too many URLs in one push: at most ${this.batch}.`);
        }
        if (areas.some((a) => count > this.available(a))) {
            throw new ApiError(CDN_ERROR_CODES.pushDayLimit, "Daily push quota exceeded.");
        }
        areas.forEach((a) => this.used.add(a, count));
    }

    /** Forgets today's usage. */
    reset(): void {
        this.used.reset();
    }

    private available(area: "mainland" | "overseas"): number {
        return Math.max(0, this.total - this.used.today(area));
    }
}
