/**
 * The EdgeOne actions (service `teo`, version 2022-09-01): CreatePurgeTask, DescribePurgeTasks, CreatePrefetchTask,
 * DescribePrefetchTasks and DescribeContentQuota, with the API's parameter rules: a zone id on every call, a time
 * range or a `job-id` filter to query, the filters' names and how many values each takes, Limit at most 1000.
 */
import { ApiError } from "../errors";
import { paramReaders, Params } from "../params";
import { parseIsoApiTime } from "../../provider/base/isoTime";
import { TeoQuota } from "./quota";
import { TEO_PURGE_TYPES, TeoJobType, TeoPurgeType, TeoStore } from "./store";

/**
 * The EdgeOne actions the emulator serves.
 *
 * @example
 * TEO_ACTIONS.includes("CreatePurgeTask"); // true
 */
export const TEO_ACTIONS = ["CreatePurgeTask", "DescribePurgeTasks", "CreatePrefetchTask", "DescribePrefetchTasks",
    "DescribeContentQuota"] as const;
export type TeoActionName = typeof TEO_ACTIONS[number];

/** What the EdgeOne actions work on. */
export interface TeoContext {
    readonly teoStore: TeoStore;
    /** Prefetch jobs: a store of their own, with their own (longer) durations. */
    readonly teoPrefetchStore: TeoStore;
    readonly teoQuota: TeoQuota;
}

type Filters = Readonly<Record<string, { single: boolean }>>;
/** Filters DescribePrefetchTasks takes, and whether each takes only one value. */
const PREFETCH_FILTERS: Filters = {
    "job-id": { single: true }, target: { single: true }, domains: { single: false }, statuses: { single: false },
};
/** DescribePurgeTasks takes those and the purge type. */
const PURGE_FILTERS: Filters = { ...PREFETCH_FILTERS, type: { single: true } };
const PREFETCH_MODES = ["default", "edge"];
const MAX_FILTER_VALUES = 20;

const invalid = (message: string) => new ApiError("InvalidParameter", message);
// EdgeOne answers a plain InvalidParameter for a mistyped or out-of-range parameter.
const { optionalInteger, optionalString } = paramReaders(invalid);

function zoneOf(params: Params): string {
    const zoneId = optionalString(params, "ZoneId") ?? "";
    if (!/^zone-[0-9a-z]{6,}$/.test(zoneId) && !(zoneId === "*")) {
        throw new ApiError("InvalidParameter.ZoneNotFound", `The zone '${zoneId}' does not exist.`);
    }
    return zoneId;
}

function createPurgeTask(ctx: TeoContext, params: Params): Record<string, unknown> {
    const zoneId = zoneOf(params);
    const type = optionalString(params, "Type") as TeoPurgeType;
    if (!TEO_PURGE_TYPES.includes(type)) {
        throw invalid(`Type must be one of ${TEO_PURGE_TYPES.join(", ")}.`);
    }
    const method = optionalString(params, "Method") ?? "invalidate";
    if (method !== "invalidate" && method !== "delete") {
        throw invalid("Method must be invalidate or delete.");
    }
    if (method === "delete" && (type === "purge_url" || type === "purge_cache_tag")) {
        throw invalid(`Method delete is not supported for ${type}.`);
    }
    if (zoneId === "*" && type === "purge_all") {
        throw invalid("ZoneId * cannot be used with purge_all.");
    }
    const raw = params.Targets ?? [];
    if (!Array.isArray(raw) || raw.some((t) => typeof t !== "string")) {
        throw invalid("Targets must be a list of strings.");
    }
    const targets = raw as string[];
    if (type !== "purge_all" && targets.length === 0) {
        throw invalid(`Targets is required for ${type}.`);
    }
    if ((type === "purge_url" || type === "purge_prefix") && targets.some((t) => !/^https?:\/\/[^/\s]+/i.test(t))) {
        throw new ApiError("InvalidParameter.Target", "URL and prefix targets must start with http:// or https://.");
    }
    const domains = (params.CacheTag as { Domains?: unknown } | undefined)?.Domains;
    if (type === "purge_cache_tag" && !(Array.isArray(domains) && domains.length > 0)) {
        throw invalid("CacheTag.Domains is required for purge_cache_tag.");
    }
    ctx.teoQuota.charge(zoneId, type, type === "purge_all" ? 1 : targets.length);
    return submitRefusing(ctx.teoStore, zoneId, type, method, targets);
}

/**
 * Records a job of the targets `store` does not refuse; the answer lists the refused ones by reason (FailedList).
 * The API documents a JobId in every answer, so a batch refused whole still gets one: its job lists no task.
 */
function submitRefusing(store: TeoStore, zoneId: string, type: TeoJobType, method: string, targets: readonly string[]): Record<string, unknown> {
    const reasons = new Map<string, string[]>();
    for (const t of targets) {
        const reason = store.refusalOf(t);
        if (reason !== undefined) {
            reasons.set(reason, [...(reasons.get(reason) ?? []), t]);
        }
    }
    const refused = new Set([...reasons.values()].flat());
    const jobId = store.submit({ zoneId, type, method, targets: targets.filter((t) => !refused.has(t)) });
    return { JobId: jobId, FailedList: [...reasons].map(([Reason, Targets]) => ({ Reason, Targets })) };
}

