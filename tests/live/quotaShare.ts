/**
 * The live run's promise about quota: before it purges anything, it reads the day's quota (DescribePurgeQuota,
 * DescribeContentQuota) and refuses when its purges would take more than the stated share of a day's allowance,
 * or more than is left today.
 */
import { EdgeOneQuota } from "../../provider/base/edgeOneTypes";
import { PurgeQuotas } from "../../provider/base/types";
import { LivePlan } from "./livePlan";

/** The quotas read before the run. */
export interface LiveQuotas {
    readonly cdn?: PurgeQuotas;
    readonly edgeOne?: readonly EdgeOneQuota[];
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
        const kinds = [["URL purge", quotas.cdn?.urlPurge, plan.cdn.urls.length], ["directory purge", quotas.cdn?.pathPurge, plan.cdn.paths.length]] as const;
        for (const [name, lines, needed] of kinds) {
            if (!lines || lines.length === 0) refusals.push(`CDN ${name}: DescribePurgeQuota lists no quota`);
            // A purge without an area counts where the domain is served: check every area listed.
            for (const q of lines ?? []) use(`CDN ${name} (${q.area})`, needed, q.total, q.available);
        }
    }
    if (plan.edgeOne) {
        const q = quotas.edgeOne?.find((l) => l.type === "purge_url");
        if (!q) refusals.push(`EdgeOne purge_url in ${plan.edgeOne.zoneId}: DescribeContentQuota lists no quota`);
        else use(`EdgeOne purge_url (${plan.edgeOne.zoneId})`, plan.edgeOne.targets.length, q.daily, q.dailyAvailable);
    }
    return { uses, refusals };
}
