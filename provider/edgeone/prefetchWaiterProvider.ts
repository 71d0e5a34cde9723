/**
 * The engine side of `edgeone.PrefetchTaskWaiter`: EdgeOne's prefetch jobs on the shared waiter life cycle
 * ({@link waiterLifecycle} holds the rules: a passed gate stays passed, a timeout waits again). Here only what is
 * the prefetch's: jobs of a zone read through DescribePrefetchTasks and the zone's prefetch poller, and its records.
 */
import { EDGEONE_PREFETCH_RECORDS } from "./prefetchRecords";
import { edgeOnePrefetchPoller } from "./poller";
import { prefetchListing } from "./paging";
import { hostEdgeOnePrefetchApi } from "./clients";
import { EDGEONE_PREFETCH_TASK_WAITER } from "./prefetchDescription";
import { edgeOnePrefetchPace } from "./recentDurations";
import { edgeOnePrefetchJobsLabel } from "./prefetchProvider";
import { EdgeOnePrefetchTask } from "./types";
import { waiterLifecycle } from "../resources/waiterLifecycle";
import { PREFETCH_WORDS } from "../resources/purgeLifecycle";
import { edgeOneGate } from "./waiterProvider";

/**
 * `edgeone.PrefetchTaskWaiter` for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(edgeOnePrefetchWaiterProduct);
 */
export const edgeOnePrefetchWaiterProduct = edgeOneGate<EdgeOnePrefetchTask>({
    described: EDGEONE_PREFETCH_TASK_WAITER,
    resource: "edgeone.PrefetchTaskWaiter",
    records: EDGEONE_PREFETCH_RECORDS,
    words: PREFETCH_WORDS,
    label: edgeOnePrefetchJobsLabel,
    listing: () => prefetchListing(hostEdgeOnePrefetchApi()),
    poller: (zoneId) => edgeOnePrefetchPoller(hostEdgeOnePrefetchApi(), zoneId),
    pace: (listing, zoneId, now) => edgeOnePrefetchPace(listing, zoneId, undefined, now),
});

/**
 * The `edgeone.PrefetchTaskWaiter` provider.
 *
 * @example
 * await edgeOnePrefetchWaiterProvider().create({ zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export function edgeOnePrefetchWaiterProvider() {
    return waiterLifecycle(edgeOnePrefetchWaiterProduct);
}
