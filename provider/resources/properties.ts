/**
 * What the engine hands the resource providers and keeps in the state: the resources' inputs as the SDK
 * registers them, and the outputs each provider adds. The values are only as trustworthy as the engine's
 * copy of them (unknown during preview, anything in an old state), so `inputs.ts` validates them as `unknown`.
 */
import { PurgeStatus, PurgeTask } from "../types";

/** Inputs every resource takes: the wait's settings, `triggers`, and its own URN (for its progress line). */
type CommonInputs = {
    readonly timeoutSeconds?: number;
    readonly minDelaySeconds?: number;
    readonly maxDelaySeconds?: number;
    readonly triggers?: readonly unknown[];
    readonly resourceUrn?: string;
};

/**
 * The inputs of UrlPurge (`urls`) and PathPurge (`paths`, `flushType`).
 *
 * @example
 * const inputs: PurgeInputs = { urls: ["https://www.example.com/"], wait: true };
 */
export type PurgeInputs = CommonInputs & {
    readonly urls?: readonly string[];
    readonly paths?: readonly string[];
    readonly flushType?: string;
    readonly area?: string;
    readonly urlEncode?: boolean;
    readonly wait?: boolean;
};

/**
 * The state of UrlPurge and PathPurge: the inputs, the tasks submitted so far, and how far they got.
 *
 * @example
 * const outs: PurgeOutputs = { ...inputs, taskId: "1533", taskIds: ["1533"], submitted: 1, status: "done" };
 */
export type PurgeOutputs = PurgeInputs & {
    readonly taskId?: string;
    readonly taskIds?: readonly string[];
    /** How many of the URLs or paths the submitted tasks cover. */
    readonly submitted?: number;
    /** Which submission of these inputs the tasks are, from 1 (a purge the CDN failed is submitted again). */
    readonly attempt?: number;
    readonly status?: PurgeStatus;
    readonly completedAt?: string;
    /** A batch the update was cancelled while sending: the next update looks for its task before sending it. */
    readonly inDoubt?: InDoubtBatch;
};

/**
 * A batch that may or may not have reached the API: the `count` items after those `submitted`, sent at or after
 * `since` (API time, a little before the send, for clock skew).
 *
 * @example
 * const batch: InDoubtBatch = { count: 1, since: "2026-11-29 10:00:00" };
 */
export type InDoubtBatch = { readonly count: number; readonly since: string };

/**
 * The inputs of PurgeTaskWaiter: a `taskId`, or a filter with at least `startTime`.
 *
 * @example
 * const inputs: WaiterInputs = { taskId: "1533", timeoutSeconds: 600 };
 */
export type WaiterInputs = CommonInputs & {
    readonly taskId?: string;
    readonly keyword?: string;
    readonly startTime?: string;
    readonly endTime?: string;
    readonly purgeType?: string;
    readonly area?: string;
};

/**
 * The state of PurgeTaskWaiter: the inputs, the records as last seen, and the outcome.
 *
 * @example
 * const outs: WaiterOutputs = { ...inputs, taskId: "1533", purgeLogs: records, status: "done" };
 */
export type WaiterOutputs = Omit<WaiterInputs, "taskId"> & {
    readonly taskId?: string | null;
    readonly purgeLogs?: readonly PurgeTask[];
    readonly status?: PurgeStatus;
    readonly completedAt?: string;
};
