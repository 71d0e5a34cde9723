/**
 * The engine side of EdgeOne's gates (`edgeone.PurgeTaskWaiter`, and through {@link edgeOneGate}
 * `edgeone.PrefetchTaskWaiter`): EdgeOne's adapter of the shared waiter life cycle ({@link waiterLifecycle} holds
 * the rules: a passed gate stays passed, a timeout waits again). Here only what is EdgeOne's: jobs of a zone, read
 * through the zone's poller, and the job id it stores as its own.
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
import { EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing } from "./types";
import { RecordKind } from "../base/recordKind";
import { CheckPace, CoalescingPoller } from "../wait";
import { ResourceSpec } from "../description";
import { ActionWords } from "../resources/purgeLifecycle";
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
export interface JobsOfZone {
    readonly zoneId: string;
    readonly jobIds: readonly string[];
}

/**
 * What tells one kind of EdgeOne gate from another: its description and name, its records and words, how
 * messages name its jobs, and where its jobs are listed (for reads, and through the zone's poller).
 */
export interface EdgeOneGateKind<T extends EdgeOneTask> {
    readonly described: ResourceSpec;
    /** The resource's name in messages: `edgeone.PurgeTaskWaiter`. */
    readonly resource: string;
    readonly records: RecordKind<T>;
    readonly words?: ActionWords;
    label(jobIds: readonly string[]): string;
    listing(): EdgeOneTaskListing<T>;
    poller(zoneId: string): CoalescingPoller<T>;
    /** How jobs from elsewhere are paced, from the zone's recent jobs (absent: the poller's own back-off). */
    pace?(listing: EdgeOneTaskListing<T>, zoneId: string, now: number): Promise<CheckPace<T> | undefined>;
}

/**
 * An EdgeOne gate for the waiter life cycle: jobs of a zone, read through the zone's poller (or on the gate's
 * own schedule when a delay is set), the job ids stored as its own, and an import by `<zoneId>/<jobId>`.
 *
 * @example
 * waiterLifecycle(edgeOneGate({ described: EDGEONE_PREFETCH_TASK_WAITER, resource: "edgeone.PrefetchTaskWaiter", ... }));
 */
export function edgeOneGate<T extends EdgeOneTask>(kind: EdgeOneGateKind<T>): WaiterProduct<JobsOfZone, T> {
    const { records } = kind;
    return {
        described: kind.described,
        status: EDGEONE_STATUS_WORDS,
        records,
        words: kind.words,
        redoneOutputs: [],
        target(known) {
            const jobIds = (known.jobIds as string[] | undefined) ?? (typeof known.jobId === "string" ? [known.jobId] : undefined);
            if (typeof known.zoneId !== "string" || jobIds === undefined) {
                throw new Error("zoneId and the job ids must be known before the wait starts");
            }
            return { zoneId: known.zoneId, jobIds };
        },
        label: (t) => kind.label(t.jobIds),
        async wait({ zoneId, jobIds }, settings, onProgress) {
            if (settings.ownPacing) {
                return hostWaitOnOwnSchedule((s) => readJobsTasks(kind.listing(), zoneId, jobIds, s), settings, onProgress, undefined, records, jobIds);
            }
            // Jobs from elsewhere: checked at once, then paced from their creation time as the zone's jobs run.
            const pace = await kind.pace?.(kind.listing(), zoneId, Date.now());
            return hostWaitOnPoller(kind.poller(zoneId), { taskIds: jobIds, pace }, settings, onProgress, undefined, records);
        },
        read: ({ zoneId, jobIds }) => readJobsTasks(kind.listing(), zoneId, jobIds),
        outputs: (t) => ({ jobId: t.jobIds[0], jobIds: t.jobIds }),
        jobIds: (t) => t.jobIds,
        comparable: asJobsGiven,
        /** A job already done is adopted as a passed gate, an unfinished one as a gate still to wait for. */
        async adopt(importId) {
            const { zoneId, jobId, tasks } = await readImportedJob(kind.resource, importId, kind.listing());
            const state = overallState(records, tasks);
            return {
                id: jobId,
                inputs: { zoneId, jobId },
                props: { zoneId, jobId, jobIds: [jobId], status: EDGEONE_STATUS_WORDS[state],
                    ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) },
            };
        },
    };
}

/**
 * `edgeone.PurgeTaskWaiter` for the waiter life cycle.
 *
 * @example
 * waiterLifecycle(edgeOneWaiterProduct);
 */
export const edgeOneWaiterProduct = edgeOneGate<EdgeOnePurgeTask>({
    described: EDGEONE_PURGE_TASK_WAITER,
    resource: "edgeone.PurgeTaskWaiter",
    records: EDGEONE_RECORDS,
    label: edgeOneJobsLabel,
    listing: hostEdgeOneApi,
    poller: (zoneId) => edgeOnePoller(hostEdgeOneApi(), zoneId),
});

/**
 * The `edgeone.PurgeTaskWaiter` provider.
 *
 * @example
 * await edgeOneWaiterProvider().create({ zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h", timeoutSeconds: 600 });
 */
export function edgeOneWaiterProvider() {
    return waiterLifecycle(edgeOneWaiterProduct);
}
