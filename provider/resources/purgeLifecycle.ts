/**
 * The engine side of every purge resource, whatever the product (CDN's UrlPurge and PathPurge, EdgeOne's Purge):
 * submit within quota, then wait. A wait that times out or is cancelled after submitting keeps the job ids in the
 * state, so the next `pulumi up` resumes the wait instead of purging again. A purge once seen done stays done after
 * the API has forgotten its records; an unfinished purge whose jobs the API no longer lists is submitted again,
 * since nothing else can prove the content was refreshed. A purge the product reports failed is submitted again by
 * the next `pulumi up`, saying so, up to {@link MAX_SUBMISSIONS} times in all; after that only a change of its
 * inputs (`triggers`) submits it again. Each product gives a {@link PurgeProduct}: its names, validation,
 * submission and reads; the rules above are written once, here.
 */
import type { dynamic } from "@pulumi/pulumi";
import { RecordKind } from "../base/recordKind";
import { describeWaitResult, WaitResult } from "../wait";
import { WaitSettings, waitSettings } from "./inputs";
import { partialFailure, providerChanged, refreshedState } from "./outcome";
import { checkFailures, diffInputs, redoneBy, ResourceSpec, validateInputs } from "../description";
import { reportLine, reportProgress } from "./progress";
import { hostCancelSignal } from "../engine/cancellation";
import { tellEngine } from "../engine/engineLog";
import { ProgressSink } from "./waits";
import { InDoubtBatch } from "./properties";

type Props = Record<string, unknown>;

/** What was sent so far: job ids in batch order, and how many items they cover. */
export interface SubmittedPurge {
    readonly taskIds: readonly string[];
    readonly submitted: number;
}

/** How a product words its state: CDN `done`/`fail`/`process`, EdgeOne `success`/`failed`/`processing`. */
export interface StatusWords {
    readonly done: string;
    readonly failed: string;
    readonly pending: string;
}

/**
 * One product's purge resource, for {@link purgeLifecycle}. `Req` is its validated request, `R` its records.
 *
 * @example
 * export const urlPurgeProvider = purgeLifecycle(cdnPurgeProduct("url"));
 */
export interface PurgeProduct<Req, R> {
    /** The resource's one description: its inputs' checks, and which of them purge again when changed. */
    readonly described: ResourceSpec;
    /** The output names of the first job id and of all of them: `taskId`/`taskIds`, `jobId`/`jobIds`. */
    readonly idKeys: { readonly one: string; readonly all: string };
    readonly status: StatusWords;
    readonly records: RecordKind<R>;
    /** Who reports a purge failed, in messages: `the CDN`, `EdgeOne`. */
    readonly service: string;
    /** What to change to purge again after three failures, e.g. `the URL list`. */
    readonly itemsName: string;
    /** How to list what failed, for the message after the last submission. */
    readonly failedListHint: string;
    /** The request from the inputs as `described` checked them (the lifecycle checks once); throws when something it needs is not known. */
    request(known: Record<string, unknown>): Req;
    /** How many records the finished purge shows, when that is known. */
    expectedRecords(req: Req): number | undefined;
    /**
     * Sends what `already` lacks, batch by batch within quota (refusing before sending when the day's quota is
     * short); `onBatch` after each accepted batch. Returns what was sent and any records refused at submission.
     */
    submit(req: Req, already: SubmittedPurge, onBatch: (s: SubmittedPurge) => void, signal: AbortSignal):
        Promise<{ readonly sent: SubmittedPurge; readonly refused: readonly string[] }>;
    /**
     * Waits for the jobs. `submittedAt` is when this run sent them (epoch ms), or undefined when every one was
     * sent by an earlier run (a resumed wait).
     */
    wait(req: Req, jobIds: readonly string[], submittedAt: number | undefined, settings: WaitSettings, onProgress: ProgressSink):
        Promise<WaitResult<R>>;
    /** Every record of the jobs, read now. */
    read(inputs: Record<string, unknown>, jobIds: readonly string[]): Promise<readonly R[]>;
    /** `purge task 1533`, `EdgeOne jobs a, b`. */
    label(jobIds: readonly string[]): string;
    /**
     * For a batch a cancel stopped on its way (its submission threw a {@link SubmissionInDoubt}): how the product
     * writes a time for its reads, the request's items in submission order, how messages name `n` of them, and the
     * job the API created for `items` at or after `since`, if it did. A product without it never has a batch in doubt.
     */
    readonly inDoubt?: {
        apiTime(instant: Date): string;
        items(req: Req): readonly string[];
        noun(n: number): string;
        find(req: Req, items: readonly string[], since: string, signal: AbortSignal): Promise<string | undefined>;
    };
    /**
     * A resource adopted by job id (an import through the plugin's Read, which knows only the id): its inputs and
     * state from the API's records; nothing is submitted. A product without it cannot be imported.
     */
    adopt?(id: string): Promise<{ id: string; inputs: Props; props: Props }>;
}

