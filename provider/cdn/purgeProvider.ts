/**
 * The engine side of UrlPurge and PathPurge: CDN's adapter of the shared purge lifecycle ({@link purgeLifecycle}
 * holds the rules: submit within quota, wait, resume after a timeout, submit a failed purge again up to three
 * times). Here only what is CDN's: the inputs, PurgeUrlsCache/PurgePathCache in batches, reading by task id.
 */
import { adoptedTask, recordsToImport, urlsOf } from "./adopt";
import { CDN_RECORDS } from "./records";
import { PurgeTask } from "./types";
import { readRecordsOfTasks } from "./recordsOfTasks";
import { formatApiTime } from "../base/time";
import { hostApi } from "./clients";
import { itemsOf, pathPurgeRequest, PurgeRequest, urlPurgeRequest, withItems } from "./inputs";
import { PATH_PURGE, URL_PURGE } from "./description";
import { CLOCK_SKEW_MS, PurgeProduct, purgeLifecycle } from "../resources/purgeLifecycle";
import { findInDoubtTask, submitPurge } from "./submitPurge";
import { overallStatus } from "./status";
import { hostCancelSignal } from "../engine/cancellation";
import { hostWaitForCdnTasks } from "./waits";

/** "purge task 1533" or "purge tasks 1533, 1534": how messages name a purge's tasks. */
const tasksLabel = (taskIds: readonly string[]) => `purge task${taskIds.length > 1 ? "s" : ""} ${taskIds.join(", ")}`;

/**
 * CDN's purge resources for the lifecycle: `kind` "url" for UrlPurge, "path" for PathPurge.
 *
 * @example
 * purgeLifecycle(cdnPurgeProduct("url"));
 */
export function cdnPurgeProduct(kind: "url" | "path"):
    PurgeProduct<PurgeRequest, PurgeTask, typeof URL_PURGE.inputs | typeof PATH_PURGE.inputs> {
    return {
        // Each description with the request built from it.
        ...(kind === "url" ? { described: URL_PURGE, request: urlPurgeRequest } : { described: PATH_PURGE, request: pathPurgeRequest }),
        idKeys: { one: "taskId", all: "taskIds" },
        status: { done: "done", failed: "fail", pending: "process" },
        records: CDN_RECORDS,
        service: "the CDN",
        itemsName: `the ${kind === "url" ? "URL" : "path"} list`,
        failedListHint: "getPurgeTasks({ taskId }) lists which URLs failed",
        items: itemsOf,
        withItems,
        itemOf: (record) => record.url,
        expectedRecords: (req) => itemsOf(req).length,
        submit: (req, already, onBatch, signal) => submitPurge(hostApi(), req, already, (s) => onBatch(s, []), signal),
        wait(req, taskIds, submittedAt, settings, onProgress) {
            // A little before the submission, so clock skew between here and the API cannot hide the task from a
            // time-range read.
            const since = formatApiTime(new Date((submittedAt ?? Date.now()) - CLOCK_SKEW_MS));
            return hostWaitForCdnTasks(hostApi(), taskIds, since, settings, onProgress, itemsOf(req).length);
        },
        read: (_inputs, taskIds) => readRecordsOfTasks(hostApi(), taskIds),
        label: tasksLabel,
        inDoubt: {
            apiTime: formatApiTime,
            noun: (n) => `${kind === "url" ? "URL" : "path"}${n === 1 ? "" : "s"}`,
            find: (_req, items, since, _until, signal) => findInDoubtTask(hostApi(), kind, items, since, signal),
        },
        adopt: (taskId) => adopt(kind, taskId),
    };
}

/**
 * A purge imported by task id (through the provider plugin's Read): its URLs (or paths and flush type) and status
 * from the task's records, as if this resource had submitted it; nothing is submitted.
 */
async function adopt(kind: "url" | "path", taskId: string) {
    const type = kind === "url" ? "UrlPurge" : "PathPurge";
    const records = await recordsToImport(type, taskId, readRecordsOfTasks(hostApi(), [taskId], hostCancelSignal()), "purge",
        "PurgeUrlsCache or PurgePathCache");
    const other = records.find((r) => r.purgeType !== null && r.purgeType !== kind);
    if (other) {
        throw new Error(`cannot import ${type} ${taskId}: it is a ${other.purgeType} purge; import it as a ` +
            `${other.purgeType === "url" ? "UrlPurge" : "PathPurge"}`);
    }
    const items = urlsOf(records);
    const inputs = kind === "url" ? { urls: items } : { paths: items, flushType: records.find((r) => r.flushType)?.flushType ?? "flush" };
    return adoptedTask(taskId, inputs, items.length, overallStatus(records, items.length));
}

/**
 * The provider for `kind` ("url" for UrlPurge, "path" for PathPurge).
 *
 * @example
 * const provider = purgeProvider("url"); await provider.create({ urls: ["https://www.example.com/"] });
 */
export function purgeProvider(kind: "url" | "path") {
    return purgeLifecycle(cdnPurgeProduct(kind));
}
