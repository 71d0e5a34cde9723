/**
 * What a live run purges: two URLs and one directory of the CDN domain, and one URL of the EdgeOne zone, all under
 * a folder named for the run, so that nothing a site serves is touched and the purges of two runs are told apart.
 * What it prefetches: the path the maintainer names (the home page unless told), which the origin serves, and one
 * URL of the run's folder, which the origin lacks, so that the run sees how the API reports it (`invalid`).
 */
import { LiveSettings } from "./liveSettings";

/** What one product's prefetch sends: URLs the origin serves, and URLs it lacks (each must fail the update). */
export interface PrefetchPlan {
    readonly urls: readonly string[];
    readonly missing: readonly string[];
}

/** The purges and prefetches of one run, and what they cost of each quota. */
export interface LivePlan {
    readonly runId: string;
    readonly cdn?: { readonly domain: string; readonly urls: readonly string[]; readonly paths: readonly string[]; readonly push: PrefetchPlan };
    readonly edgeOne?: { readonly zoneId: string; readonly targets: readonly string[]; readonly prefetch: PrefetchPlan };
}

/** The folder every purged URL is under. */
export const LIVE_FOLDER = "pulumi-tencentcloud-purge-live";

/** How many URLs a prefetch plan sends, each counted against the prefetch quota. */
export const prefetchCount = (p: PrefetchPlan): number => p.urls.length + p.missing.length;

/**
 * The plan for `settings`, under `runId`.
 *
 * @example
 * livePlan({ domain: "www.example.com", ... }, "20261207T0700").cdn.urls; // ["https://www.example.com/pulumi-tencentcloud-purge-live/20261207T0700/a.txt", ...]
 */
export function livePlan(settings: Pick<LiveSettings, "domain" | "zone"> & Partial<Pick<LiveSettings, "prefetchPath">>, runId: string): LivePlan {
    const under = (host: string) => `https://${host}/${LIVE_FOLDER}/${runId}/`;
    const prefetch = (host: string): PrefetchPlan => ({ urls: [`https://${host}${settings.prefetchPath ?? "/"}`], missing: [`${under(host)}missing.txt`] });
    return {
        runId,
        cdn: settings.domain ? {
            domain: settings.domain,
            urls: [`${under(settings.domain)}a.txt`, `${under(settings.domain)}b.txt`],
            paths: [`${under(settings.domain)}dir/`],
            push: prefetch(settings.domain),
        } : undefined,
        edgeOne: settings.zone ? { zoneId: settings.zone.id, targets: [`${under(settings.zone.domain)}a.txt`], prefetch: prefetch(settings.zone.domain) } : undefined,
    };
}

/**
 * The plan as lines for the terminal.
 *
 * @example
 * process.stdout.write(describePlan(plan));
 */
export function describePlan(plan: LivePlan): string {
    const warm = (p: PrefetchPlan) => `${p.urls.join(", ")}; and of ${p.missing.join(", ")}, which the origin lacks (it must fail as invalid)`;
    return [
        ...(plan.cdn ? [`CDN, ${plan.cdn.domain}: URL purge of ${plan.cdn.urls.join(", ")}; directory purge (flush) of ${plan.cdn.paths.join(", ")}`,
            `CDN, ${plan.cdn.domain}: prefetch (push) of ${warm(plan.cdn.push)}`] : []),
        ...(plan.edgeOne ? [`EdgeOne, zone ${plan.edgeOne.zoneId}: purge_url of ${plan.edgeOne.targets.join(", ")}`,
            `EdgeOne, zone ${plan.edgeOne.zoneId}: prefetch of ${warm(plan.edgeOne.prefetch)}`] : []),
    ].map((l) => `  ${l}\n`).join("");
}