/**
 * A batch that was on its way when the update was cancelled: the API may have received it (and created a job) or
 * not. The lifecycle records it, so that the next update looks for its job before sending the batch again.
 *
 * @example
 * throw new SubmissionInDoubt(state, chunk.length, sentAt, e);
 */
export class SubmissionInDoubt extends Error {
    constructor(
        /** What was surely sent before this batch. */
        readonly state: SubmittedPurge,
        /** How many items the batch held (the next ones after `state.submitted`). */
        readonly count: number,
        /** When the batch was sent. */
        readonly sentAt: Date,
        cause: unknown,
    ) {
        super(`a batch of ${count} was being sent when the update was cancelled`, { cause });
    }
}

/** How far the API's clock may be behind ours: time-range reads start this much earlier. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * The id of a purge cancelled while its first batch was on its way, before any job id was known. The engine
 * needs an id to keep the resource (and its batch in doubt) in the state; its outputs carry the job ids.
 */
const IN_DOUBT_ID = "submission-in-doubt";

/**
 * How often one set of inputs is submitted when the product keeps reporting the purge failed: once, then by the
 * next two `pulumi up`s. A failure can be passing (a busy edge), so trying again is what a re-run `up` is for;
 * one that persists (an origin that errors, a domain not on the service) would otherwise spend quota on every run.
 */
export const MAX_SUBMISSIONS = 3;

const NOTHING_SENT: SubmittedPurge = { taskIds: [], submitted: 0 };
/** How many times the stored purge's inputs were submitted (states written before this was counted: once). */
const submissionsOf = (olds: Props) => (typeof olds.attempt === "number" ? olds.attempt : 1);

/**
 * The dynamic provider of a product's purge resource.
 *
 * @example
 * const provider = purgeLifecycle(edgeOnePurgeProduct); await provider.create({ zoneId, type: "purge_url", targets });
 */
