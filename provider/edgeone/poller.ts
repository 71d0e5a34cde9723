/**
 * The shared poller for EdgeOne jobs: one per client (account), listing (purges, prefetches) and zone, since every
 * EdgeOne read names its zone. All waits on the zone's jobs in a process share its rounds, as CDN's waits share theirs.
 */
import { Clock, realClock, realSleep, Sleep } from "../base/clock";
import { CoalescingPoller } from "../wait";
import { edgeOneJobReader } from "./jobReader";
import { EDGEONE_RECORDS } from "./records";
import { EDGEONE_PREFETCH_RECORDS } from "./prefetchRecords";
import { prefetchListing } from "./paging";
import { RecordKind } from "../base/recordKind";
import { EdgeOneApi, EdgeOnePrefetchApi, EdgeOnePrefetchTask, EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing } from "./types";

/**
 * The quiet-interval cap while one job is watched (CDN's poller uses 6 s). Its first check already waits for the
 * zone's usual purge time, so the checks left fall where jobs finish, and a shorter interval there buys release
 * time for few calls. Chosen with `npm run bench` (the EdgeOne one-job workload).
 */
export const EDGEONE_SINGLE_JOB_MAX_DELAY_MS = 4000;

/**
 * The same cap for a prefetch, which takes 5 to 30 minutes. A lone prefetch is checked on the pace learned from the
 * zone's recent prefetches (`edgeOnePrefetchPace`), which replaces this back-off; the cap serves where that pace has
 * nothing to say (a zone with no recent prefetch, a job longer than all of them, the last URLs of a job finishing),
 * where 4 s would cost over a hundred checks for a prefetch of minutes. Chosen with `npm run bench`.
 */
export const EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS = 15_000;

/**
 * A new poller for one zone's jobs, with EdgeOne's reader, records and timing; the bench builds its own with it.
 *
 * @example
 * const poller = newEdgeOnePoller(client, zoneId, realClock, realSleep, Math.random);
 */
export function newEdgeOnePoller<T extends EdgeOneTask = EdgeOnePurgeTask>(api: EdgeOneTaskListing<T>, zoneId: string, clock: Clock,
    sleep: Sleep, random: () => number, records: RecordKind<T> = EDGEONE_RECORDS as RecordKind<EdgeOneTask>,
    singleJobMaxDelayMs = EDGEONE_SINGLE_JOB_MAX_DELAY_MS): CoalescingPoller<T> {
    return new CoalescingPoller({ reader: edgeOneJobReader(api, zoneId), records, clock, sleep, random, singleTaskMaxDelayMs: singleJobMaxDelayMs });
}

const pollers = new WeakMap<EdgeOneTaskListing<EdgeOneTask>, Map<string, CoalescingPoller<EdgeOneTask>>>();

/** The poller of `zoneId` over `listing`, created on first use with the real clock and default timing. */
function zonePoller<T extends EdgeOneTask>(listing: EdgeOneTaskListing<T>, zoneId: string, records: RecordKind<T>,
    singleJobMaxDelayMs: number): CoalescingPoller<T> {
    let zones = pollers.get(listing);
    if (!zones) {
        zones = new Map();
        pollers.set(listing, zones);
    }
    let poller = zones.get(zoneId);
    if (!poller) {
        poller = newEdgeOnePoller(listing, zoneId, realClock, realSleep, Math.random, records, singleJobMaxDelayMs) as CoalescingPoller<EdgeOneTask>;
        zones.set(zoneId, poller);
    }
    return poller as CoalescingPoller<T>;
}

/**
 * The poller of `zoneId` under `api`, created on first use with the real clock and default timing.
 *
 * @example
 * const watch = edgeOnePoller(client, "zone-2noz78a8ev6k").watch(jobId, { since });
 */
export function edgeOnePoller(api: EdgeOneApi, zoneId: string): CoalescingPoller<EdgeOnePurgeTask> {
    return zonePoller(api, zoneId, EDGEONE_RECORDS, EDGEONE_SINGLE_JOB_MAX_DELAY_MS);
}

/**
 * The poller of `zoneId`'s prefetch jobs under `api`: rounds of DescribePrefetchTasks, apart from the purges'.
 *
 * @example
 * const watch = edgeOnePrefetchPoller(client, "zone-2noz78a8ev6k").watch(jobId, { since });
 */
export function edgeOnePrefetchPoller(api: EdgeOnePrefetchApi, zoneId: string): CoalescingPoller<EdgeOnePrefetchTask> {
    return zonePoller(prefetchListing(api), zoneId, EDGEONE_PREFETCH_RECORDS, EDGEONE_PREFETCH_SINGLE_JOB_MAX_DELAY_MS);
}
