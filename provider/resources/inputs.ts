/**
 * Validation of the resources' inputs, shared by `check` in the provider host and by the resource classes.
 * During `pulumi preview` some inputs are unknown: those pass, and are checked again when known.
 */
import { FLUSH_TYPES, PURGE_AREAS, PURGE_TYPES, FlushType, PurgeArea, PurgeType } from "../types";
import { InvalidArgumentError, optionalEnum, optionalText, optionalTime } from "../validation";

/** The engine's placeholder for a value not known yet (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * True when `v` is unknown, or holds something unknown.
 *
 * @example
 * isUnknown(["https://a/", UNKNOWN]); // true
 */
export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN || (Array.isArray(v) && v.some(isUnknown));
}

/** How a wait is paced and bounded; seconds, as users write them. */
export interface WaitSettings {
    readonly timeoutSeconds: number;
    readonly minDelaySeconds: number;
    readonly maxDelaySeconds: number;
    /**
     * True when the user set either delay: the wait then reads on its own schedule. Otherwise it shares the
     * process's coalescing poller, whose adaptive rounds serve every wait at once.
     */
    readonly ownPacing: boolean;
}

/** Defaults: a 10-minute deadline; delays of 1 s to 10 s for a wait with its own pacing. */
export const DEFAULT_WAIT = { timeoutSeconds: 600, minDelaySeconds: 1, maxDelaySeconds: 10 } as const;
const MAX_TIMEOUT_SECONDS = 24 * 3600;

/**
 * Validates the wait settings common to every resource.
 *
 * @example
 * waitSettings({ timeoutSeconds: 900 }).ownPacing; // false: shares the poller
 */
export function waitSettings(inputs: Record<string, unknown>): WaitSettings {
    const given = (name: keyof typeof DEFAULT_WAIT) => inputs[name] !== undefined && inputs[name] !== null && !isUnknown(inputs[name]);
    const seconds = (name: keyof typeof DEFAULT_WAIT, min: number, max: number) => {
        const v = inputs[name];
        if (!given(name)) {
            return DEFAULT_WAIT[name];
        }
        if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
            throw new InvalidArgumentError(name, `must be a number of seconds from ${min} to ${max}, got ${JSON.stringify(v)}`);
        }
        return v;
    };
    const s = {
        timeoutSeconds: seconds("timeoutSeconds", 1, MAX_TIMEOUT_SECONDS),
        minDelaySeconds: seconds("minDelaySeconds", 0.1, 600),
        maxDelaySeconds: seconds("maxDelaySeconds", 0.1, 3600),
        ownPacing: given("minDelaySeconds") || given("maxDelaySeconds"),
    };
    if (s.minDelaySeconds > s.maxDelaySeconds) {
        throw new InvalidArgumentError("maxDelaySeconds", `must not be below minDelaySeconds (${s.minDelaySeconds}), got ${s.maxDelaySeconds}`);
    }
    return s;
}

/**
 * A list of full http(s) URLs (for `urls`, or directory URLs for `paths`), 1..`max` of them, no duplicates.
 *
 * @example
 * urlList("urls", ["https://www.example.com/index.html"]);
 */
export function urlList(name: string, value: unknown, max = 100_000): readonly string[] | undefined {
    if (isUnknown(value)) {
        return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || value.length > max) {
        throw new InvalidArgumentError(name, `must be a list of 1 to ${max} full URLs starting with http:// or https://, ` +
            `got ${Array.isArray(value) ? `${value.length} items` : JSON.stringify(value) ?? String(value)}`);
    }
    value.forEach((u, i) => {
        const text = optionalText(`${name}[${i}]`, u, 4096);
        let ok = false;
        try {
            ok = text !== undefined && /^https?:\/\//i.test(text) && !!new URL(text).host;
        } catch {
            ok = false;
        }
        if (!ok) {
            throw new InvalidArgumentError(`${name}[${i}]`, `must be a full URL starting with http:// or https://, got ${JSON.stringify(u)}`);
        }
    });
    const seen = new Set<string>();
    for (const [i, u] of (value as string[]).entries()) {
        if (seen.has(u)) {
            throw new InvalidArgumentError(`${name}[${i}]`, `is listed twice: ${JSON.stringify(u)}`);
        }
        seen.add(u);
    }
    return value as string[];
}

