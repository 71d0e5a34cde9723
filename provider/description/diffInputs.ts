/**
 * The one rule for "what changed", read from a description, for both hosts: the dynamic-provider host uses
 * `changes`, the plugin also answers with `detailedDiff`, so `pulumi preview --diff` names each changed input and
 * what the update will do. The two always agree: `changes` is true exactly when `detailedDiff` has an entry.
 */
import { Properties } from "./property";

/** Why a resource will be updated: its inputs ask for the work again, or its last wait did not finish. */
export type Redo = "again" | "resume" | "none";

/**
 * The diff of one resource.
 *
 * @example
 * const d: ResourceDiff = { changes: true, redo: "again", changed: ["urls"], detailedDiff: { urls: "input", taskIds: "output" } };
 */
export interface ResourceDiff {
    readonly changes: boolean;
    readonly redo: Redo;
    /** The inputs whose values differ. */
    readonly changed: readonly string[];
    /**
     * What `pulumi preview --diff` shows: every changed input, and the outputs the update will set anew (the task or
     * job ids when it purges again, the status when it waits again). Empty when nothing will be updated.
     */
    readonly detailedDiff: Readonly<Record<string, "input" | "output">>;
}

const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/**
 * The described inputs whose values differ between the stored state and the new inputs.
 *
 * @example
 * changedInputs(URL_PURGE.inputs, { urls: ["a"] }, { urls: ["b"] }); // ["urls"]
 */
export function changedInputs(inputs: Properties, olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): string[] {
    return Object.keys(inputs).filter((k) => differs(olds[k], news[k]));
}

/**
 * True when an input whose change redoes the work (purges or waits again) changed.
 *
 * @example
 * redoneBy(URL_PURGE.inputs, olds, { ...olds, timeoutSeconds: 900 }); // false
 */
export function redoneBy(inputs: Properties, olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): boolean {
    return changedInputs(inputs, olds, news).some((k) => inputs[k].redoes);
}

/**
 * The diff: an update when an input that redoes the work changed (`again`), or when the stored resource did not
 * finish and would wait now (`resume`, told by the caller, who knows the resource's state); otherwise none, even
 * when an input that only paces the next wait changed.
 *
 * @example
 * diffInputs(URL_PURGE, olds, news, { unfinished: olds.status !== "done", redoneOutputs: ["taskId", "taskIds", "status"] });
 */
export function diffInputs(described: { readonly inputs: Properties }, olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>, state: { readonly unfinished: boolean; readonly redoneOutputs: readonly string[] }): ResourceDiff {
    const changed = changedInputs(described.inputs, olds, news);
    const redo: Redo = changed.some((k) => described.inputs[k].redoes) ? "again" : state.unfinished ? "resume" : "none";
    if (redo === "none") {
        return { changes: false, redo, changed, detailedDiff: {} };
    }
    const outputs = redo === "again" ? state.redoneOutputs : ["status"];
    return {
        changes: true, redo, changed,
        detailedDiff: Object.fromEntries([...changed.map((k) => [k, "input"]), ...outputs.map((k) => [k, "output"])]),
    };
}
