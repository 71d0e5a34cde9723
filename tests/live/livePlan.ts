/**
 * What a live run purges: two URLs and one directory of the CDN domain, and one URL of the EdgeOne zone, all under
 * a folder named for the run, so that nothing a site serves is touched and the purges of two runs are told apart.
 */
import { LiveSettings } from "./liveSettings";

/** The purges of one run, and what they cost of each quota. */
export interface LivePlan {
    readonly runId: string;
    readonly cdn?: { readonly domain: string; readonly urls: readonly string[]; readonly paths: readonly string[] };
    readonly edgeOne?: { readonly zoneId: string; readonly targets: readonly string[] };
}

/** The folder every purged URL is under. */
export const LIVE_FOLDER = "pulumi-tencentcloud-purge-live";

/**
 * The plan for `settings`, under `runId`.
 *
 * @example
 * livePlan({ domain: "www.example.com", ... }, "20261207T0700").cdn.urls; // ["https://www.example.com/pulumi-tencentcloud-purge-live/20261207T0700/a.txt", ...]
 */
export function livePlan(settings: Pick<LiveSettings, "domain" | "zone">, runId: string): LivePlan {
    const under = (host: string) => `https://${host}/${LIVE_FOLDER}/${runId}/`;
    return {
        runId,
        cdn: settings.domain ? {
            domain: settings.domain,
            urls: [`${under(settings.domain)}a.txt`, `${under(settings.domain)}b.txt`],
            paths: [`${under(settings.domain)}dir/`],
        } : undefined,
        edgeOne: settings.zone ? { zoneId: settings.zone.id, targets: [`${under(settings.zone.domain)}a.txt`] } : undefined,
    };
}

/**
 * The plan as lines for the terminal.
 *
 * @example
 * process.stdout.write(describePlan(plan));
 */
export function describePlan(plan: LivePlan): string {
    return [
        ...(plan.cdn ? [`CDN, ${plan.cdn.domain}: URL purge of ${plan.cdn.urls.join(", ")}; directory purge (flush) of ${plan.cdn.paths.join(", ")}`] : []),
        ...(plan.edgeOne ? [`EdgeOne, zone ${plan.edgeOne.zoneId}: purge_url of ${plan.edgeOne.targets.join(", ")}`] : []),
    ].map((l) => `  ${l}\n`).join("");
}
