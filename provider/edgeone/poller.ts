/**
 * The shared poller for EdgeOne jobs: one per client (account) and zone, since every EdgeOne read names its
 * zone. All waits on the zone's jobs in a process share its rounds, as CDN's waits share theirs.
 */
import { Clock, realClock, realSleep, Sleep } from "../base/clock";
import { CoalescingPoller } from "../wait";
import { edgeOneJobReader } from "./jobReader";
import { EDGEONE_RECORDS } from "./records";
import { EdgeOneApi, EdgeOnePurgeTask } from "./types";

/**
 * The quiet-interval cap while one job is watched (CDN's poller uses 6 s). Its first check already waits for the
 * zone's usual purge time, so the checks left fall where jobs finish, and a shorter interval there buys release
 * time for few calls. Chosen with `npm run bench` (the EdgeOne one-job workload).
 */
export const EDGEONE_SINGLE_JOB_MAX_DELAY_MS = 4000;

/**
 * A new poller for one zone's jobs, with EdgeOne's reader, records and timing; the bench builds its own with it.
 *
 * @example
 * const poller = newEdgeOnePoller(client, zoneId, realClock, realSleep, Math.random);
 */
export function newEdgeOnePoller(api: EdgeOneApi, zoneId: string, clock: Clock, sleep: Sleep,
    random: () => number): CoalescingPoller<EdgeOnePurgeTask> {
    return new CoalescingPoller({ reader: edgeOneJobReader(api, zoneId), records: EDGEONE_RECORDS, clock, sleep, random,
        singleTaskMaxDelayMs: EDGEONE_SINGLE_JOB_MAX_DELAY_MS });
}

const pollers = new WeakMap<EdgeOneApi, Map<string, CoalescingPoller<EdgeOnePurgeTask>>>();

/**
 * The poller of `zoneId` under `api`, created on first use with the real clock and default timing.
 *
 * @example
 * const watch = edgeOnePoller(client, "zone-2noz78a8ev6k").watch(jobId, { since });
 */
export function edgeOnePoller(api: EdgeOneApi, zoneId: string): CoalescingPoller<EdgeOnePurgeTask> {
    let zones = pollers.get(api);
    if (!zones) {
        zones = new Map();
        pollers.set(api, zones);
    }
    let poller = zones.get(zoneId);
    if (!poller) {
        poller = newEdgeOnePoller(api, zoneId, realClock, realSleep, Math.random);
        zones.set(zoneId, poller);
    }
    return poller;
}
