/**
 * Purge quotas: how many URLs or directories one call may carry (Batch) and one day allows (Total), per area.
 * Usage resets at midnight Beijing time, as the real service's daily quota does.
 */
import { ApiError } from "../errors";
import { DailyUsage } from "../dailyUsage";
import { CDN_ERROR_CODES } from "./errors";
import { Area, PurgeType } from "./store";

/** Quota sizes; defaults: URL batch 1000 and 10000 a day, directory batch 500 and 100 a day. */
export interface QuotaLimits {
    readonly urlBatch?: number;
    readonly urlTotal?: number;
    readonly pathBatch?: number;
    readonly pathTotal?: number;
}

/** One entry of DescribePurgeQuota's `UrlPurge` / `PathPurge` arrays. */
export interface QuotaEntry {
    readonly Batch: number;
    readonly Total: number;
    readonly Available: number;
    readonly Area: "mainland" | "overseas";
}

const QUOTA_AREAS = ["mainland", "overseas"] as const;

/**
 * Daily purge quota bookkeeping.
 *
 * @example
 * const quota = new PurgeQuota({ urlTotal: 5 }, Date.now);
 * quota.charge("url", "mainland", 3);
 * quota.describe().UrlPurge[0].Available; // 2
 */
export class PurgeQuota {
    private readonly limits: Required<QuotaLimits>;
    private readonly used: DailyUsage;

    constructor(limits: QuotaLimits, now: () => number) {
        this.used = new DailyUsage(now);
        this.limits = {
            urlBatch: limits.urlBatch ?? 1000,
            urlTotal: limits.urlTotal ?? 10000,
            pathBatch: limits.pathBatch ?? 500,
            pathTotal: limits.pathTotal ?? 100,
        };
    }

    /** The DescribePurgeQuota answer body (without RequestId). */
    describe(): { UrlPurge: QuotaEntry[]; PathPurge: QuotaEntry[] } {
        const entries = (type: PurgeType): QuotaEntry[] => QUOTA_AREAS.map((area) => ({
            Batch: this.batch(type), Total: this.total(type), Available: this.available(type, area), Area: area,
        }));
        return { UrlPurge: entries("url"), PathPurge: entries("path") };
    }

    /**
     * Takes `count` from today's quota of each area the submission covers (`global` covers both), or throws
     * `LimitExceeded.CdnPurgeExceedBatchLimit` / `LimitExceeded.CdnPurgeExceedDayLimit` and takes nothing.
     */
    charge(type: PurgeType, area: Area, count: number): void {
        const areas = area === "global" ? QUOTA_AREAS : [area];
        if (count > this.batch(type)) {
            throw new ApiError(CDN_ERROR_CODES.batchLimit,
                `Too many ${type === "url" ? "URLs" : "directories"} in one call: at most ${this.batch(type)}.`);
        }
        if (areas.some((a) => count > this.available(type, a))) {
            throw new ApiError(CDN_ERROR_CODES.dayLimit, `Daily ${type} purge quota exceeded.`);
        }
        areas.forEach((a) => this.used.add(`${type}/${a}`, count));
    }

    /** Forgets today's usage. */
    reset(): void {
        this.used.reset();
    }

    private batch(type: PurgeType): number {
        return type === "url" ? this.limits.urlBatch : this.limits.pathBatch;
    }

    private total(type: PurgeType): number {
        return type === "url" ? this.limits.urlTotal : this.limits.pathTotal;
    }

    private available(type: PurgeType, area: "mainland" | "overseas"): number {
        return Math.max(0, this.total(type) - this.used.today(`${type}/${area}`));
    }
}
