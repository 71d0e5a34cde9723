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
import { partialFailure, providerChanged, refreshedState } from "./outcome";
import { checkFailures, diffInputs, Properties, redoneBy, ResourceSpec, StoredValuesOf, validateInputs, WaitSettings, waitSettings } from "../description";
import { reportLine, reportProgress } from "./progress";
import { hostCancelSignal } from "../engine/cancellation";
import { tellEngine } from "../engine/engineLog";
import { ProgressSink } from "./waits";
import { InDoubtBatch, Refusal, SubmissionInDoubt, SubmittedPurge } from "./submission";
import { LISTING_LAG_MS, lookWithinListingLag, sameItem } from "./inDoubtLookup";
import { messageOf } from "../client/apiError";
import { realTiming } from "../base/clock";

type Props = Record<string, unknown>;

/** How a product words its state: CDN `done`/`fail`/`process`, EdgeOne `success`/`failed`/`processing`. */
export interface StatusWords {
    readonly done: string;
    readonly failed: string;
    readonly pending: string;
}

/**
 * One product's purge resource, for {@link purgeLifecycle}. `Req` is its validated request, `R` its records,
 * `Ps` its described inputs.
 *
 * @example
 * export const urlPurgeProvider = purgeLifecycle(cdnPurgeProduct("url"));
 */
export interface PurgeProduct<Req, R, Ps extends Properties = Properties> {
    /** The resource's one description: its inputs' checks, and which of them purge again when changed. */
    readonly described: ResourceSpec<Ps>;
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
    request(known: StoredValuesOf<Ps>): Req;
    /** The request's items (URLs, paths, targets) in submission order; none for a purge of everything. */
    items(req: Req): readonly string[];
    /** The same request for only `items` (a subset of its own). */
    withItems(req: Req, items: readonly string[]): Req;
    /** The item a record is about. */
    itemOf(record: R): string | null;
    /** How many records the finished purge shows, when that is known. */
    expectedRecords(req: Req): number | undefined;
    /**
     * Sends what `already` lacks, batch by batch within quota (refusing before sending when the day's quota is
     * short), each batch through {@link sendBatch}; `onBatch` after each accepted batch, with what the API refused
     * of it at submission. Returns what was sent.
     */
    submit(req: Req, already: SubmittedPurge, onBatch: (s: SubmittedPurge, refused: readonly Refusal[]) => void, signal: AbortSignal):
        Promise<SubmittedPurge>;
    /**
     * Waits for the jobs. `submittedAt` is when this run sent them (epoch ms), or undefined when every one was
     * sent by an earlier run (a resumed wait).
     */
    wait(req: Req, jobIds: readonly string[], submittedAt: number | undefined, settings: WaitSettings, onProgress: ProgressSink):
        Promise<WaitResult<R>>;
    /** Every record of the jobs, read now. */
    read(inputs: Record<string, unknown>, jobIds: readonly string[]): Promise<readonly R[]>;
    /**
     * What the resource does, in messages (default: purge, purging, purged); a prefetch says `prefetch`,
     * `prefetching`, `prefetched`.
     */
    readonly words?: ActionWords;
    /** `purge task 1533`, `EdgeOne jobs a, b`. */
    label(jobIds: readonly string[]): string;
    /**
     * For a batch in doubt (see {@link SubmissionInDoubt}): how the product writes a time for its reads, how
     * messages name `n` items, and every job the API created for exactly `items` between `since` and `until`.
     */
    readonly inDoubt: {
        apiTime(instant: Date): string;
        noun(n: number): string;
        find(req: Req, items: readonly string[], since: string, until: string, signal: AbortSignal): Promise<readonly string[]>;
    };
    /**
     * A resource adopted by job id (an import through the plugin's Read, which knows only the id): its inputs and
     * state from the API's records; nothing is submitted. A product without it cannot be imported. Inputs the
     * records do not hold are named in the state's `notRead`: the program's values of them are taken as given.
     */
    adopt?(id: string): Promise<{ id: string; inputs: Props; props: Props }>;
}

/** The words of what a resource does: `purge`, `purging`, `purged`. */
export interface ActionWords {
    readonly noun: string;
    readonly doing: string;
    readonly done: string;
}

