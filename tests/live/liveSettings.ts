/**
 * What the maintainer asks of the live acceptance run, from the environment. Nothing runs against the real API
 * unless `TENCENTCLOUD_PURGE_LIVE=1` opts in and a CDN domain or an EdgeOne zone to purge in is named; a bad value
 * fails here, naming the variable and what would be valid, before any request.
 */
import * as os from "os";
import * as path from "path";

/** The variables, by what they set. */
export const LIVE_ENV = {
    optIn: "TENCENTCLOUD_PURGE_LIVE",
    domain: "TENCENTCLOUD_PURGE_LIVE_DOMAIN",
    zoneId: "TENCENTCLOUD_PURGE_LIVE_ZONE_ID",
    zoneDomain: "TENCENTCLOUD_PURGE_LIVE_ZONE_DOMAIN",
    quotaShare: "TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE",
    report: "TENCENTCLOUD_PURGE_LIVE_REPORT",
    timeoutSeconds: "TENCENTCLOUD_PURGE_LIVE_TIMEOUT_SECONDS",
    prefetchPath: "TENCENTCLOUD_PURGE_LIVE_PREFETCH_PATH",
    prefetchTimeoutSeconds: "TENCENTCLOUD_PURGE_LIVE_PREFETCH_TIMEOUT_SECONDS",
} as const;

/** The share of a day's purge quota a run may use, unless the maintainer states another. */
export const DEFAULT_QUOTA_SHARE = 0.05;
/** The most a run may be allowed: half a day's quota. */
const MAX_QUOTA_SHARE = 0.5;

/** A run the maintainer opted into. */
export interface LiveSettings {
    /** The CDN domain whose URLs and a directory are purged, e.g. `www.example.com`; absent: no CDN scenarios. */
    readonly domain?: string;
    /** The EdgeOne zone and a host name served by it; absent: no EdgeOne scenarios. */
    readonly zone?: { readonly id: string; readonly domain: string };
    /** Most of a day's quota (of each kind used) the run may spend, in (0, 0.5]. */
    readonly quotaShare: number;
    /** Where the report goes. */
    readonly reportFile: string;
    /** Each purge gate's deadline. */
    readonly timeoutSeconds: number;
    /**
     * The path prefetched on the CDN domain and the zone's host, e.g. `/` (the default): one the origins serve, since
     * a prefetch of what the origin lacks ends `invalid`.
     */
    readonly prefetchPath: string;
    /** Each prefetch gate's deadline: a prefetch takes 5 to 30 minutes by Tencent's FAQ. */
    readonly prefetchTimeoutSeconds: number;
}

/** Not opted in, with why; or the run's settings. Throws on a value that cannot be used. */
export type LiveChoice = { readonly optedIn: false; readonly why: string } | ({ readonly optedIn: true } & LiveSettings);

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function hostName(env: NodeJS.ProcessEnv, name: string): string | undefined {
    const value = env[name]?.trim();
    if (!value) return undefined;
    if (!HOST.test(value)) throw new Error(`${name} must be a host name such as www.example.com (no scheme, no path), got "${value}"`);
    return value;
}

/** A URL path with nothing after it: no query, no fragment, no blank. */
const URL_PATH = /^\/[^\s?#]*$/;

function numberIn(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, what: string): number {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= min || n > max) throw new Error(`${name} must be ${what}, got "${raw}"`);
    return n;
}

/**
 * Reads the settings; `now` names the default report file.
 *
 * @example
 * readLiveSettings({ TENCENTCLOUD_PURGE_LIVE: "1", TENCENTCLOUD_PURGE_LIVE_DOMAIN: "www.example.com" });
 */
export function readLiveSettings(env: NodeJS.ProcessEnv, now = new Date()): LiveChoice {
    const optIn = env[LIVE_ENV.optIn]?.trim();
    if (optIn !== "1") {
        return { optedIn: false, why: `${LIVE_ENV.optIn} is ${optIn ? `"${optIn}"` : "not set"}; set it to 1, with ` +
            `${LIVE_ENV.domain} (a CDN domain) and/or ${LIVE_ENV.zoneId} with ${LIVE_ENV.zoneDomain} (an EdgeOne zone ` +
            "and a host it serves), and credentials as for any program, to purge in that account" };
    }
    const domain = hostName(env, LIVE_ENV.domain);
    const zoneId = env[LIVE_ENV.zoneId]?.trim();
    const zoneDomain = hostName(env, LIVE_ENV.zoneDomain);
    if (zoneId && !/^zone-[a-z0-9]+$/.test(zoneId)) throw new Error(`${LIVE_ENV.zoneId} must be a zone id such as zone-2noz78a8ev6k, got "${zoneId}"`);
    if (!!zoneId !== !!zoneDomain) throw new Error(`${LIVE_ENV.zoneId} and ${LIVE_ENV.zoneDomain} go together: set both or neither`);
    if (!domain && !zoneId) throw new Error(`${LIVE_ENV.optIn}=1 needs ${LIVE_ENV.domain} or ${LIVE_ENV.zoneId} (with ${LIVE_ENV.zoneDomain}): what to purge`);
    const prefetchPath = env[LIVE_ENV.prefetchPath]?.trim() || "/";
    if (!URL_PATH.test(prefetchPath)) throw new Error(`${LIVE_ENV.prefetchPath} must be a path the origin serves, such as / or /index.html (no query), got "${prefetchPath}"`);
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    return {
        optedIn: true,
        domain,
        zone: zoneId && zoneDomain ? { id: zoneId, domain: zoneDomain } : undefined,
        quotaShare: numberIn(env, LIVE_ENV.quotaShare, DEFAULT_QUOTA_SHARE, 0, MAX_QUOTA_SHARE, `a share of the day's quota in (0, ${MAX_QUOTA_SHARE}], such as 0.05`),
        reportFile: path.resolve(env[LIVE_ENV.report]?.trim() || path.join(os.tmpdir(), `tencentcloud-purge-live-${stamp}.json`)),
        timeoutSeconds: numberIn(env, LIVE_ENV.timeoutSeconds, 1200, 0, 86_400, "a number of seconds in (0, 86400]"),
        prefetchPath,
        prefetchTimeoutSeconds: numberIn(env, LIVE_ENV.prefetchTimeoutSeconds, 1800, 0, 86_400, "a number of seconds in (0, 86400]"),
    };
}
