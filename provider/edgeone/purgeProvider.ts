/**
 * The engine side of `edgeone.Purge`: EdgeOne's adapter of the shared purge lifecycle ({@link purgeLifecycle}
 * holds the rules: submit within quota, wait, resume after a timeout, submit a failed purge again up to three
 * times). Here only what is EdgeOne's: its inputs, CreatePurgeTask in batches of the zone's quota, targets it
 * refuses at submission, reading by job id, and the first check timed by how long the zone's purges take.
 */
import { EDGEONE_RECORDS } from "./records";
import { edgeOnePoller } from "./poller";
import { edgeOneRequestOf } from "./inputs";
import { EDGEONE_PURGE } from "./description";
import { readJobsTasks } from "./paging";
import { recentDurationMs } from "./recentDurations";
import { findInDoubtJob, submitEdgeOnePurge } from "./submitPurge";
import { formatIsoApiTime } from "../base/isoTime";
import { EdgeOnePurgeRequest, EdgeOnePurgeTask } from "./types";
import { hostEdgeOneApi } from "./clients";
import { hostWaitOnOwnSchedule, hostWaitOnPoller } from "../resources/waits";
import { CLOCK_SKEW_MS, PurgeProduct, purgeLifecycle, StatusWords } from "../resources/purgeLifecycle";
import { readImportedJob } from "./import";
import { overallState } from "../resources/outcome";

/** EdgeOne's own status words, for the resources' `status` output. */
export const EDGEONE_STATUS_WORDS: StatusWords = { done: "success", failed: "failed", pending: "processing" };

/** "EdgeOne job 1379afjk91u32h" or "EdgeOne jobs a, b": how messages name a purge's jobs. */
export const edgeOneJobsLabel = (jobIds: readonly string[]) => `EdgeOne job${jobIds.length > 1 ? "s" : ""} ${jobIds.join(", ")}`;

/** The zone id of inputs already validated. */
const zoneOf = (inputs: Record<string, unknown>) => String(inputs.zoneId);

/**
 * `edgeone.Purge` for the lifecycle.
 *
 * @example
 * purgeLifecycle(edgeOnePurgeProduct);
 */
export const edgeOnePurgeProduct: PurgeProduct<EdgeOnePurgeRequest, EdgeOnePurgeTask, typeof EDGEONE_PURGE.inputs> = {
    described: EDGEONE_PURGE,
    idKeys: { one: "jobId", all: "jobIds" },
    status: EDGEONE_STATUS_WORDS,
    records: EDGEONE_RECORDS,
    service: "EdgeOne",
    itemsName: "the targets",
    failedListHint: "edgeone.getPurgeTasks({ zoneId, jobId }) lists each target with why it failed",
    request(known) {
        const r = edgeOneRequestOf(known);
        const { zoneId, type, targets } = r;
        if (zoneId === undefined || type === undefined || targets === undefined) {
            throw new Error("zoneId, type and targets must be known before the purge is submitted");
        }
        return { ...r, zoneId, type, targets };
    },
    items: (req) => req.targets,
    withItems: (req, targets) => ({ ...req, targets }),
    itemOf: (task) => task.target,
    // purge_all shows what EdgeOne lists for it (at least one task); every other type one task per target.
    expectedRecords: (req) => (req.type === "purge_all" ? undefined : req.targets.length),
    submit: (req, already, onBatch, signal) => submitEdgeOnePurge(hostEdgeOneApi(), req, already, onBatch, signal),
    async wait(req, jobIds, submittedAt, settings, onProgress) {
        const api = hostEdgeOneApi();
        const expected = edgeOnePurgeProduct.expectedRecords(req);
        if (settings.ownPacing) {
            return hostWaitOnOwnSchedule((s) => readJobsTasks(api, req.zoneId, jobIds, s), settings, onProgress, expected, EDGEONE_RECORDS, jobIds);
        }
        // Checks before the zone's usual purge time cannot release the wait sooner: the first one waits for it. A
        // resumed wait (jobs sent by an earlier run) checks at once.
        const typicalMs = submittedAt === undefined ? undefined : await recentDurationMs(api, req.zoneId, Date.now());
        const notBefore = typicalMs === undefined ? undefined : submittedAt! + Math.min(typicalMs, settings.timeoutSeconds * 1000);
        const since = formatIsoApiTime(new Date((submittedAt ?? Date.now()) - CLOCK_SKEW_MS));
        return hostWaitOnPoller(edgeOnePoller(api, req.zoneId), { taskIds: jobIds, since, notBefore }, settings, onProgress,
            expected, EDGEONE_RECORDS);
    },
    read: (inputs, jobIds) => readJobsTasks(hostEdgeOneApi(), zoneOf(inputs), jobIds),
    label: edgeOneJobsLabel,
    inDoubt: {
        apiTime: formatIsoApiTime,
        noun: (n) => `target${n === 1 ? "" : "s"}`,
        find: (req, items, since, until, signal) => findInDoubtJob(hostEdgeOneApi(), req, items, since, until, signal),
    },
    adopt,
};

/**
 * A purge imported through the provider plugin's Read by `<zoneId>/<jobId>`: its type, targets and method from the
 * job's tasks, as if this resource had submitted it; nothing is submitted. A cache-tag purge is refused: its tasks
 * do not say which domains' tags it purged (`cacheTagDomains`), which the resource needs.
 */
async function adopt(importId: string) {
    const { zoneId, jobId, tasks } = await readImportedJob("edgeone.Purge", importId, hostEdgeOneApi());
    const type = tasks.find((t) => t.type !== null)?.type;
    if (type === undefined || type === "purge_cache_tag") {
        throw new Error(`cannot import edgeone.Purge ${JSON.stringify(importId)}: ${type === undefined ? "its tasks do not say its type"
            : "the API does not say which cacheTagDomains a cache-tag purge had"}; gate on it with an edgeone.PurgeTaskWaiter ` +
            "imported by the same id instead");
    }
    const method = tasks.find((t) => t.method !== null)?.method;
    const targets = type === "purge_all" ? undefined : [...new Set(tasks.map((t) => t.target).filter((t): t is string => t !== null))];
    const inputs = { zoneId, type, ...(targets ? { targets } : {}), ...(method ? { method } : {}) };
    const state = overallState(EDGEONE_RECORDS, tasks, targets?.length ?? 1);
    const props = { ...inputs, jobId, jobIds: [jobId], submitted: targets?.length ?? 1, attempt: 1, status: EDGEONE_STATUS_WORDS[state],
        ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) };
    return { id: jobId, inputs, props };
}

/**
 * The `edgeone.Purge` provider.
 *
 * @example
 * await edgeOnePurgeProvider().create({ zoneId: "zone-2noz78a8ev6k", type: "purge_url", targets: ["https://www.example.com/"] });
 */
export function edgeOnePurgeProvider() {
    return purgeLifecycle(edgeOnePurgeProduct);
}