/** What a purge does, in messages: the default. */
export const PURGE_WORDS: ActionWords = { noun: "purge", doing: "purging", done: "purged" };
/** What a prefetch (warming a cache) does, in messages. */
export const PREFETCH_WORDS: ActionWords = { noun: "prefetch", doing: "prefetching", done: "prefetched" };

/** Where a run starts: what earlier runs surely sent, and what they left to settle. */
interface RunStart {
    readonly sent: SubmittedPurge;
    /** A batch the last run left in doubt: looked for before anything is sent. */
    readonly inDoubt?: InDoubtBatch;
    /** The items this submission covers, when it sends only those an earlier one did not purge. */
    readonly only?: readonly string[];
    /** Items refused at submission by an earlier run of this submission (a resumed wait reports them again). */
    readonly refused?: readonly Refusal[];
    /** When an earlier run last sent a batch (ISO-8601): within the listing lag, jobs not listed yet are not expired. */
    readonly lastSentAt?: string;
    /** Jobs of earlier submissions of this resource: a batch in doubt never takes one of them for its own. */
    readonly earlierJobs?: readonly string[];
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

/**
 * How many batches in doubt one run looks for and sends again before it stops, leaving the last one recorded for
 * the next `pulumi up`: an API that keeps timing out is not answered by sending more.
 */
const MAX_IN_DOUBT_PER_RUN = 3;
/** A message lists this many refused items at most. */
const MAX_LISTED = 20;

const NOTHING_SENT: SubmittedPurge = { taskIds: [], submitted: 0 };
/** How many times the stored purge's inputs were submitted (states written before this was counted: once). */
const submissionsOf = (olds: Props) => (typeof olds.attempt === "number" ? olds.attempt : 1);
const stringsOf = (v: unknown): readonly string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
const refusalsOf = (v: unknown): readonly Refusal[] => (Array.isArray(v) ? v as Refusal[] : []);

/**
 * The dynamic provider of a product's purge resource.
 *
 * @example
 * const provider = purgeLifecycle(edgeOnePurgeProduct); await provider.create({ zoneId, type: "purge_url", targets });
 */
export function purgeLifecycle<Req, R, Ps extends Properties>(product: PurgeProduct<Req, R, Ps>) {
    const { idKeys, status, inDoubt: lookup } = product;
    const words = product.words ?? PURGE_WORDS;
    const jobIdsOf = (props: Props): readonly string[] => (Array.isArray(props[idKeys.all]) ? props[idKeys.all] as string[] : []);
    /** The request of stored or new inputs, narrowed to the items a partial resubmission sends. */
    const requestOf = (props: Props, only = stringsOf(props.resending)): Req => {
        const whole = product.request(validateInputs(product.described, props));
        return only ? product.withItems(whole, only) : whole;
    };
    const listRefused = (refused: readonly Refusal[]) => `${product.service} refused ${refused.length} at submission: ` +
        refused.slice(0, MAX_LISTED).map((r) => `${r.item} (${r.reason})`).join(", ") +
        (refused.length > MAX_LISTED ? ` and ${refused.length - MAX_LISTED} more` : "");

    /** Submits what is not sent yet and waits. `attempt` counts submissions of these inputs, from 1. */
    async function run(inputs: Props, start: RunStart, attempt: number): Promise<{ id: string; outs: Props }> {
        const known = validateInputs(product.described, inputs);
        const whole = product.request(known);
        const req = start.only ? product.withItems(whole, start.only) : whole;
        const settings = waitSettings(known, product.described);
        const signal = hostCancelSignal();
        const urn = inputs.resourceUrn as string | undefined;
        let sent = start.sent;
        let doubt = start.inDoubt;
        const refused = [...(start.refused ?? [])];
        const submittedAt = Date.now();
        let lastSentAt = start.lastSentAt;
        // Without undefined values: the dynamic-provider host cannot encode them in a partial failure's properties.
        const outs = (state: string, extra: Props = {}): Props => JSON.parse(JSON.stringify({
            ...inputs, [idKeys.one]: sent.taskIds[0], [idKeys.all]: sent.taskIds, submitted: sent.submitted, attempt, status: state,
            resending: start.only, refused: refused.length > 0 ? refused : undefined, lastSentAt, ...extra,
        }));
        try {
            for (let inDoubtRuns = 0; ;) {
                if (doubt) {
                    sent = await settleInDoubt(req, sent, doubt, signal, urn);
                    doubt = undefined;
                }
                try {
                    sent = await product.submit(req, sent, (s, r) => { sent = s; refused.push(...r); lastSentAt = new Date().toISOString(); }, signal);
                    break;
                } catch (e) {
                    if (!(e instanceof SubmissionInDoubt)) {
                        throw e;
                    }
                    sent = e.state;
                    doubt = { count: e.count, since: lookup.apiTime(new Date(e.sentAt.getTime() - CLOCK_SKEW_MS)), sentAt: e.sentAt.toISOString(),
                        notJobs: [...(start.earlierJobs ?? []), ...sent.taskIds] };
                    if (signal.aborted || ++inDoubtRuns >= MAX_IN_DOUBT_PER_RUN) {
                        throw e;
                    }
                    reportLine(`${e.message}: looking for its task before sending anything again`, urn);
                }
            }
        } catch (e) {
            const why = signal.aborted ? "the update was cancelled" : messageOf(e);
            const after = sent.taskIds.length > 0 ? ` (after submitting ${product.label(sent.taskIds)})` : "";
            if (doubt) {
                // The API may have created a job for the batch: the next update looks for it first.
                throw partialFailure(`${why} while a batch of ${doubt.count} ${lookup.noun(doubt.count)} was being submitted${after}; ` +
                    `the next \`pulumi up\` looks for its task (for up to ${LISTING_LAG_MS / 1000} s after it was sent) before ` +
                    `submitting anything again, so nothing is ${words.done} twice`,
                    sent.taskIds[0] ?? IN_DOUBT_ID, outs(status.pending, { inDoubt: doubt }));
            }
            if (sent.taskIds.length > 0) {
                // `unsent`: the next update sends the rest, also for a purge that does not wait.
                throw partialFailure(`${why}${after}; the next \`pulumi up\` submits the rest${inputs.wait === false ? "" : " and waits"}`,
                    sent.taskIds[0], outs(status.pending, { unsent: true }));
            }
            throw signal.aborted ? new Error(`${why} before the ${words.noun} was submitted: nothing was ${words.done}`) : e;
        }
        const accepted = product.items(req).filter((i) => !refused.some((r) => sameItem(r.item, i)));
        if (sent.taskIds.length === 0) {
            // Every batch was refused whole: no job holds anything, so there is nothing to wait for or to keep.
            throw new Error(`${listRefused(refused)}; nothing was ${words.done}`);
        }
        // A batch refused whole adds no job: the first job that holds something names the resource.
        const id = sent.taskIds[0];
        const what = product.label(sent.taskIds);
        const waits = inputs.wait !== false;
        if (refused.length > 0 && (!waits || accepted.length === 0)) {
            throw partialFailure(`${what}: ${listRefused(refused)}; ${nextAfterFailure(attempt, waits)}`, id, outs(status.failed));
        }
        if (inputs.wait === false) {
            return { id, outs: outs(status.pending) };
        }
        // Nothing sent by this run (a batch refused whole sends items but adds no job).
        const resumed = sent.taskIds.length === start.sent.taskIds.length && sent.submitted === start.sent.submitted;
        let result: WaitResult<R>;
        try {
            result = await product.wait(refused.length > 0 ? product.withItems(req, accepted) : req, sent.taskIds,
                resumed ? undefined : submittedAt, settings, (p) => reportProgress(what, p, urn));
        } catch (e) {
            // The jobs exist: whatever stopped the wait, the state keeps them for the next `pulumi up` to wait for.
            throw partialFailure(`stopped waiting for ${what}: ${messageOf(e)}; the next \`pulumi up\` resumes the wait without ${words.doing} ` +
                "again", id, outs(status.pending));
        }
        const alsoRefused = refused.length > 0 ? `; and ${listRefused(refused)}` : "";
        if (result.state === "done" && refused.length === 0) {
            return { id, outs: outs(status.done, { completedAt: new Date().toISOString() }) };
        }
        if (result.state === "done" || result.state === "failed") {
            const told = result.state === "done" ? `${what}: ${listRefused(refused)}; the other ${accepted.length} succeeded`
                : `${describeWaitResult(result, what, product.records, words)}${alsoRefused}`;
            throw partialFailure(`${told}; ${nextAfterFailure(attempt, true)}`, id, outs(status.failed));
        }
        throw partialFailure(`${describeWaitResult(result, what, product.records, words)}${alsoRefused}; the next \`pulumi up\` resumes ` +
            `the wait without ${words.doing} again`, id, outs(status.pending));
    }

    /**
     * What was surely sent, once the batch in doubt is settled: its job found (within the listing lag), it counts
     * as sent; not found, it was not created and is sent again.
     */
    async function settleInDoubt(req: Req, sent: SubmittedPurge, batch: InDoubtBatch, signal: AbortSignal, urn?: string): Promise<SubmittedPurge> {
        const items = product.items(req).slice(sent.submitted, sent.submitted + batch.count);
        const noun = `${items.length || batch.count} ${lookup.noun(items.length || batch.count)}`;
        // States written before the send time was kept: its lag is long over.
        const sentAtMs = batch.sentAt === undefined ? 0 : Date.parse(batch.sentAt);
        const jobId = await lookWithinListingLag(
            async () => (await lookup.find(req, items, batch.since, lookup.apiTime(new Date(Date.now() + CLOCK_SKEW_MS)), signal))
                .find((job) => !(batch.notJobs ?? []).includes(job) && !sent.taskIds.includes(job)),
            sentAtMs, LISTING_LAG_MS, realTiming, signal);
        if (jobId === undefined) {
            reportLine(`the batch of ${noun} in doubt did not reach the API: submitting it`, urn);
            return sent;
        }
        tellEngine(`the batch of ${noun} in doubt had reached the API as ${product.label([jobId])}: waiting for it ` +
            `instead of ${words.doing} again`, urn, { severity: "info", ephemeral: false });
        return { taskIds: [...sent.taskIds, jobId], submitted: sent.submitted + (items.length || batch.count) };
    }

    /** What the next `pulumi up` does after a failure: submits again what was not done, when the resource waits. */
    function nextAfterFailure(attempt: number, waits: boolean): string {
        return waits && attempt < MAX_SUBMISSIONS ? `the next \`pulumi up\` submits again what was not ${words.done} (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`
            : "it is not submitted again until its inputs change (e.g. `triggers`)";
    }

    /**
     * The items a failed purge still needs, read from its jobs' records: all but those done. Undefined when that is
     * every item of the inputs, or for a purge without items (a whole zone): the purge is sent whole again.
     */
    async function notYetPurged(olds: Props, news: Props): Promise<readonly string[] | undefined> {
        const all = product.items(requestOf(news, undefined));
        const wanted = stringsOf(olds.resending) ?? all;
        if (wanted.length === 0) {
            return undefined;
        }
        const purged = (await product.read(news, jobIdsOf(olds))).filter((r) => product.records.stateOf(r) === "done")
            .map((r) => product.itemOf(r)).filter((i): i is string => i !== null);
        const rest = wanted.filter((item) => !purged.some((p) => sameItem(p, item)));
        return rest.length === all.length ? undefined : rest;
    }

    /** The next `pulumi up` after the product reported the purge failed: submit what was not purged, loudly, or refuse. */
    async function retryFailed(olds: Props, news: Props): Promise<{ id: string; outs: Props }> {
        const attempt = submissionsOf(olds);
        const jobs = product.label(jobIdsOf(olds));
        if (attempt >= MAX_SUBMISSIONS) {
            throw new Error(`${jobs} failed at ${product.service}, and this ${words.noun} was submitted ${attempt} times already: it is not ` +
                `submitted again until its inputs change. Change \`triggers\` (or ${product.itemsName}) to try again; ` +
                product.failedListHint);
        }
        const only = await notYetPurged(olds, news);
        const urn = news.resourceUrn as string | undefined;
        if (only !== undefined && only.length === 0) {
            tellEngine(`${jobs}: every item is ${words.done} now`, urn, { severity: "info", ephemeral: false });
            return { id: jobIdsOf(olds)[0], outs: { ...olds, ...news, status: status.done, completedAt: new Date().toISOString() } };
        }
        const what = only === undefined ? `the ${words.noun}` : `the ${only.length} ${lookup.noun(only.length)} not ${words.done}`;
        tellEngine(`${jobs} failed at ${product.service}; submitting ${what} again (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`,
            urn, { severity: "warning", ephemeral: false });
        return run(news, { sent: NOTHING_SENT, only, earlierJobs: jobIdsOf(olds) }, attempt + 1);
    }

    /**
     * An adopted state's inputs the records could not give (`notRead`, e.g. a prefetch's `headers`), taken as the
     * program states them: stating them is no change, and does not do the work again.
     */
    const unreadAsGiven = (olds: Props, news: Props): Props => {
        const unread = Array.isArray(olds.notRead) ? olds.notRead.filter((k): k is string => typeof k === "string" && olds[k] === undefined) : [];
        return unread.length === 0 ? olds : { ...olds, ...Object.fromEntries(unread.map((k) => [k, news[k]])) };
    };

    return {
        async check(_olds: Props, news: Props) {
            return { inputs: news, failures: checkFailures(() => validateInputs(product.described, news)) };
        },
        async diff(_id: string, olds: Props, news: Props) {
            const unfinished = (olds.status !== status.done && news.wait !== false) || olds.inDoubt !== undefined || olds.unsent === true;
            const diff = diffInputs(product.described, unreadAsGiven(olds, news), news,
                { unfinished, redoneOutputs: [idKeys.one, idKeys.all, "status"] });
            return { ...diff, changes: diff.changes || providerChanged(olds, news) };
        },
        async create(inputs: Props) {
            return run(inputs, { sent: NOTHING_SENT }, 1);
        },
        async update(_id: string, stored: Props, news: Props) {
            // Once updated, the state holds the program's values: nothing is left unread.
            const { notRead: _notRead, ...olds } = unreadAsGiven(stored, news);
            const jobIds = jobIdsOf(olds);
            // What this submission sent so far, and what it left to settle: a resumed run carries it on.
            const carried: RunStart = { sent: { taskIds: jobIds, submitted: Number(olds.submitted ?? 0) },
                only: stringsOf(olds.resending), refused: refusalsOf(olds.refused),
                lastSentAt: typeof olds.lastSentAt === "string" ? olds.lastSentAt : undefined };
            if (olds.inDoubt && !redoneBy(product.described.inputs, olds, news)) {
                return { outs: (await run(news, { ...carried, inDoubt: olds.inDoubt as InDoubtBatch }, submissionsOf(olds))).outs };
            }
            if (redoneBy(product.described.inputs, olds, news) || jobIds.length === 0) {
                return { outs: (await run(news, { sent: NOTHING_SENT, earlierJobs: jobIds }, 1)).outs };
            }
            if (olds.unsent === true) {
                return { outs: (await run(news, carried, submissionsOf(olds))).outs };
            }
            if (olds.status === status.failed && news.wait !== false) {
                return { outs: (await retryFailed(olds, news)).outs };
            }
            if (olds.status !== status.done && news.wait !== false) {
                const attempt = submissionsOf(olds);
                const sentLately = carried.lastSentAt !== undefined && Date.now() - Date.parse(carried.lastSentAt) < LISTING_LAG_MS;
                if (!sentLately && (await product.read(news, jobIds)).length === 0) {
                    // Nothing proves the content was refreshed, and the API can no longer say: purge again.
                    reportLine(`${product.label(jobIds)}: no longer listed by the API (records expire); ${words.doing} again`,
                        news.resourceUrn as string | undefined);
                    return { outs: (await run(news, { sent: NOTHING_SENT, earlierJobs: jobIds }, attempt)).outs };
                }
                return { outs: (await run(news, carried, attempt)).outs };
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
            const refused = refusalsOf(props.refused);
            let expected: number | undefined;
            try {
                const req = requestOf(props);
                expected = product.expectedRecords(product.withItems(req, product.items(req).filter((i) => !refused.some((r) => sameItem(r.item, i)))));
            } catch {
                expected = undefined; // an old state with inputs this version no longer takes: count what is listed
            }
            const listed = refreshedState(product.records, props.status === status.failed, records, expected);
            // Items refused at submission have no records: the purge stays failed however its jobs end.
            const state = listed === "done" && refused.length > 0 ? "failed" : listed;
            return { id, props: { ...props, status: status[state === "done" ? "done" : state === "failed" ? "failed" : "pending"] } };
        },
        async delete() {
            // A purge cannot be undone: deleting the resource only forgets it.
        },
    } satisfies dynamic.ResourceProvider;
}
