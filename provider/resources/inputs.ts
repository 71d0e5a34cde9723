/**
 * The resources' inputs as the engine side uses them: checked by the one description of each resource
 * (`provider/description`), then read into the shapes the submissions and waits take.
 */
import { DEFAULT_WAIT, PURGE_TASK_WAITER, validateInputs } from "../description";
import { FlushType, PurgeArea, PurgeType } from "../base/types";

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

/**
 * The wait settings of any resource's checked inputs, with their defaults.
 *
 * @example
 * waitSettings(validateInputs(URL_PURGE, inputs)).ownPacing; // false: shares the poller
 */
export function waitSettings(known: Readonly<Record<string, unknown>>): WaitSettings {
    const seconds = (name: keyof typeof DEFAULT_WAIT) => (typeof known[name] === "number" ? known[name] as number : DEFAULT_WAIT[name]);
    return {
        timeoutSeconds: seconds("timeoutSeconds"),
        minDelaySeconds: seconds("minDelaySeconds"),
        maxDelaySeconds: seconds("maxDelaySeconds"),
        ownPacing: typeof known.minDelaySeconds === "number" || typeof known.maxDelaySeconds === "number",
    };
}

/** What a PurgeTaskWaiter waits for: one task, several (`taskIds`), or every task matching a filter. */
export interface WaitTarget {
    readonly taskId?: string;
    readonly taskIds?: readonly string[];
    readonly keyword?: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly purgeType?: PurgeType;
    readonly area?: PurgeArea;
}

/**
 * A waiter's checked inputs: its target (`taskId`, `taskIds`, or a filter with at least `startTime`) and its wait
 * settings.
 *
 * @example
 * waiterInputs({ keyword: "www.example.com", startTime: "2026-11-29 00:00:00" }).target.keyword;
 */
export function waiterInputs(inputs: Readonly<Record<string, unknown>>): { target: WaitTarget; settings: WaitSettings } {
    const known = validateInputs(PURGE_TASK_WAITER, inputs);
    const { taskId, taskIds, keyword, startTime, endTime, purgeType, area } = known as WaitTarget;
    return { target: { taskId, taskIds, keyword, startTime, endTime, purgeType, area }, settings: waitSettings(known) };
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
 * A purge resource's request from its inputs already checked by its description (`items` undefined while unknown).
 *
 * @example
 * purgeRequestOf("path", validateInputs(PATH_PURGE, { paths: ["https://www.example.com/static/"], flushType: "delete" })).items;
 */
export function purgeRequestOf(kind: "url" | "path", known: Readonly<Record<string, unknown>>):
    Omit<PurgeRequest, "items"> & { items?: readonly string[] } {
    return {
        kind,
        items: (kind === "url" ? known.urls : known.paths) as readonly string[] | undefined,
        flushType: kind === "url" ? "flush" : (known.flushType ?? "flush") as FlushType,
        area: known.area as PurgeArea | undefined,
        urlEncode: known.urlEncode as boolean | undefined,
    };
}
