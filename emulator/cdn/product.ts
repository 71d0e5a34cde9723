/**
 * The CDN purge API (service `cdn`, version 2018-06-06) as one product of the emulator: its service, its task
 * store and quota, its control routes and its answer shapes for faults.
 */
import { CORE_ERROR_CODES } from "../errors";
import { Service } from "../services";
import { ACTIONS, ActionName, runAction } from "./actions";
import { CDN_ERROR_CODES } from "./errors";
import { cdnControlRoute } from "./control";
import { StatusCase } from "./query";
import { PurgeQuota, QuotaLimits } from "./quota";
import { StoreOptions, TaskStore } from "./store";

/**
 * The CDN API version the emulator serves (the `X-TC-Version` header); any other answers `NoSuchVersion`.
 *
 * @example
 * new cdn.v20180606.Client(...); // sends X-TC-Version: API_VERSION
 */
export const API_VERSION = "2018-06-06";

/** The CDN's settings; all optional. */
export interface CdnOptions extends StoreOptions, QuotaLimits {
    /** Status spelling in answers. Default `lower`. */
    readonly statusCase?: StatusCase;
}

/** The CDN as one emulator serves it, with its state. */
export interface CdnProduct extends Service {
    readonly store: TaskStore;
    readonly quota: PurgeQuota;
}

/** DescribePurgeTasks answers its own code when throttled; the other actions the common one. */
const throttleCode = (action: string): string =>
    action === "DescribePurgeTasks" ? CDN_ERROR_CODES.operationTooOften : CORE_ERROR_CODES.requestLimitExceeded;

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
    const ctx = { store, quota, statusCase: options.statusCase ?? "lower" };
    return {
        name: "cdn", version: API_VERSION, actions: ACTIONS, unsignedActions: [],
        requiredParams: { PurgeUrlsCache: ["Urls"], PurgePathCache: ["Paths", "FlushType"] },
        paramKinds: { Limit: "integer", Offset: "integer", UrlEncode: "boolean" },
        store, quota,
        // The pipeline checked the action against `actions`.
        run: (action, params) => runAction(ctx, action as ActionName, params),
        throttleCode,
        nullAnswer,
        control: (method, path, body) => cdnControlRoute(store, method, path, body),
        reset: () => {
            store.clear();
            quota.reset();
        },
    };
}
