/**
 * The wait options every resource of the package takes (CDN and EdgeOne alike), and the check that spans them.
 */
import { InvalidArgumentError } from "./validation";
import { KnownValuesOf, Properties, PropertySpec } from "./property";

/**
 * Defaults of the purges' waits: a 10-minute deadline; delays of 1 s to 10 s for a wait with its own pacing. A
 * resource with other defaults declares them on its own wait options, which the rule and the settings read.
 */
export const DEFAULT_WAIT = { timeoutSeconds: 600, minDelaySeconds: 1, maxDelaySeconds: 10 } as const;

/**
 * How long a wait may take and how often it looks. By default every wait of a deployment shares one adaptive
 * poller; setting either delay gives the wait its own jittered back-off.
 *
 * @example
 * const inputs = { ...WAIT_OPTIONS, taskId: { ... } };
 */
export const WAIT_OPTIONS = {
    timeoutSeconds: {
        type: "number", min: 1, max: 86_400, default: DEFAULT_WAIT.timeoutSeconds,
        description: "The wait's own deadline in seconds. On timeout the update fails and the task ids stay in the " +
            "state, so the next `pulumi up` resumes the wait.",
        example: "900",
    },
    minDelaySeconds: {
        type: "number", min: 0.1, max: 600, default: DEFAULT_WAIT.minDelaySeconds,
        description: "The shortest pause between checks of this wait's own schedule, in seconds (when only " +
            "`maxDelaySeconds` is set: the default, or `maxDelaySeconds` if that is shorter). Setting either delay takes " +
            "the wait off the shared adaptive poller.",
        example: "2",
    },
    maxDelaySeconds: {
        type: "number", min: 0.1, max: 3600, default: DEFAULT_WAIT.maxDelaySeconds,
        description: "The longest pause between checks of this wait's own schedule, in seconds (when only " +
            "`minDelaySeconds` is set: the default, or `minDelaySeconds` if that is longer).",
        example: "20",
    },
    triggers: triggersThatRedo("purges (or waits)"),
} as const satisfies Properties;

/**
 * `triggers`, saying what the resource does again when they change: `prefetches`, `waits`.
 *
 * @example
 * const inputs = { ...WAIT_OPTIONS, triggers: triggersThatRedo("prefetches") };
 */
export function triggersThatRedo(redoes: string) {
    return {
        type: "array", items: { type: "any", description: "Any value.", example: "release-42" }, redoes: true,
        description: `Any values; when they change, the resource ${redoes} again.`,
        example: "[\"release-42\"]",
    } as const satisfies PropertySpec;
}

/**
 * The option of the purge resources that makes them submit only.
 *
 * @example
 * const inputs = { ...WAIT_SWITCH, ...WAIT_OPTIONS };
 */
export const WAIT_SWITCH = {
    wait: {
        type: "boolean", default: true,
        description: "Wait until the purge is finished. With `false`, only submit, and gate on the job or task ids " +
            "with a waiter.",
        example: "false",
    },
} as const satisfies Properties;

/** The wait options a resource declares, with the defaults it gives them. */
type DescribedWait = { readonly inputs: Properties };

/** A resource's wait defaults, read from its wait options' `default`s (the purges' where it declares none). */
function waitDefaults(described?: DescribedWait): { readonly [K in keyof typeof DEFAULT_WAIT]: number } {
    const own = (name: keyof typeof DEFAULT_WAIT) => {
        const d = described?.inputs[name]?.default;
        return typeof d === "number" ? d : DEFAULT_WAIT[name];
    };
    return { timeoutSeconds: own("timeoutSeconds"), minDelaySeconds: own("minDelaySeconds"), maxDelaySeconds: own("maxDelaySeconds") };
}

/**
 * The check across the wait options: the shortest delay is not above the longest. Only delays the user gave are
 * compared: an unset one's default yields to the other (see {@link waitSettings}), so a valid delay is never
 * refused for a default the user did not write.
 *
 * @example
 * waitRules({ minDelaySeconds: 5, maxDelaySeconds: 2 }); // throws on maxDelaySeconds
 */
export function waitRules(known: Readonly<Record<string, unknown>>, pending: ReadonlySet<string> = new Set()): void {
    const { minDelaySeconds: min, maxDelaySeconds: max } = known;
    if (pending.has("minDelaySeconds") || pending.has("maxDelaySeconds") || typeof min !== "number" || typeof max !== "number") {
        return;
    }
    if (min > max) {
        throw new InvalidArgumentError("maxDelaySeconds", `must not be below minDelaySeconds (${min}), got ${max}`);
    }
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

/**
 * The wait settings of any resource's checked inputs, with the defaults its wait options declare (e.g. a
 * prefetch's longer deadline and calmer pace); without `described`, the purges'.
 *
 * @example
 * waitSettings(validateInputs(URL_PURGE, inputs), URL_PURGE).ownPacing; // false: shares the poller
 */
export function waitSettings(known: Readonly<Record<string, unknown>>, described?: DescribedWait): WaitSettings {
    const defaults = waitDefaults(described);
    const given = (name: keyof typeof DEFAULT_WAIT) => (typeof known[name] === "number" ? known[name] as number : undefined);
    // An unset delay's default yields to the one given: 40 s alone with a default longest of 30 s waits 40 s.
    const min = given("minDelaySeconds") ?? Math.min(defaults.minDelaySeconds, given("maxDelaySeconds") ?? Infinity);
    const max = given("maxDelaySeconds") ?? Math.max(defaults.maxDelaySeconds, min);
    return {
        timeoutSeconds: given("timeoutSeconds") ?? defaults.timeoutSeconds,
        minDelaySeconds: min,
        maxDelaySeconds: max,
        ownPacing: given("minDelaySeconds") !== undefined || given("maxDelaySeconds") !== undefined,
    };
}

/** The inputs that only shape the wait (and `triggers`, which only redoes it): none of them reaches the API. */
export type WaitOptionName = keyof typeof WAIT_OPTIONS | keyof typeof WAIT_SWITCH;

/**
 * What a purge resource's request carries to the API, from its description: its inputs but the wait's own, each
 * known, as checked (required ones present, times in the API's text, lists read-only).
 *
 * @example
 * type PurgeUrlsRequest = RequestValuesOf<typeof URL_PURGE.inputs>; // { urls: readonly string[]; area?: PurgeArea; ... }
 */
export type RequestValuesOf<Ps extends Properties> = Omit<KnownValuesOf<Ps>, WaitOptionName>;

/**
 * A purge resource's checked values without the wait's own options: the fields of its request, handed whole to
 * the product's client, which maps each to its wire name.
 *
 * @example
 * withoutWaitOptions(validateInputs(URL_PURGE, inputs)); // { urls, area, ... }: no wait, timeoutSeconds, ..., triggers
 */
export function withoutWaitOptions<V extends { readonly [K in WaitOptionName]?: unknown }>(known: V): Omit<V, WaitOptionName> {
    // Named only to leave them out of the rest.
    const { wait: _wait, timeoutSeconds: _timeout, minDelaySeconds: _min, maxDelaySeconds: _max, triggers: _triggers, ...sent } = known;
    return sent;
}
