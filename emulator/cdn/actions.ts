/**
 * The CDN's actions, purge and push: parameters in, answer body out (RequestId is added by the server).
 */
import { Params } from "../params";
import { paramError } from "./errors";
import { optionalBoolean, optionalEnum, urlList } from "./params";
import { describePurgeTasks, StatusCase } from "./query";
import { PurgeQuota } from "./quota";
import { describePushTasks, PushContext, pushUrlsCache } from "./pushActions";
import { Area, PurgeType, TaskStore } from "./store";

/**
 * The actions the emulator serves.
 *
 * @example
 * ACTIONS.includes("DescribePurgeTasks"); // true
 */
export const ACTIONS = ["DescribePurgeTasks", "PurgeUrlsCache", "PurgePathCache", "DescribePurgeQuota",
    "PushUrlsCache", "DescribePushTasks", "DescribePushQuota"] as const;

/** One of {@link ACTIONS}. */
export type ActionName = typeof ACTIONS[number];

/** What the actions work on. */
export interface ActionContext extends PushContext {
    readonly store: TaskStore;
    readonly quota: PurgeQuota;
    readonly statusCase: StatusCase;
}

/**
 * True when the emulator serves this action.
 *
 * @example
 * isAction("PurgeUrlsCache"); // true
 */
export function isAction(name: string): name is ActionName {
    return (ACTIONS as readonly string[]).includes(name);
}

/** Percent-encodes characters outside printable ASCII, as `UrlEncode: true` asks the service to do. */
const encodeUrl = (url: string): string => url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

function submit(ctx: ActionContext, params: Params, purgeType: PurgeType): { TaskId: string } {
    const urls = urlList(params, purgeType === "url" ? "Urls" : "Paths");
    const flushType = purgeType === "url" ? "flush" : optionalEnum(params, "FlushType", ["flush", "delete"] as const);
    if (!flushType) {
        throw paramError("FlushType is required: flush or delete.");
    }
    const area: Area = optionalEnum(params, "Area", ["mainland", "overseas", "global"] as const) ?? "mainland";
    const encode = optionalBoolean(params, "UrlEncode") ?? false;
    ctx.quota.charge(purgeType, area, urls.length);
    const taskId = ctx.store.submit({ purgeType, flushType, area, urls: encode ? urls.map(encodeUrl) : urls });
    return { TaskId: taskId };
}

/**
 * Runs one action and returns its answer body, or throws an {@link ApiError}.
 *
 * @example
 * runAction(ctx, "PurgeUrlsCache", { Urls: ["https://a.com/x"] }); // { TaskId: "1700000000000000" }
 */
export function runAction(ctx: ActionContext, action: ActionName, params: Params): Record<string, unknown> {
    switch (action) {
        case "DescribePurgeTasks":
            return { ...describePurgeTasks(ctx.store.records(), params, ctx.statusCase) };
        case "PurgeUrlsCache":
            return submit(ctx, params, "url");
        case "PurgePathCache":
            return submit(ctx, params, "path");
        case "DescribePurgeQuota":
            return ctx.quota.describe();
        case "PushUrlsCache":
            return pushUrlsCache(ctx, params);
        case "DescribePushTasks":
            return describePushTasks(ctx, params);
        case "DescribePushQuota":
            return ctx.pushQuota.describe();
    }
}
