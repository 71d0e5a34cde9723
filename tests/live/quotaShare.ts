/**
 * The live run's promise about quota: before it purges or prefetches anything, it reads the day's quotas
 * (DescribePurgeQuota, DescribePushQuota, DescribeContentQuota's purge and prefetch lines) and refuses when the
 * run would take more than the stated share of a day's allowance of any of them, or more than is left today.
 */
import { EdgeOneQuota } from "../../provider/edgeone/types";
import { PurgeQuotas } from "../../provider/cdn/types";
import { PushQuotas } from "../../provider/cdn/pushTypes";
import { LivePlan, prefetchCount } from "./livePlan";

/** The quotas read before the run. */
export interface LiveQuotas {
    readonly cdn?: PurgeQuotas;
    readonly cdnPush?: PushQuotas;
    readonly edgeOne?: readonly EdgeOneQuota[];
    readonly edgeOnePrefetch?: readonly EdgeOneQuota[];
}

/** One quota the run spends from. */
export interface QuotaUse {
    readonly quota: string;
    readonly needed: number;
    readonly daily: number;
    readonly available: number;
    /** The most the stated share allows. */
    readonly allowed: number;
}

/**
 * Every quota the plan spends from, and why the run must not go on (empty when it may).
 *
 * @example
 * const { uses, refusals } = quotaShare(plan, 0.05, quotas);
 */
export function quotaShare(plan: LivePlan, share: number, quotas: LiveQuotas): { uses: QuotaUse[]; refusals: string[] } {
    const uses: QuotaUse[] = [];
    const refusals: string[] = [];
    const use = (quota: string, needed: number, daily: number, available: number) => {
        const u = { quota, needed, daily, available, allowed: Math.floor(daily * share) };
        uses.push(u);
        if (needed > u.allowed) {
            refusals.push(`${quota}: the run needs ${needed}, more than ${share * 100}% of the day's ${daily} (${u.allowed})`);
        } else if (needed > available) {
            refusals.push(`${quota}: the run needs ${needed}, but only ${available} of ${daily} are left today`);
        }
    };
    if (plan.cdn) {
        const kinds = [["URL purge", quotas.cdn?.urlPurge, plan.cdn.urls.length, "DescribePurgeQuota"],
            ["directory purge", quotas.cdn?.pathPurge, plan.cdn.paths.length, "DescribePurgeQuota"],
            ["URL push", quotas.cdnPush?.urlPush, prefetchCount(plan.cdn.push), "DescribePushQuota"]] as const;
        for (const [name, lines, needed, action] of kinds) {
            if (!lines || lines.length === 0) refusals.push(`CDN ${name}: ${action} lists no quota`);
            // A purge without an area counts where the domain is served: check every area listed.
            for (const q of lines ?? []) use(`CDN ${name} (${q.area})`, needed, q.total, q.available);
        }
    }
    if (plan.edgeOne) {
        const { zoneId } = plan.edgeOne;
        const kinds = [["purge_url", quotas.edgeOne, plan.edgeOne.targets.length], ["prefetch_url", quotas.edgeOnePrefetch, prefetchCount(plan.edgeOne.prefetch)]] as const;
        for (const [type, lines, needed] of kinds) {
            const q = lines?.find((l) => l.type === type);
            if (!q) refusals.push(`EdgeOne ${type} in ${zoneId}: DescribeContentQuota lists no quota`);
            else use(`EdgeOne ${type} (${zoneId})`, needed, q.daily, q.dailyAvailable);
        }
    }
    return { uses, refusals };
}
