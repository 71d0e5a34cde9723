/**
 * The engine side of `edgeone.PrefetchTaskWaiter`: EdgeOne's prefetch jobs on the shared waiter life cycle
 * ({@link waiterLifecycle} holds the rules: a passed gate stays passed, a timeout waits again). Here only what is
 * the prefetch's: jobs of a zone read through DescribePrefetchTasks and the zone's prefetch poller, and its records.
 */
import { EDGEONE_PREFETCH_RECORDS } from "./prefetchRecords";
import { edgeOnePrefetchPoller } from "./poller";
import { prefetchListing, readJobsTasks } from "./paging";
import { hostEdgeOnePrefetchApi } from "./clients";
import { EDGEONE_PREFETCH_TASK_WAITER } from "./prefetchDescription";
import { edgeOnePrefetchPace } from "./recentDurations";
import { hostWaitOnOwnSchedule, hostWaitOnPoller } from "../resources/waits";
import { EDGEONE_STATUS_WORDS } from "./purgeProvider";
import { edgeOnePrefetchJobsLabel } from "./prefetchProvider";
import { EdgeOnePrefetchTask } from "./types";
import { readImportedJob } from "./import";
import { overallState } from "../resources/outcome";
import { waiterLifecycle, WaiterProduct } from "../resources/waiterLifecycle";
import { asJobsGiven } from "./waiterProvider";

/** What a prefetch gate waits for: jobs of one zone. */
interface PrefetchJobsOfZone {
    readonly zoneId: string;
    readonly jobIds: readonly string[];
}

/**
 * `edgeone.PrefetchTaskWaiter` for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(edgeOnePrefetchWaiterProduct);
 */
export const edgeOnePrefetchWaiterProduct: WaiterProduct<PrefetchJobsOfZone, EdgeOnePrefetchTask> = {
    described: EDGEONE_PREFETCH_TASK_WAITER,
    status: EDGEONE_STATUS_WORDS,
    records: EDGEONE_PREFETCH_RECORDS,
    redoneOutputs: [],
    target(known) {
        const jobIds = (known.jobIds as string[] | undefined) ?? (typeof known.jobId === "string" ? [known.jobId] : undefined);
        if (typeof known.zoneId !== "string" || jobIds === undefined) {
            throw new Error("zoneId and the job ids must be known before the wait starts");
        }
        return { zoneId: known.zoneId, jobIds };
    },
    label: (t) => edgeOnePrefetchJobsLabel(t.jobIds),
    async wait({ zoneId, jobIds }, settings, onProgress) {
        const api = hostEdgeOnePrefetchApi();
        if (settings.ownPacing) {
            return hostWaitOnOwnSchedule((s) => readJobsTasks(prefetchListing(api), zoneId, jobIds, s), settings, onProgress, undefined,
                EDGEONE_PREFETCH_RECORDS, jobIds);
        }
        // Jobs from elsewhere: checked at once, then paced from their creation time as the zone's prefetches run.
        const pace = await edgeOnePrefetchPace(prefetchListing(api), zoneId, undefined, Date.now());
        return hostWaitOnPoller(edgeOnePrefetchPoller(api, zoneId), { taskIds: jobIds, pace }, settings, onProgress, undefined,
            EDGEONE_PREFETCH_RECORDS);
    },
    read: ({ zoneId, jobIds }) => readJobsTasks(prefetchListing(hostEdgeOnePrefetchApi()), zoneId, jobIds),
    outputs: (t) => ({ jobId: t.jobIds[0], jobIds: t.jobIds }),
    jobIds: (t) => t.jobIds,
    comparable: asJobsGiven,
    /** A prefetch job already warm is adopted as a passed gate, an unfinished one as a gate still to wait for. */
    async adopt(importId) {
        const { zoneId, jobId, tasks } = await readImportedJob("edgeone.PrefetchTaskWaiter", importId,
            prefetchListing(hostEdgeOnePrefetchApi()));
        const state = overallState(EDGEONE_PREFETCH_RECORDS, tasks);
        return {
            id: jobId,
            inputs: { zoneId, jobId },
            props: { zoneId, jobId, jobIds: [jobId], status: EDGEONE_STATUS_WORDS[state],
                ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) },
        };
    },
};

/**
 * The `edgeone.PrefetchTaskWaiter` provider.
 *
 * @example
 * await edgeOnePrefetchWaiterProvider().create({ zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export function edgeOnePrefetchWaiterProvider() {
    return waiterLifecycle(edgeOnePrefetchWaiterProduct);
}
