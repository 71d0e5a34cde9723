/**
 * The engine side of `edgeone.PurgeTaskWaiter`: EdgeOne's adapter of the shared waiter life cycle
 * ({@link waiterLifecycle} holds the rules: a passed gate stays passed, a timeout waits again). Here only what is
 * EdgeOne's: jobs of a zone, read through the zone's poller, and the job id it stores as its own.
 */
import { EDGEONE_RECORDS } from "./records";
import { edgeOnePoller } from "./poller";
import { readJobsTasks } from "./paging";
import { hostEdgeOneApi } from "./clients";
import { overallState } from "../resources/outcome";
import { EDGEONE_PURGE_TASK_WAITER } from "./description";
import { hostWaitOnOwnSchedule, hostWaitOnPoller } from "../resources/waits";
import { EDGEONE_STATUS_WORDS, edgeOneJobsLabel } from "./purgeProvider";
import { readImportedJob } from "./import";
import { EdgeOnePurgeTask } from "./types";
import { waiterLifecycle, WaiterProduct } from "../resources/waiterLifecycle";

/**
 * A gate's stored state as the inputs it was given: a gate stores both `jobId` (the first job) and `jobIds` as
 * outputs, whichever the user gave, and the other is then no input of the user's that changed.
 *
 * @example
 * asJobsGiven({ jobId: "a", jobIds: ["a"], status: "success" }, { jobId: "a" }); // jobIds left out
 */
export const asJobsGiven = (olds: Record<string, unknown>, news: Record<string, unknown>): Record<string, unknown> =>
    ({ ...olds, ...(news.jobId === undefined ? { jobId: undefined } : {}), ...(news.jobIds === undefined ? { jobIds: undefined } : {}) });

/** What an EdgeOne gate waits for: jobs of one zone. */
interface JobsOfZone {
    readonly zoneId: string;
    readonly jobIds: readonly string[];
}

/**
 * `edgeone.PurgeTaskWaiter` for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(edgeOneWaiterProduct);
 */
export const edgeOneWaiterProduct: WaiterProduct<JobsOfZone, EdgeOnePurgeTask, typeof EDGEONE_PURGE_TASK_WAITER.inputs> = {
    described: EDGEONE_PURGE_TASK_WAITER,
    status: EDGEONE_STATUS_WORDS,
    records: EDGEONE_RECORDS,
    redoneOutputs: [],
    target(known) {
        const jobIds = known.jobIds ?? (known.jobId === undefined ? undefined : [known.jobId]);
        if (known.zoneId === undefined || jobIds === undefined) {
            throw new Error("zoneId and the job ids must be known before the wait starts");
        }
        return { zoneId: known.zoneId, jobIds };
    },
    label: (t) => edgeOneJobsLabel(t.jobIds),
    wait({ zoneId, jobIds }, settings, onProgress) {
        const api = hostEdgeOneApi();
        return settings.ownPacing
            ? hostWaitOnOwnSchedule((s) => readJobsTasks(api, zoneId, jobIds, s), settings, onProgress, undefined, EDGEONE_RECORDS, jobIds)
            : hostWaitOnPoller(edgeOnePoller(api, zoneId), { taskIds: jobIds }, settings, onProgress, undefined, EDGEONE_RECORDS);
    },
    read: ({ zoneId, jobIds }) => readJobsTasks(hostEdgeOneApi(), zoneId, jobIds),
    outputs: (t) => ({ jobId: t.jobIds[0], jobIds: t.jobIds }),
    jobIds: (t) => t.jobIds,
    comparable: asJobsGiven,
    /** A job already succeeded is adopted as a passed gate, an unfinished one as a gate still to wait for. */
    async adopt(importId) {
        const { zoneId, jobId, tasks } = await readImportedJob("edgeone.PurgeTaskWaiter", importId, hostEdgeOneApi());
        const state = overallState(EDGEONE_RECORDS, tasks);
        return {
            id: jobId,
            inputs: { zoneId, jobId },
            props: { zoneId, jobId, jobIds: [jobId], status: EDGEONE_STATUS_WORDS[state],
                ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) },
        };
    },
};

/**
 * The `edgeone.PurgeTaskWaiter` provider.
 *
 * @example
 * await edgeOneWaiterProvider().create({ zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h", timeoutSeconds: 600 });
 */
export function edgeOneWaiterProvider() {
    return waiterLifecycle(edgeOneWaiterProduct);
}