export function purgeLifecycle<Req, R>(product: PurgeProduct<Req, R>) {
    const { idKeys, status } = product;
    const jobIdsOf = (props: Props): readonly string[] => (Array.isArray(props[idKeys.all]) ? props[idKeys.all] as string[] : []);

    /** Submits what is not sent yet and waits. `attempt` counts submissions of these inputs, from 1. */
    async function run(inputs: Props, already: SubmittedPurge, attempt: number): Promise<{ id: string; outs: Props }> {
        const known = validateInputs(product.described, inputs);
        const req = product.request(known);
        const settings = waitSettings(known);
        const signal = hostCancelSignal();
        let sent = already;
        const submittedAt = Date.now();
        // Without undefined values: the dynamic-provider host cannot encode them in a partial failure's properties.
        const outs = (state: string, extra: Props = {}): Props => JSON.parse(JSON.stringify({
            ...inputs, [idKeys.one]: sent.taskIds[0], [idKeys.all]: sent.taskIds, submitted: sent.submitted, attempt, status: state, ...extra,
        }));
        let refused: readonly string[] = [];
        try {
            ({ sent, refused } = await product.submit(req, already, (s) => { sent = s; }, signal));
        } catch (e) {
            const why = signal.aborted ? "the update was cancelled" : (e as Error).message;
            if (e instanceof SubmissionInDoubt && product.inDoubt) {
                // The API may have created a job for the batch on its way: the next update looks for it first.
                const inDoubt: InDoubtBatch = { count: e.count, since: product.inDoubt.apiTime(new Date(e.sentAt.getTime() - CLOCK_SKEW_MS)) };
                const done = sent.taskIds.length > 0 ? ` (after submitting ${product.label(sent.taskIds)})` : "";
                throw partialFailure(`${why} while a batch of ${e.count} ${product.inDoubt.noun(e.count)} was being submitted${done}; ` +
                    "the next `pulumi up` looks for its task before submitting anything again, so nothing is purged twice",
                    sent.taskIds[0] ?? IN_DOUBT_ID, outs(status.pending, { inDoubt }));
            }
            if (sent.taskIds.length > 0) {
                throw partialFailure(`${why} (after submitting ${product.label(sent.taskIds)}); the next \`pulumi up\` ` +
                    "submits the rest and waits", sent.taskIds[0], outs(status.pending));
            }
            throw signal.aborted ? new Error(`${why} before the purge was submitted: nothing was purged`) : e;
        }
        const id = sent.taskIds[0];
        const what = product.label(sent.taskIds);
        if (refused.length > 0) {
            throw partialFailure(`${what}: ${product.service} refused ${refused.length} at submission: ${refused.join(", ")}; ` +
                nextAfterFailure(attempt), id, outs(status.failed));
        }
        if (inputs.wait === false) {
            return { id, outs: outs(status.pending) };
        }
        const resumed = sent.taskIds.length === already.taskIds.length;
        const result = await product.wait(req, sent.taskIds, resumed ? undefined : submittedAt, settings,
            (p) => reportProgress(what, p, inputs.resourceUrn as string | undefined));
        if (result.state === "done") {
            return { id, outs: outs(status.done, { completedAt: new Date().toISOString() }) };
        }
        const next = result.state !== "failed" ? "the next `pulumi up` resumes the wait without purging again" : nextAfterFailure(attempt);
        throw partialFailure(`${describeWaitResult(result, what, product.records)}; ${next}`, id,
            outs(result.state === "failed" ? status.failed : status.pending));
    }

    /**
     * What was surely sent, after looking for the job of a batch the last update was cancelled while sending:
     * found, it counts as sent; not found (the cancel stopped it on its way), it is sent again.
     */
    async function confirmInDoubt(olds: Props, news: Props): Promise<SubmittedPurge> {
        const sent: SubmittedPurge = { taskIds: jobIdsOf(olds), submitted: Number(olds.submitted ?? 0) };
        const batch = olds.inDoubt as InDoubtBatch | undefined;
        const lookup = product.inDoubt;
        if (!batch || !lookup) {
            return sent;
        }
        const req = product.request(validateInputs(product.described, news));
        const items = lookup.items(req).slice(sent.submitted, sent.submitted + batch.count);
        const jobId = await lookup.find(req, items, batch.since, hostCancelSignal());
        const urn = news.resourceUrn as string | undefined;
        if (jobId === undefined) {
            reportLine(`the batch of ${items.length} ${lookup.noun(items.length)} cancelled on its way did not reach the API; submitting it`, urn);
            return sent;
        }
        tellEngine(`the batch of ${items.length} ${lookup.noun(items.length)} cancelled on its way had reached the API as ` +
            `${product.label([jobId])}: waiting for it instead of purging again`, urn, { severity: "info", ephemeral: false });
        return { taskIds: [...sent.taskIds, jobId], submitted: sent.submitted + items.length };
    }

    function nextAfterFailure(attempt: number): string {
        return attempt < MAX_SUBMISSIONS ? `the next \`pulumi up\` submits it again (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`
            : "it is not submitted again until its inputs change (e.g. `triggers`)";
    }

    /** The next `pulumi up` after the product reported the purge failed: submit again, loudly, or refuse. */
    async function retryFailed(olds: Props, news: Props): Promise<{ id: string; outs: Props }> {
        const attempt = submissionsOf(olds);
        const jobs = product.label(jobIdsOf(olds));
        if (attempt >= MAX_SUBMISSIONS) {
            throw new Error(`${jobs} failed at ${product.service}, and this purge was submitted ${attempt} times already: it is not ` +
                `submitted again until its inputs change. Change \`triggers\` (or ${product.itemsName}) to try again; ` +
                product.failedListHint);
        }
        tellEngine(`${jobs} failed at ${product.service}; submitting the purge again (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`,
            news.resourceUrn as string | undefined, { severity: "warning", ephemeral: false });
        return run(news, NOTHING_SENT, attempt + 1);
    }

    return {
        async check(_olds: Props, news: Props) {
            return { inputs: news, failures: checkFailures(() => validateInputs(product.described, news)) };
        },
        async diff(_id: string, olds: Props, news: Props) {
            const unfinished = (olds.status !== status.done && news.wait !== false) || olds.inDoubt !== undefined;
            const diff = diffInputs(product.described, olds, news, { unfinished, redoneOutputs: [idKeys.one, idKeys.all, "status"] });
            return { ...diff, changes: diff.changes || providerChanged(olds, news) };
        },
        async create(inputs: Props) {
            return run(inputs, NOTHING_SENT, 1);
        },
        async update(_id: string, olds: Props, news: Props) {
            const jobIds = jobIdsOf(olds);
            if (olds.inDoubt && !redoneBy(product.described.inputs, olds, news)) {
                return { outs: (await run(news, await confirmInDoubt(olds, news), submissionsOf(olds))).outs };
            }
            if (redoneBy(product.described.inputs, olds, news) || jobIds.length === 0) {
                return { outs: (await run(news, NOTHING_SENT, 1)).outs };
            }
            if (olds.status === status.failed && news.wait !== false) {
                return { outs: (await retryFailed(olds, news)).outs };
            }
            if (olds.status !== status.done && news.wait !== false) {
                const attempt = submissionsOf(olds);
                if ((await product.read(news, jobIds)).length === 0) {
                    // Nothing proves the content was refreshed, and the API can no longer say: purge again.
                    reportLine(`${product.label(jobIds)}: no longer listed by the API (records expire); purging again`,
                        news.resourceUrn as string | undefined);
                    return { outs: (await run(news, NOTHING_SENT, attempt)).outs };
                }
                return { outs: (await run(news, { taskIds: jobIds, submitted: Number(olds.submitted ?? 0) }, attempt)).outs };
            }
            return { outs: { ...olds, ...news } };
        },
        async read(id: string, props: Props = {}) {
            if (props.status === undefined && props[idKeys.all] === undefined && Object.keys(product.described.inputs).every((k) => props[k] === undefined)) {
                // An import: the engine knows only the id.
                if (!product.adopt) {
                    throw new Error(`${product.described.name} cannot be imported; gate on its jobs with a waiter instead`);
                }
                return product.adopt(id);
            }
            if (props.status === status.done) {
                return { id, props }; // final: nothing the API says now can change it, and its records may be gone
            }
            // A purge cancelled before its first batch has an empty list and no real id: nothing to read.
            const jobIds = Array.isArray(props[idKeys.all]) ? jobIdsOf(props) : [id];
            const records = await product.read(props, jobIds);
            let expected: number | undefined;
            try {
                expected = product.expectedRecords(product.request(validateInputs(product.described, props)));
            } catch {
                expected = undefined; // an old state with inputs this version no longer takes: count what is listed
            }
            const state = refreshedState(product.records, props.status === status.failed, records, expected);
            return { id, props: { ...props, status: status[state === "done" ? "done" : state === "failed" ? "failed" : "pending"] } };
        },
        async delete() {
            // A purge cannot be undone: deleting the resource only forgets it.
        },
    } satisfies dynamic.ResourceProvider;
}
