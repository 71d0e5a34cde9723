/**
 * EdgeOne's content quota per zone and type: how many targets one CreatePurgeTask (per purge type) or one
 * CreatePrefetchTask (`prefetch_url`) may carry (Batch) and a day allows (Daily). Use resets at midnight Beijing
 * time, as the CDN quota's does.
 */
import { ApiError } from "../errors";
import { DailyUsage } from "../dailyUsage";
import { TEO_PURGE_TYPES, TeoPurgeType } from "./store";

/**
 * What the emulator counts: each purge type and the URL prefetch, which DescribeContentQuota reports, and the edge
 * prefetch (`Mode: edge`), which has a daily quota of its own (1,000 a day, as the SDK documents) that it does not.
 */
export type TeoQuotaType = TeoPurgeType | "prefetch_url" | "prefetch_edge";

/** Batch and daily sizes per type; `purge_all` counts one per call. */
export type TeoQuotaLimits = Partial<Record<TeoQuotaType, { readonly batch: number; readonly daily: number }>>;

const DEFAULTS: Readonly<Record<TeoQuotaType, { batch: number; daily: number }>> = {
    purge_url: { batch: 1000, daily: 20_000 },
    purge_prefix: { batch: 100, daily: 10_000 },
    purge_host: { batch: 100, daily: 10_000 },
    purge_all: { batch: 1, daily: 100 },
    purge_cache_tag: { batch: 100, daily: 10_000 },
    prefetch_url: { batch: 1000, daily: 10_000 },
    prefetch_edge: { batch: 1000, daily: 1000 },
};

/** One line of DescribeContentQuota's `PurgeQuota` or `PrefetchQuota`. */
export interface TeoQuotaEntry {
    readonly Type: TeoQuotaType;
    readonly Batch: number;
    readonly Daily: number;
    readonly DailyAvailable: number;
}

/**
 * Daily EdgeOne purge quota bookkeeping, per zone.
 *
 * @example
 * const quota = new TeoQuota({ purge_url: { batch: 2, daily: 5 } }, Date.now);
 * quota.charge("zone-1", "purge_url", 2);
 */
export class TeoQuota {
    private readonly limits: Record<TeoQuotaType, { batch: number; daily: number }>;
    private readonly used: DailyUsage;

    constructor(limits: TeoQuotaLimits, now: () => number) {
        this.used = new DailyUsage(now);
        this.limits = { ...DEFAULTS, ...limits };
    }

    /** The DescribeContentQuota answer body for a zone (without RequestId). */
    describe(zoneId: string): { PurgeQuota: TeoQuotaEntry[]; PrefetchQuota: TeoQuotaEntry[] } {
        const line = (type: TeoQuotaType): TeoQuotaEntry => ({
            Type: type, Batch: this.limits[type].batch, Daily: this.limits[type].daily,
            DailyAvailable: Math.max(0, this.limits[type].daily - this.used.today(`${zoneId}/${type}`)),
        });
        return { PurgeQuota: TEO_PURGE_TYPES.map(line), PrefetchQuota: [line("prefetch_url")] };
    }

    /** Takes `count` from today's quota, or throws `LimitExceeded.BatchQuota` / `LimitExceeded.DailyQuota`. */
    charge(zoneId: string, type: TeoQuotaType, count: number): void {
        const limit = this.limits[type];
        if (count > limit.batch) {
            throw new ApiError("LimitExceeded.BatchQuota", `Too many targets in one call: at most ${limit.batch} for ${type}.`);
        }
        if (this.used.today(`${zoneId}/${type}`) + count > limit.daily) {
            throw new ApiError("LimitExceeded.DailyQuota", `The daily ${type} quota of the zone is used up.`);
        }
        this.used.add(`${zoneId}/${type}`, count);
    }

    /** Forgets today's use. */
    reset(): void {
        this.used.reset();
    }
}
