/**
 * The CDN purge API (service `cdn`, version 2018-06-06) as one product of the emulator: its service, its task
 * store and quota, its control routes and its answer shapes for faults.
 */
import { CORE_ERROR_CODES } from "../errors";
import { Service } from "../services";
import { ACTIONS, ActionName, runAction } from "./actions";
import { CDN_ERROR_CODES } from "./errors";
import { cdnControlRoute } from "./control";
import { pushControlRoute } from "./pushControl";
import { StatusCase } from "./query";
import { PurgeQuota, QuotaLimits } from "./quota";
import { StoreOptions, TaskStore } from "./store";
import { PushQuota, PushQuotaLimits } from "./pushQuota";
import { PushStore, PushStoreOptions } from "./pushStore";

/**
 * The CDN API version the emulator serves (the `X-TC-Version` header); any other answers `NoSuchVersion`.
 *
 * @example
 * new cdn.v20180606.Client(...); // sends X-TC-Version: API_VERSION
 */
export const API_VERSION = "2018-06-06";

/** The CDN's settings; all optional. */
export interface CdnOptions extends StoreOptions, QuotaLimits, PushStoreOptions, PushQuotaLimits {
    /** Status spelling in answers. Default `lower`. */
    readonly statusCase?: StatusCase;
}

/** The CDN as one emulator serves it, with its state. */
export interface CdnProduct extends Service {
    readonly store: TaskStore;
    readonly quota: PurgeQuota;
    readonly pushes: PushStore;
    readonly pushQuota: PushQuota;
}

/** DescribePurgeTasks answers its own code when throttled; the other actions the common one. */
const throttleCode = (action: string): string =>
    action === "DescribePurgeTasks" || action === "DescribePushTasks" ? CDN_ERROR_CODES.operationTooOften : CORE_ERROR_CODES.requestLimitExceeded;

/** The answer body with every field null, shaped like the action's real answer. */
function nullAnswer(action: string, nullList: boolean): Record<string, unknown> {
    switch (action) {
        case "DescribePurgeTasks": {
            const record = { TaskId: null, Url: null, Status: null, PurgeType: null, FlushType: null, CreateTime: null };
            return { PurgeLogs: nullList ? null : [record], TotalCount: null };
        }
        case "DescribePurgeQuota": {
            const quota = [{ Batch: null, Total: null, Available: null, Area: null }];
            return { UrlPurge: nullList ? null : quota, PathPurge: nullList ? null : quota };
        }
        case "DescribePushTasks": {
            const record = { TaskId: null, Url: null, Status: null, Percent: null, CreateTime: null, Area: null, UpdateTime: null };
            return { PushLogs: nullList ? null : [record], TotalCount: null };
        }
        case "DescribePushQuota": {
            const quota = [{ Batch: null, Total: null, Available: null, Area: null }];
            return { UrlPush: nullList ? null : quota };
        }
        default:
            return { TaskId: null };
    }
}

/**
 * A new CDN with an empty task store and unused quota.
 *
 * @example
 * const cdn = cdnProduct({ completeAfterMs: 500, now: Date.now });
 * cdn.run("PurgeUrlsCache", { Urls: ["https://a.com/x"] }); // { TaskId: "..." }
 */
export function cdnProduct(options: CdnOptions): CdnProduct {
    const now = options.now ?? Date.now;
    const store = new TaskStore({ ...options, now });
    const quota = new PurgeQuota(options, now);
    // Pushes lag and expire as purges do: one setting of the emulator for both.
    const pushes = new PushStore(options, { now, visibleAfter: () => store.visibleAfter, retention: () => store.retention });
    const pushQuota = new PushQuota(options, now);
    const ctx = { store, quota, pushes, pushQuota, statusCase: options.statusCase ?? "lower" };
    return {
        name: "cdn", version: API_VERSION, actions: ACTIONS, unsignedActions: [],
        requiredParams: { PurgeUrlsCache: ["Urls"], PurgePathCache: ["Paths", "FlushType"], PushUrlsCache: ["Urls"] },
        paramKinds: { Limit: "integer", Offset: "integer", UrlEncode: "boolean", ParseM3U8: "boolean", DisableRange: "boolean" },
        store, quota, pushes, pushQuota,
        // The pipeline checked the action against `actions`.
        run: (action, params) => runAction(ctx, action as ActionName, params),
        throttleCode,
        nullAnswer,
        control: async (method, path, body) => await cdnControlRoute(store, method, path, body) ?? pushControlRoute(pushes, method, path, body),
        reset: () => {
            store.clear();
            quota.reset();
            pushes.clear();
            pushQuota.reset();
        },
    };
}
