/**
 * The engine side of UrlPush: the CDN's prefetch as an adapter of the shared purge lifecycle ({@link purgeLifecycle}
 * holds the rules: quota before sending, batches, the in-doubt rule, resume after a timeout without prefetching
 * again, a failed prefetch submitted again up to three times, refresh, nothing on delete). Here only what is the
 * push's: its inputs, PushUrlsCache, reading push tasks, and a prefetch's longer deadline and calmer pace.
 */
import { adoptedTask, recordsToImport, urlsOf } from "./adopt";
import { formatApiTime } from "../base/time";
import { hostPushApi } from "./clients";
import { URL_PUSH } from "./pushDescription";
import { PushHeader, PushRequest, PushTask } from "./pushTypes";
import { PUSH_RECORDS } from "./pushRecords";
import { readPushTasks } from "./pushPaging";
import { findInDoubtPush, submitPush } from "./submitPush";
import { PREFETCH_WORDS, PurgeProduct, purgeLifecycle } from "../resources/purgeLifecycle";
import { hostWaitForPushTasks } from "./pushWaits";
import { PurgeArea } from "./types";
import { hostCancelSignal } from "../engine/cancellation";
import { overallState } from "../resources/outcome";

/** "push task 1533" or "push tasks 1533, 1534". */
const tasksLabel = (taskIds: readonly string[]) => `push task${taskIds.length > 1 ? "s" : ""} ${taskIds.join(", ")}`;

/**
 * UrlPush's request from inputs its description checked.
 *
 * @example
 * pushRequestOf(validateInputs(URL_PUSH, { urls: ["https://www.example.com/app.js"] })).items;
 */
export function pushRequestOf(known: Record<string, unknown>): PushRequest {
    if (!known.urls) {
        throw new Error("urls must be known before the prefetch is submitted");
    }
    return {
        items: known.urls as readonly string[],
        area: known.area as PurgeArea | undefined,
        layer: known.layer as "middle" | undefined,
        userAgent: known.userAgent as string | undefined,
        parseM3U8: known.parseM3U8 as boolean | undefined,
        disableRange: known.disableRange as boolean | undefined,
        headers: known.headers as readonly PushHeader[] | undefined,
        urlEncode: known.urlEncode as boolean | undefined,
    };
}

/**
 * UrlPush for the purge lifecycle.
 *
 * @example
 * purgeLifecycle(urlPushProduct);
 */
export const urlPushProduct: PurgeProduct<PushRequest, PushTask> = {
    described: URL_PUSH,
    idKeys: { one: "taskId", all: "taskIds" },
    status: { done: "done", failed: "fail", pending: "process" },
    records: PUSH_RECORDS,
    service: "the CDN",
    itemsName: "the URL list",
    failedListHint: "getPushTasks({ taskId }) lists which URLs failed and why (`invalid`: the origin answered 4xx/5xx)",
    words: PREFETCH_WORDS,
    request: pushRequestOf,
    items: (req) => req.items,
    withItems: (req, items) => ({ ...req, items }),
    itemOf: (record) => record.url,
    expectedRecords: (req) => req.items.length,
    submit: (req, already, onBatch, signal) => submitPush(hostPushApi(), req, already, (s) => onBatch(s, []), signal),
    // The settings carry a prefetch's defaults, which URL_PUSH's wait options declare.
    wait: (req, taskIds, submittedAt, settings, onProgress) =>
        hostWaitForPushTasks(hostPushApi(), taskIds, submittedAt, settings, onProgress, req.items.length),
    read: (_inputs, taskIds) => readPushTasks(hostPushApi(), taskIds),
    label: tasksLabel,
    inDoubt: {
        apiTime: formatApiTime,
        noun: (n) => `URL${n === 1 ? "" : "s"}`,
        find: (req, items, since, _until, signal) => findInDoubtPush(hostPushApi(), items, req.area, since, signal, req.parseM3U8 === true),
    },
    adopt: adoptPush,
};

/**
 * A prefetch imported by task id (through the provider plugin's Read): its URLs, area and status from the task's
 * records, as if this resource had submitted it; nothing is submitted.
 */
async function adoptPush(taskId: string) {
    const records = await recordsToImport("UrlPush", taskId, readPushTasks(hostPushApi(), [taskId], hostCancelSignal()), "push",
        "PushUrlsCache");
    const urls = urlsOf(records);
    const area = records.find((r) => r.area)?.area;
    return adoptedTask(taskId, { urls, ...(area ? { area } : {}) }, urls.length, pushStatusOf(records, urls.length));
}

/**
 * `done` when every record is done, `fail` when any ended `fail` or `invalid`, `process` otherwise.
 *
 * @example
 * pushStatusOf(records, urls.length); // "process"
 */
export function pushStatusOf(records: readonly PushTask[], expected = 1): "done" | "fail" | "process" {
    return ({ done: "done", failed: "fail", pending: "process" } as const)[overallState(PUSH_RECORDS, records, expected)];
}

/**
 * The UrlPush provider.
 *
 * @example
 * await pushProvider().create({ urls: ["https://www.example.com/app.js"] });
 */
export function pushProvider() {
    return purgeLifecycle(urlPushProduct);
}
