/**
 * The engine side of every waiter, whatever the product (CDN's PurgeTaskWaiter, EdgeOne's PurgeTaskWaiter): a gate
 * that only reads. A gate once passed stays passed: refresh keeps it after the API has forgotten the records, and
 * an update that changes nothing it waits for does not wait again. A failed gate fails on each `up` while its
 * records say so; a wait that timed out or was cancelled is waited again by the next `up`. Each product gives a
 * {@link WaiterProduct}: what it waits for, and how to wait and read; the rules above are written once, here.
 */
import { randomUUID } from "crypto";
import type { dynamic } from "@pulumi/pulumi";
import { RecordKind } from "../base/recordKind";
import { describeWaitResult, WaitResult } from "../wait";
import { checkFailures, diffInputs, Properties, redoneBy, ResourceSpec, StoredValuesOf, validateInputs, WaitSettings, waitSettings } from "../description";
import { partialFailure, providerChanged, refreshedState } from "./outcome";
import { reportProgress } from "./progress";
import { ProgressSink } from "./waits";
import { ActionWords, PURGE_WORDS, StatusWords } from "./purgeLifecycle";

type Props = Record<string, unknown>;

/**
 * One product's waiter, for {@link waiterLifecycle}. `T` is what it waits for (its target), `R` its records, `Ps`
 * its described inputs.
 *
 * @example
 * export const edgeOneWaiterProvider = () => waiterLifecycle(edgeOneWaiterProduct);
 */
export interface WaiterProduct<T, R, Ps extends Properties = Properties> {
    /** The resource's one description: its inputs' checks, and which of them wait again when changed. */
    readonly described: ResourceSpec<Ps>;
    readonly status: StatusWords;
    readonly records: RecordKind<R>;
    /** What the waited-for jobs do, in messages (default: purge, purging, purged). */
    readonly words?: ActionWords;
    /** The outputs set anew by each wait, besides `status` and `completedAt`. */
    readonly redoneOutputs: readonly string[];
    /** The target of inputs as `described` checked them; throws when something it needs is not known. */
    target(known: StoredValuesOf<Ps>): T;
    /** `purge task 1533`, `EdgeOne jobs a, b`: how messages name the target. */
    label(target: T): string;
    wait(target: T, settings: WaitSettings, onProgress: ProgressSink): Promise<WaitResult<R>>;
    /** Every record of the target, read now. */
    read(target: T): Promise<readonly R[]>;
    /** The outputs a wait stores with these records (the job ids, the records as last seen). */
    outputs(target: T, records: readonly R[]): Props;
    /** The id of a new gate: its job's id where it has one; a new unique one otherwise. */
    idOf?(target: T): string | undefined;
    /** The jobs the target names, when it names them (not a filter): a gate passes only once each is listed. */
    jobIds?(target: T): readonly string[] | undefined;
    /** More to say about a wait that did not end done (which job failed; which part of a filter matches nothing). */
    explain?(target: T, result: WaitResult<R>, what: string): Promise<string | undefined>;
    /** The stored state as inputs to compare with new ones, where the gate stores an input of its own making. */
    comparable?(olds: Props, news: Props): Props;
    /**
     * A gate adopted by id (an import through the plugin's Read, which knows only the id): its inputs and state
     * from the API's records.
     */
    adopt?(id: string): Promise<{ id: string; inputs: Props; props: Props }>;
}

/**
 * The dynamic provider of a product's waiter.
 *
 * @example
 * const provider = waiterLifecycle(cdnWaiterProduct); await provider.create({ taskId: "1533", timeoutSeconds: 600 });
 */
export function waiterLifecycle<T, R, Ps extends Properties>(product: WaiterProduct<T, R, Ps>) {
    const { described, status } = product;
    const comparable = (olds: Props, news: Props) => product.comparable?.(olds, news) ?? olds;
    const targetOf = (inputs: Props): T => product.target(validateInputs(described, inputs));
    const wordFor = (state: "done" | "failed" | "pending") => status[state];

    async function waitFor(id: string, inputs: Props): Promise<{ id: string; outs: Props }> {
        const target = targetOf(inputs);
        const settings = waitSettings(validateInputs(described, inputs), described);
        const what = product.label(target);
        const result = await product.wait(target, settings, (p) => reportProgress(what, p, inputs.resourceUrn as string | undefined));
        const outs = { ...inputs, ...product.outputs(target, "records" in result ? result.records : []) };
        if (result.state === "done") {
            return { id, outs: { ...outs, status: status.done, completedAt: new Date().toISOString() } };
        }
        const told = await product.explain?.(target, result, what) ?? describeWaitResult(result, what, product.records, product.words ?? PURGE_WORDS);
        const again = result.state === "timedOut" || result.state === "aborted" ? "; the next `pulumi up` waits again" : "";
        throw partialFailure(`${told}${again}`, id, { ...outs, status: result.state === "failed" ? status.failed : status.pending });
    }

    return {
        async check(_olds: Props, news: Props) {
            // Inputs may be unknown during preview: check what is known, and read the target only when waiting.
            return { inputs: news, failures: checkFailures(() => validateInputs(described, news)) };
        },
        async diff(_id: string, olds: Props, news: Props) {
            const diff = diffInputs(described, comparable(olds, news), news,
                { unfinished: olds.status !== status.done, redoneOutputs: ["status", ...product.redoneOutputs] });
            return { ...diff, changes: diff.changes || providerChanged(olds, news) };
        },
        async create(inputs: Props) {
            return waitFor(product.idOf?.(targetOf(inputs)) ?? `wait-${randomUUID()}`, inputs);
        },
        async update(id: string, olds: Props, news: Props) {
            if (olds.status === status.done && !redoneBy(described.inputs, comparable(olds, news), news)) {
                return { outs: { ...olds, ...news } };
            }
            return { outs: (await waitFor(id, news)).outs };
        },
        async read(id: string, props: Props = {}) {
            if (props.status === undefined && Object.keys(described.inputs).every((k) => props[k] === undefined)) {
                // An import: the engine knows only the id.
                if (!product.adopt) {
                    throw new Error(`${described.name} cannot be imported`);
                }
                return product.adopt(id);
            }
            if (props.status === status.done) {
                return { id, props }; // final: nothing the API says now can change it, and its records may be gone
            }
            const target = targetOf(props);
            const records = await product.read(target);
            const listed = new Set(records.map((r) => product.records.jobOf(r)));
            // A job not listed (yet, or any more) keeps the gate from passing: one more record than seen is expected.
            const unlisted = (product.jobIds?.(target) ?? []).some((id) => !listed.has(id));
            const state = refreshedState(product.records, props.status === status.failed, records, unlisted ? records.length + 1 : undefined);
            return { id, props: { ...props, ...product.outputs(target, records), status: wordFor(state) } };
        },
        async delete() {
            // Nothing to undo: a waiter only observes.
        },
    } satisfies dynamic.ResourceProvider;
}
