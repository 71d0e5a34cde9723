/**
 * The shared poller for EdgeOne jobs: one per client (account) and zone, since every EdgeOne read names its
 * zone. All waits on the zone's jobs in a process share its rounds, as CDN's waits share theirs.
 */
import { realClock, realSleep } from "../clock";
import { CoalescingPoller } from "../wait";
import { edgeOneJobReader } from "./jobReader";
import { EDGEONE_RECORDS } from "./records";
import { EdgeOneApi, EdgeOnePurgeTask } from "./types";

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
        poller = new CoalescingPoller({ reader: edgeOneJobReader(api, zoneId), records: EDGEONE_RECORDS,
            clock: realClock, sleep: realSleep, random: Math.random });
        zones.set(zoneId, poller);
    }
    return poller;
}
