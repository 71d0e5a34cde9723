/**
 * What the engine hands the resource providers and keeps in the state, typed from the one description of each
 * resource: the inputs as the SDK registers them, and the outputs each provider adds. The values are only as
 * trustworthy as the engine's copy of them (unknown during preview, anything in an old state), so the providers
 * validate them before use.
 */
import { PURGE_TASK_WAITER, StoredValuesOf } from "../description";
import { PurgeTask } from "../base/types";

/** An input the SDK adds to every resource: its own URN, for its progress line. */
type UrnInput = { readonly resourceUrn?: string };

/**
 * A batch that may or may not have reached the API: the `count` items after those `submitted`, sent at `sentAt`
 * (ISO-8601; absent in states written before it was kept), to be looked for from `since` (API time, a little
 * before the send, for clock skew).
 *
 * @example
 * const batch: InDoubtBatch = { count: 1, since: "2026-11-29 10:00:00", sentAt: "2026-11-29T02:05:00.000Z" };
 */
export type InDoubtBatch = { readonly count: number; readonly since: string; readonly sentAt?: string };

/**
 * The inputs of PurgeTaskWaiter: a `taskId`, `taskIds`, or a filter with at least `startTime`.
 *
 * @example
 * const inputs: WaiterInputs = { taskId: "1533", timeoutSeconds: 600 };
 */
export type WaiterInputs = StoredValuesOf<typeof PURGE_TASK_WAITER.inputs> & UrnInput;

/**
 * The state of PurgeTaskWaiter: the inputs, the records as last seen, and the outcome (`taskId` is null when it
 * waited on `taskIds` or a filter).
 *
 * @example
 * const outs: WaiterOutputs = { ...inputs, taskId: "1533", purgeLogs: records, status: "done" };
 */
export type WaiterOutputs = Omit<WaiterInputs, "taskId"> & Omit<StoredValuesOf<typeof PURGE_TASK_WAITER.outputs>, "purgeLogs"> & {
    readonly taskId?: string | null;
    readonly purgeLogs?: readonly PurgeTask[];
};
