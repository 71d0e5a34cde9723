/**
 * What the engine hands the resource providers and keeps in the state, typed from the one description of each
 * resource: the inputs as the SDK registers them, and the outputs each provider adds. The values are only as
 * trustworthy as the engine's copy of them (unknown during preview, anything in an old state), so the providers
 * validate them before use.
 */
import { PURGE_TASK_WAITER } from "./description";
import { StoredValuesOf } from "../description";
import { PurgeTask } from "./types";

/** An input the SDK adds to every resource: its own URN, for its progress line. */
type UrnInput = { readonly resourceUrn?: string };


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
