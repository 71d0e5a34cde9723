/**
 * EdgeOne's purge API (service `teo`, version 2022-09-01) as one product of the emulator: its service, its job
 * store and quota, its control routes under `/_emulator/teo/` and its answer shapes for faults.
 */
import { CORE_ERROR_CODES } from "../errors";
import { Service } from "../services";
import { runTeoAction, TEO_ACTIONS, TeoActionName } from "./actions";
import { teoControlRoute } from "./control";
import { TeoQuota, TeoQuotaLimits } from "./quota";
import { TeoStore, TeoStoreOptions } from "./store";

/**
 * The EdgeOne API version the emulator serves.
 *
 * @example
 * new teo.v20220901.Client(...); // sends X-TC-Version: TEO_API_VERSION
 */
export const TEO_API_VERSION = "2022-09-01";

/** EdgeOne's settings: its store's, and its purge quota per type (Batch and Daily; defaults as a standard plan's). */
export interface EdgeOneOptions extends TeoStoreOptions {
    readonly teoQuota?: TeoQuotaLimits;
    /**
     * How long a prefetch job takes (ms): prefetches pull from the origin, so they take longer than purges (Tencent
     * says 5 to 30 minutes; default 5000, short enough for tests).
     */
    readonly teoPrefetchCompleteAfterMs?: number;
    /** Prefetch targets matching it end `invalid` (the origin lacks them); default `/missing`. */
    readonly teoInvalidPattern?: RegExp | string;
}

/** How long an emulated prefetch takes unless set. */
export const TEO_PREFETCH_COMPLETE_AFTER_MS = 5000;

/** EdgeOne as one emulator serves it, with its state. */
export interface EdgeOneProduct extends Service {
    readonly store: TeoStore;
    readonly prefetchStore: TeoStore;
    readonly quota: TeoQuota;
}

/** The answer body with every field null, shaped like the action's real answer. */
function nullAnswer(action: string, nullList: boolean): Record<string, unknown> {
    switch (action) {
        case "DescribePurgeTasks":
        case "DescribePrefetchTasks": {
            const task = { JobId: null, Target: null, Type: null, Method: null, Status: null, CreateTime: null,
                UpdateTime: null, FailType: null, FailMessage: null };
            return { TotalCount: null, Tasks: nullList ? null : [task] };
        }
        case "DescribeContentQuota": {
            const quota = [{ Type: null, Batch: null, Daily: null, DailyAvailable: null }];
            return { PurgeQuota: nullList ? null : quota, PrefetchQuota: nullList ? null : quota };
        }
        default:
            return { JobId: null, FailedList: nullList ? null : [{ Reason: null, Targets: null }] };
    }
}

/**
 * A new EdgeOne with no jobs and unused quota.
 *
 * @example
 * const edgeone = edgeOneProduct({ completeAfterMs: 2000, failPattern: "/fail", now: Date.now, retention: () => undefined });
 */
export function edgeOneProduct(options: EdgeOneOptions): EdgeOneProduct {
    const store = new TeoStore(options);
    const prefetchStore = new TeoStore({ ...options, completeAfterMs: options.teoPrefetchCompleteAfterMs ?? TEO_PREFETCH_COMPLETE_AFTER_MS,
        invalidPattern: options.teoInvalidPattern ?? "/missing" });
    const quota = new TeoQuota(options.teoQuota ?? {}, options.now);
    const ctx = { teoStore: store, teoPrefetchStore: prefetchStore, teoQuota: quota };
    return {
        name: "teo", version: TEO_API_VERSION, actions: TEO_ACTIONS, unsignedActions: [],
        requiredParams: { CreatePurgeTask: ["ZoneId", "Type"], DescribePurgeTasks: ["ZoneId"], CreatePrefetchTask: ["ZoneId"],
            DescribePrefetchTasks: ["ZoneId"], DescribeContentQuota: ["ZoneId"] },
        paramKinds: { Limit: "integer", Offset: "integer", Fuzzy: "boolean", EncodeUrl: "boolean" },
        store, prefetchStore, quota,
        // The pipeline checked the action against `actions`.
        run: (action, params) => runTeoAction(ctx, action as TeoActionName, params),
        throttleCode: () => CORE_ERROR_CODES.requestLimitExceeded,
        nullAnswer,
        control: (method, path, body) => teoControlRoute(ctx, method, path, body),
        reset: () => {
            store.clear();
            prefetchStore.clear();
            quota.reset();
        },
    };
}