function createPrefetchTask(ctx: TeoContext, params: Params): Record<string, unknown> {
    const zoneId = zoneOf(params);
    const mode = optionalString(params, "Mode") ?? "default";
    if (!PREFETCH_MODES.includes(mode)) {
        throw invalid(`Mode must be one of ${PREFETCH_MODES.join(", ")}.`);
    }
    const media = optionalString(params, "PrefetchMediaSegments");
    if (media !== undefined && media !== "on" && media !== "off") {
        throw invalid("PrefetchMediaSegments must be on or off.");
    }
    const raw = params.Targets;
    if (!Array.isArray(raw) || raw.length === 0 || raw.some((t) => typeof t !== "string")) {
        throw invalid("Targets must be a non-empty list of strings.");
    }
    const targets = raw as string[];
    if (targets.some((t) => !/^https?:\/\/[^/\s]+/i.test(t))) {
        throw new ApiError("InvalidParameter.Target", "Prefetch targets must be URLs that start with http:// or https://.");
    }
    const headers = params.Headers ?? [];
    if (!Array.isArray(headers) || headers.some((h) => typeof (h as { Name?: unknown })?.Name !== "string" ||
        typeof (h as { Value?: unknown })?.Value !== "string")) {
        throw invalid("Headers must be a list of {Name, Value} strings.");
    }
    // An edge prefetch spends its own daily quota, not the regular one DescribeContentQuota reports.
    ctx.teoQuota.charge(zoneId, mode === "edge" ? "prefetch_edge" : "prefetch_url", targets.length);
    return submitRefusing(ctx.teoPrefetchStore, zoneId, "prefetch_url", mode, targets);
}

/** DescribePurgeTasks or DescribePrefetchTasks over `store`: the same parameters, each its own filters. */
function describeTasks(store: TeoStore, filterNames: Filters, params: Params): Record<string, unknown> {
    const zoneId = zoneOf(params);
    const time = (name: string): number | undefined => {
        const text = optionalString(params, name);
        if (text === undefined) {
            return undefined;
        }
        const t = parseIsoApiTime(text);
        if (!t) {
            throw invalid(`${name} must be ISO 8601 with an offset, e.g. 2026-12-04T20:00:00+08:00.`);
        }
        return t.getTime();
    };
    const start = time("StartTime");
    const end = time("EndTime");
    const offset = optionalInteger(params, "Offset", 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = optionalInteger(params, "Limit", 1, 1000) ?? 20;
    const filters = new Map<string, string[]>();
    const rawFilters = params.Filters ?? [];
    if (!Array.isArray(rawFilters)) {
        throw invalid("Filters must be a list.");
    }
    for (const f of rawFilters as Array<{ Name?: unknown; Values?: unknown }>) {
        const name = String(f?.Name);
        const values = f?.Values;
        if (!(name in filterNames)) {
            throw invalid(`Filters.Name must be one of ${Object.keys(filterNames).join(", ")}; got '${name}'.`);
        }
        if (!Array.isArray(values) || values.length === 0 || values.length > MAX_FILTER_VALUES ||
            (filterNames[name].single && values.length > 1)) {
            throw invalid(`Filter ${name} takes ${filterNames[name].single ? "one value" : `1 to ${MAX_FILTER_VALUES} values`}.`);
        }
        filters.set(name, values.map(String));
    }
    if (!filters.has("job-id") && (start === undefined || end === undefined)) {
        throw invalid("Give StartTime and EndTime, or a job-id filter.");
    }
    if (start !== undefined && end !== undefined && end < start) {
        throw invalid("EndTime must not be before StartTime.");
    }
    const created = (r: { createdAtMs: number }) => Math.floor(r.createdAtMs / 1000) * 1000;
    const has = (name: string, value: string) => !filters.has(name) || filters.get(name)!.includes(value);
    const matches = store.records().filter((r) => {
        const host = /^(?:https?:\/\/)?([^/:?#]+)/i.exec(r.target)?.[1] ?? "";
        return (zoneId === "*" || r.zoneId === zoneId) &&
            // The API's times are whole seconds: a task created at 20:00:00.700 is in a range that ends at 20:00:00.
            (start === undefined || created(r) >= start) && (end === undefined || created(r) <= end) &&
            has("job-id", r.jobId) && has("type", r.type) && has("statuses", r.status) &&
            (!filters.has("target") || r.target.includes(filters.get("target")![0])) &&
            (!filters.has("domains") || filters.get("domains")!.includes(host));
    });
    return {
        TotalCount: matches.length,
        Tasks: matches.slice(offset, offset + limit).map((r) => ({
            JobId: r.jobId, Target: r.target, Type: r.type, Method: r.method, Status: r.status,
            CreateTime: r.createTime, UpdateTime: r.updateTime, FailType: r.failType, FailMessage: r.failMessage,
        })),
    };
}

/**
 * Runs one EdgeOne action and returns its answer body, or throws an {@link ApiError}.
 *
 * @example
 * runTeoAction(ctx, "CreatePurgeTask", { ZoneId: "zone-2noz78a8ev6k", Type: "purge_url", Targets: ["https://a.com/x"] });
 */
export function runTeoAction(ctx: TeoContext, action: TeoActionName, params: Params): Record<string, unknown> {
    switch (action) {
        case "CreatePurgeTask":
            return createPurgeTask(ctx, params);
        case "DescribePurgeTasks":
            return describeTasks(ctx.teoStore, PURGE_FILTERS, params);
        case "CreatePrefetchTask":
            return createPrefetchTask(ctx, params);
        case "DescribePrefetchTasks":
            return describeTasks(ctx.teoPrefetchStore, PREFETCH_FILTERS, params);
        case "DescribeContentQuota":
            return ctx.teoQuota.describe(zoneOf(params));
    }
}