/** What a PurgeTaskWaiter waits for: one task, or every task matching a filter. */
export interface WaitTarget {
    readonly taskId?: string;
    readonly keyword?: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly purgeType?: PurgeType;
    readonly area?: PurgeArea;
}

/**
 * Validates a waiter's target: `taskId`, or a filter with at least `startTime`.
 *
 * @example
 * waitTarget({ keyword: "www.example.com", startTime: "2026-11-29 00:00:00" });
 */
export function waitTarget(inputs: Record<string, unknown>): WaitTarget {
    const known = (v: unknown) => (isUnknown(v) ? undefined : v);
    const target: WaitTarget = {
        taskId: optionalText("taskId", known(inputs.taskId), 128),
        keyword: optionalText("keyword", known(inputs.keyword), 1024),
        startTime: optionalTime("startTime", known(inputs.startTime)),
        endTime: optionalTime("endTime", known(inputs.endTime)),
        purgeType: optionalEnum("purgeType", known(inputs.purgeType), PURGE_TYPES),
        area: optionalEnum("area", known(inputs.area), PURGE_AREAS),
    };
    const pending = isUnknown(inputs.taskId) || isUnknown(inputs.startTime);
    if (!pending && target.taskId === undefined && target.startTime === undefined) {
        throw new InvalidArgumentError("taskId", "give taskId, or a filter with at least startTime (and keyword, purgeType, area)");
    }
    return target;
}

/** The inputs of UrlPurge and PathPurge. */
export interface PurgeRequest {
    readonly kind: "url" | "path";
    readonly items: readonly string[];
    readonly flushType: FlushType;
    readonly area?: PurgeArea;
    readonly urlEncode?: boolean;
}

/**
 * Validates a purge resource's inputs; `undefined` items while they are unknown.
 *
 * @example
 * purgeRequest("path", { paths: ["https://www.example.com/static/"], flushType: "delete" });
 */
export function purgeRequest(kind: "url" | "path", inputs: Record<string, unknown>): Omit<PurgeRequest, "items"> & { items?: readonly string[] } {
    const known = (v: unknown) => (isUnknown(v) ? undefined : v);
    const flushType = kind === "url" ? "flush" : optionalEnum("flushType", known(inputs.flushType), FLUSH_TYPES);
    if (kind === "path" && flushType === undefined && !isUnknown(inputs.flushType)) {
        throw new InvalidArgumentError("flushType", `is required for PathPurge: "flush" (changed resources) or "delete" (everything under the path)`);
    }
    const urlEncode = known(inputs.urlEncode);
    if (urlEncode !== undefined && urlEncode !== null && typeof urlEncode !== "boolean") {
        throw new InvalidArgumentError("urlEncode", `must be true or false, got ${JSON.stringify(urlEncode)}`);
    }
    const wait = known(inputs.wait);
    if (wait !== undefined && wait !== null && typeof wait !== "boolean") {
        throw new InvalidArgumentError("wait", `must be true or false, got ${JSON.stringify(wait)}`);
    }
    return {
        kind,
        items: urlList(kind === "url" ? "urls" : "paths", inputs[kind === "url" ? "urls" : "paths"]),
        flushType: (flushType ?? "flush") as FlushType,
        area: optionalEnum("area", known(inputs.area), PURGE_AREAS),
        urlEncode: (urlEncode ?? undefined) as boolean | undefined,
    };
}

/**
 * Runs `validate` and turns an {@link InvalidArgumentError} into the engine's check failures.
 *
 * @example
 * checkFailures(() => urlList("urls", ["ftp://x"])); // [{ property: "urls", reason: "..." }]
 */
export function checkFailures(validate: () => unknown): { property: string; reason: string }[] {
    try {
        validate();
        return [];
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            return [{ property: e.argument.replace(/\[\d+\]$/, ""), reason: e.message }];
        }
        throw e;
    }
}

