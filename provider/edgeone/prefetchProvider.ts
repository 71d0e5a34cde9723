/**
 * The engine side of `edgeone.Prefetch`: EdgeOne's prefetch as a product of the shared purge life cycle
 * ({@link purgeLifecycle} holds the rules: quota before sending, batches, the in-doubt rule, resume after a timeout,
 * a failed prefetch submitted again up to three times, only what is not warm yet). Here only what is the prefetch's:
 * its inputs, CreatePrefetchTask in batches of the `prefetch_url` quota, its own records (`invalid` fails), and the
 * checks paced by how long the zone's recent prefetches took, which spares the calls of a wait of minutes.
 */
import { EDGEONE_PREFETCH_RECORDS } from "./prefetchRecords";
import { edgeOnePrefetchPoller } from "./poller";
import { EDGEONE_PREFETCH } from "./prefetchDescription";
import { prefetchListing, readJobsTasks } from "./paging";
import { edgeOnePrefetchPace } from "./recentDurations";
import { findInDoubtPrefetchJob, submitEdgeOnePrefetch } from "./submitPrefetch";
import { formatIsoApiTime } from "../base/isoTime";
import { EdgeOneHeader, EdgeOnePrefetchMode, EdgeOnePrefetchRequest, EdgeOnePrefetchTask, EdgeOneSwitch } from "./types";
import { hostEdgeOnePrefetchApi } from "./clients";
import { hostWaitOnOwnSchedule, hostWaitOnPoller } from "../resources/waits";
import { CLOCK_SKEW_MS, PREFETCH_WORDS, PurgeProduct, purgeLifecycle } from "../resources/purgeLifecycle";
import { EDGEONE_STATUS_WORDS } from "./purgeProvider";
import { readImportedJob } from "./import";
import { overallState } from "../resources/outcome";

/** "EdgeOne prefetch job 1379afjk91u32h" or "EdgeOne prefetch jobs a, b": how messages name a prefetch's jobs. */
export const edgeOnePrefetchJobsLabel = (jobIds: readonly string[]) =>
    `EdgeOne prefetch job${jobIds.length > 1 ? "s" : ""} ${jobIds.join(", ")}`;

/** The host's prefetch listing (DescribePrefetchTasks), for reads by job id. */
const listing = () => prefetchListing(hostEdgeOnePrefetchApi());

/**
 * The CreatePrefetchTask request of `edgeone.Prefetch` inputs already checked by its description; throws when
 * something it needs is not known yet.
 *
 * @example
 * edgeOnePrefetchRequestOf(validateInputs(EDGEONE_PREFETCH, { zoneId, targets: ["https://www.example.com/app.js"] }));
 */
export function edgeOnePrefetchRequestOf(known: Readonly<Record<string, unknown>>): EdgeOnePrefetchRequest {
    if (typeof known.zoneId !== "string" || !Array.isArray(known.targets)) {
        throw new Error("zoneId and targets must be known before the prefetch is submitted");
    }
    return {
        zoneId: known.zoneId, targets: known.targets as string[],
        mode: known.mode as EdgeOnePrefetchMode | undefined,
        headers: known.headers as EdgeOneHeader[] | undefined,
        prefetchMediaSegments: known.prefetchMediaSegments as EdgeOneSwitch | undefined,
    };
}

/**
 * `edgeone.Prefetch` for the life cycle.
 *
 * @example
 * purgeLifecycle(edgeOnePrefetchProduct);
 */
export const edgeOnePrefetchProduct: PurgeProduct<EdgeOnePrefetchRequest, EdgeOnePrefetchTask> = {
    described: EDGEONE_PREFETCH,
    idKeys: { one: "jobId", all: "jobIds" },
    status: EDGEONE_STATUS_WORDS,
    records: EDGEONE_PREFETCH_RECORDS,
    service: "EdgeOne",
    itemsName: "the targets",
    failedListHint: "edgeone.getPrefetchTasks({ zoneId, jobId }) lists each URL with why it failed",
    words: PREFETCH_WORDS,
    request: edgeOnePrefetchRequestOf,
    items: (req) => req.targets,
    withItems: (req, targets) => ({ ...req, targets }),
    itemOf: (task) => task.target,
    expectedRecords: (req) => req.targets.length,
    submit: (req, already, onBatch, signal) => submitEdgeOnePrefetch(hostEdgeOnePrefetchApi(), req, already, onBatch, signal),
    async wait(req, jobIds, submittedAt, settings, onProgress) {
        const tasks = listing();
        if (settings.ownPacing) {
            return hostWaitOnOwnSchedule((s) => readJobsTasks(tasks, req.zoneId, jobIds, s), settings, onProgress, req.targets.length,
                EDGEONE_PREFETCH_RECORDS, jobIds);
        }
        // A prefetch takes minutes: its checks are paced by the zone's recent prefetches (rare while few of them
        // finish, often when many do). A resumed wait (jobs sent by an earlier run) checks at once, then is paced too.
        const pace = await edgeOnePrefetchPace(tasks, req.zoneId, submittedAt, Date.now());
        const since = formatIsoApiTime(new Date((submittedAt ?? Date.now()) - CLOCK_SKEW_MS));
        return hostWaitOnPoller(edgeOnePrefetchPoller(hostEdgeOnePrefetchApi(), req.zoneId), { taskIds: jobIds, since, pace },
            settings, onProgress, req.targets.length, EDGEONE_PREFETCH_RECORDS);
    },
    read: (inputs, jobIds) => readJobsTasks(listing(), String(inputs.zoneId), jobIds),
    label: edgeOnePrefetchJobsLabel,
    inDoubt: {
        apiTime: formatIsoApiTime,
        noun: (n) => `URL${n === 1 ? "" : "s"}`,
        find: (req, items, since, until, signal) => findInDoubtPrefetchJob(hostEdgeOnePrefetchApi(), req.zoneId, items, since, until, signal,
            req.prefetchMediaSegments === "on"),
    },
    adopt,
};

/** What a prefetch job's tasks do not say: the program's values of these are taken as given on import. */
const NOT_IN_RECORDS = ["mode", "headers", "prefetchMediaSegments"] as const;

/**
 * A prefetch imported through the provider plugin's Read by `<zoneId>/<jobId>`: its targets from the job's tasks,
 * as if this resource had submitted it; nothing is submitted. The tasks do not say the job's `mode`, `headers` or
 * `prefetchMediaSegments`: the state names them `notRead`, and the program's values are taken as given.
 */
async function adopt(importId: string) {
    const { zoneId, jobId, tasks } = await readImportedJob("edgeone.Prefetch", importId, listing());
    const targets = [...new Set(tasks.map((t) => t.target).filter((t): t is string => t !== null))];
    const inputs = { zoneId, targets };
    const state = overallState(EDGEONE_PREFETCH_RECORDS, tasks, targets.length);
    const props = { ...inputs, jobId, jobIds: [jobId], submitted: targets.length, attempt: 1, status: EDGEONE_STATUS_WORDS[state],
        notRead: [...NOT_IN_RECORDS], ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) };
    return { id: jobId, inputs, props };
}

/**
 * The `edgeone.Prefetch` provider.
 *
 * @example
 * await edgeOnePrefetchProvider().create({ zoneId: "zone-2noz78a8ev6k", targets: ["https://www.example.com/app.js"] });
 */
export function edgeOnePrefetchProvider() {
    return purgeLifecycle(edgeOnePrefetchProduct);
}
