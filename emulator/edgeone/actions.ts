/**
 * The three EdgeOne purge actions (service `teo`, version 2022-09-01): CreatePurgeTask, DescribePurgeTasks and
 * DescribeContentQuota, with the API's parameter rules: a zone id on every call, a time range or a `job-id`
 * filter to query, the filters' names and how many values each takes, Limit at most 1000.
 */
import { ApiError } from "../errors";
import { paramReaders, Params } from "../params";
import { parseIsoApiTime } from "../../provider/base/isoTime";
import { TeoQuota } from "./quota";
import { TEO_PURGE_TYPES, TeoPurgeType, TeoStore } from "./store";

/**
 * The EdgeOne actions the emulator serves.
 *
 * @example
 * TEO_ACTIONS.includes("CreatePurgeTask"); // true
 */
export const TEO_ACTIONS = ["CreatePurgeTask", "DescribePurgeTasks", "DescribeContentQuota"] as const;
export type TeoActionName = typeof TEO_ACTIONS[number];

/** What the EdgeOne actions work on. */
export interface TeoContext {
    readonly teoStore: TeoStore;
    readonly teoQuota: TeoQuota;
}

/** Filters DescribePurgeTasks takes, and whether each takes only one value. */
const FILTERS: Readonly<Record<string, { single: boolean }>> = {
    "job-id": { single: true }, target: { single: true }, domains: { single: false },
    statuses: { single: false }, type: { single: true },
};
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
    const reasons = new Map<string, string[]>();
    for (const t of targets) {
        const reason = ctx.teoStore.refusalOf(t);
        if (reason !== undefined) {
            reasons.set(reason, [...(reasons.get(reason) ?? []), t]);
        }
    }
    const refused = new Set([...reasons.values()].flat());
    const jobId = ctx.teoStore.submit({ zoneId, type, method, targets: targets.filter((t) => !refused.has(t)) });
    return { JobId: jobId, FailedList: [...reasons].map(([Reason, Targets]) => ({ Reason, Targets })) };
}

function describePurgeTasks(ctx: TeoContext, params: Params): Record<string, unknown> {
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
        if (!(name in FILTERS)) {
            throw invalid(`Filters.Name must be one of ${Object.keys(FILTERS).join(", ")}; got '${name}'.`);
        }
        if (!Array.isArray(values) || values.length === 0 || values.length > MAX_FILTER_VALUES ||
            (FILTERS[name].single && values.length > 1)) {
            throw invalid(`Filter ${name} takes ${FILTERS[name].single ? "one value" : `1 to ${MAX_FILTER_VALUES} values`}.`);
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
    const matches = ctx.teoStore.records().filter((r) => {
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
            return describePurgeTasks(ctx, params);
        case "DescribeContentQuota":
            return ctx.teoQuota.describe(zoneOf(params));
    }
}
