/**
 * The engine side of UrlPurge and PathPurge: submit within quota, then wait. A wait that times out or is
 * cancelled after submitting keeps the task ids in the state, so the next `pulumi up` resumes the wait instead of
 * purging again. A purge once seen done stays done after the API has forgotten its records; an unfinished purge
 * whose tasks the API no longer lists is submitted again, since nothing else can prove the content was refreshed.
 * A purge the CDN reports failed is submitted again by the next `pulumi up`, saying so, up to
 * {@link MAX_SUBMISSIONS} times in all; after that only a change of its inputs (`triggers`) submits it again.
 */
import type { dynamic } from "@pulumi/pulumi";
import { PurgeStatus } from "../types";
import { describeWaitResult } from "../wait";
import { readTasksRecords } from "../taskReader";
import { hostApi } from "./hostConfig";
import { checkFailures, purgeRequest, PurgeRequest, waitSettings } from "./inputs";
import { changedKeys, overallStatus, partialFailure, providerChanged, refreshedStatus } from "./outcome";
import { InDoubtBatch, PurgeInputs, PurgeOutputs } from "./properties";
import { findInDoubtTask, SubmissionInDoubt, submitPurge, SubmittedPurge } from "./submitPurge";
import { waitForTaskIds } from "./hostWait";
import { reportLine, reportProgress } from "./progress";
import { formatApiTime } from "../time";
import { hostCancelSignal } from "./cancellation";
import { tellEngine } from "./engineLog";

/** Inputs whose change means "purge again". */
const PURGE_KEYS = ["urls", "paths", "flushType", "area", "urlEncode", "triggers"];
const NOTHING_SENT: SubmittedPurge = { taskIds: [], submitted: 0 };
/** How far the API's clock may be behind ours: time-range reads start this much earlier. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * The id of a purge cancelled while its first batch was on its way, before any task id was known. The engine
 * needs an id to keep the resource (and its batch in doubt) in the state; its outputs carry the task ids.
 */
const IN_DOUBT_ID = "submission-in-doubt";
/**
 * How often one set of inputs is submitted when the CDN keeps reporting the purge failed: once, then by the
 * next two `pulumi up`s. A failure can be passing (a busy edge), so trying again is what a re-run `up` is for;
 * one that persists (an origin that errors, a domain not on the CDN) would otherwise spend quota on every run.
 */
const MAX_SUBMISSIONS = 3;

/** "purge task 1533" or "purge tasks 1533, 1534": how messages name a purge's tasks. */
const tasksLabel = (taskIds: readonly string[]) => `purge task${taskIds.length > 1 ? "s" : ""} ${taskIds.join(", ")}`;
/** How many times the stored purge's inputs were submitted (states written before this was counted: once). */
const submissionsOf = (olds: PurgeOutputs) => (typeof olds.attempt === "number" ? olds.attempt : 1);

/**
 * The provider for `kind` ("url" for UrlPurge, "path" for PathPurge).
 *
 * @example
 * const provider = purgeProvider("url"); await provider.create({ urls: ["https://www.example.com/"] });
 */
export function purgeProvider(kind: "url" | "path") {
    const request = (inputs: PurgeInputs): PurgeRequest => {
        const r = purgeRequest(kind, inputs);
        if (!r.items) {
            throw new Error(`${kind === "url" ? "urls" : "paths"} must be known before the purge is submitted`);
        }
        return r as PurgeRequest;
    };

    /**
     * A purge imported by task id (through the provider plugin's Read): its URLs (or paths and flush type) and
     * status from the task's records, as if this resource had submitted it; nothing is submitted.
     */
    async function adopt(taskId: string) {
        const records = await readTasksRecords(hostApi(), [taskId]);
        const type = kind === "url" ? "UrlPurge" : "PathPurge";
        if (records.length === 0) {
            throw new Error(`cannot import ${type} ${taskId}: the API lists no purge task with that id (records expire after ` +
                "some days); import by the id PurgeUrlsCache or PurgePathCache returned");
        }
        const other = records.find((r) => r.purgeType !== null && r.purgeType !== kind);
        if (other) {
            throw new Error(`cannot import ${type} ${taskId}: it is a ${other.purgeType} purge; import it as a ` +
                `${other.purgeType === "url" ? "UrlPurge" : "PathPurge"}`);
        }
        const items = [...new Set(records.map((r) => r.url).filter((u): u is string => typeof u === "string"))];
        const inputs: PurgeInputs = kind === "url" ? { urls: items }
            : { paths: items, flushType: records.find((r) => r.flushType)?.flushType ?? "flush" };
        const status = overallStatus(records, items.length);
        const props: PurgeOutputs = { ...inputs, taskId, taskIds: [taskId], submitted: items.length, attempt: 1, status,
            ...(status === "done" ? { completedAt: new Date().toISOString() } : {}) };
        return { id: taskId, inputs, props };
    }

    const noun = (n: number) => `${kind === "url" ? "URL" : "path"}${n === 1 ? "" : "s"}`;

    /**
     * What was surely sent, after looking for the task of a batch the last update was cancelled while sending:
     * found, it counts as sent; not found (the cancel stopped it on its way), it is sent again.
     */
    async function confirmInDoubt(olds: PurgeOutputs, news: PurgeInputs): Promise<SubmittedPurge> {
        const sent: SubmittedPurge = { taskIds: Array.isArray(olds.taskIds) ? olds.taskIds : [], submitted: olds.submitted ?? 0 };
        const batch = olds.inDoubt;
        if (!batch) {
            return sent;
        }
        const items = request(news).items.slice(sent.submitted, sent.submitted + batch.count);
        const taskId = await findInDoubtTask(hostApi(), kind, items, batch.since, hostCancelSignal());
        if (taskId === undefined) {
            reportLine(`the batch of ${items.length} ${noun(items.length)} cancelled on its way did not reach the API; submitting it`, news.resourceUrn);
            return sent;
        }
        tellEngine(`the batch of ${items.length} ${noun(items.length)} cancelled on its way had reached the API as purge task ${taskId}: ` +
            "waiting for it instead of purging again", news.resourceUrn, { severity: "info", ephemeral: false });
        return { taskIds: [...sent.taskIds, taskId], submitted: sent.submitted + items.length };
    }

    /** Submits what is not sent yet and waits. `attempt` counts submissions of these inputs, from 1. */
    async function run(inputs: PurgeInputs, already: SubmittedPurge, attempt: number): Promise<{ id: string; outs: PurgeOutputs }> {
        const req = request(inputs);
        const settings = waitSettings(inputs);
        const api = hostApi();
        const signal = hostCancelSignal();
        let sent = already;
        // A little before now, so clock skew between here and the API cannot hide the task from a time-range read.
        const since = formatApiTime(new Date(Date.now() - CLOCK_SKEW_MS));
        // Without undefined values: the dynamic-provider host cannot encode them in a partial failure's properties.
        const outs = (status: PurgeStatus, extra: PurgeOutputs = {}): PurgeOutputs => JSON.parse(JSON.stringify({
            ...inputs, taskId: sent.taskIds[0], taskIds: sent.taskIds, submitted: sent.submitted, attempt, status, ...extra,
        }));
        try {
            sent = await submitPurge(api, req, already, (s) => { sent = s; }, signal);
        } catch (e) {
            const why = signal.aborted ? "the update was cancelled" : (e as Error).message;
            if (e instanceof SubmissionInDoubt) {
                // The API may have created a task for the batch on its way: the next update looks for it first.
                const inDoubt: InDoubtBatch = { count: e.count, since: formatApiTime(new Date(e.sentAt.getTime() - CLOCK_SKEW_MS)) };
                const done = sent.taskIds.length > 0 ? ` (after submitting tasks ${sent.taskIds.join(", ")})` : "";
                throw partialFailure(`${why} while a batch of ${e.count} ${noun(e.count)} was being submitted${done}; ` +
                    "the next `pulumi up` looks for its task before submitting anything again, so nothing is purged twice",
                    sent.taskIds[0] ?? IN_DOUBT_ID, outs("process", { inDoubt }));
            }
            if (sent.taskIds.length > 0) {
                throw partialFailure(`${why} (after submitting tasks ${sent.taskIds.join(", ")}); the next \`pulumi up\` ` +
                    "submits the rest and waits", sent.taskIds[0], outs("process"));
            }
            throw signal.aborted ? new Error(`${why} before the purge was submitted: nothing was purged`) : e;
        }
        const id = sent.taskIds[0];
        if (inputs.wait === false) {
            return { id, outs: outs("process") };
        }
        const what = tasksLabel(sent.taskIds);
        const result = await waitForTaskIds(api, sent.taskIds, since, settings, (p) => reportProgress(what, p, inputs.resourceUrn), req.items.length);
        if (result.state === "done") {
            return { id, outs: outs("done", { completedAt: new Date().toISOString() }) };
        }
        const next = result.state !== "failed" ? "the next `pulumi up` resumes the wait without purging again"
            : attempt < MAX_SUBMISSIONS ? `the next \`pulumi up\` submits it again (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`
            : `it is not submitted again until its inputs change (e.g. \`triggers\`)`;
        throw partialFailure(`${describeWaitResult(result, what)}; ${next}`, id, outs(result.state === "failed" ? "fail" : "process"));
    }

    /** The next `pulumi up` after the CDN reported the purge failed: submit again, loudly, or refuse. */
    async function retryFailed(olds: PurgeOutputs, news: PurgeInputs): Promise<{ id: string; outs: PurgeOutputs }> {
        const attempt = submissionsOf(olds);
        const tasks = tasksLabel(olds.taskIds ?? []);
        if (attempt >= MAX_SUBMISSIONS) {
            throw new Error(`${tasks} failed at the CDN, and this purge was submitted ${attempt} times already: it is not ` +
                `submitted again until its inputs change. Change \`triggers\` (or the ${kind === "url" ? "URL" : "path"} list) to try again; ` +
                "getPurgeTasks({ taskId }) lists which URLs failed");
        }
        tellEngine(`${tasks} failed at the CDN; submitting the purge again (submission ${attempt + 1} of ${MAX_SUBMISSIONS})`,
            news.resourceUrn, { severity: "warning", ephemeral: false });
        return run(news, NOTHING_SENT, attempt + 1);
    }

    return {
        async check(_olds: PurgeInputs, news: PurgeInputs) {
            return { inputs: news, failures: checkFailures(() => { purgeRequest(kind, news); waitSettings(news); }) };
        },
        async diff(_id: string, olds: PurgeOutputs, news: PurgeInputs) {
            const changed = changedKeys(olds, news, PURGE_KEYS);
            const unfinished = olds.status !== "done" && news.wait !== false || olds.inDoubt !== undefined;
            return { changes: changed.length > 0 || unfinished || providerChanged(olds, news) };
        },
        async create(inputs: PurgeInputs) {
            return run(inputs, NOTHING_SENT, 1);
        },
        async update(_id: string, olds: PurgeOutputs, news: PurgeInputs) {
            if (olds.inDoubt && changedKeys(olds, news, PURGE_KEYS).length === 0) {
                const sent = await confirmInDoubt(olds, news);
                return { outs: (await run(news, sent, submissionsOf(olds))).outs };
            }
            if (changedKeys(olds, news, PURGE_KEYS).length > 0 || !Array.isArray(olds.taskIds) || olds.taskIds.length === 0) {
                return { outs: (await run(news, NOTHING_SENT, 1)).outs };
            }
            if (olds.status === "fail" && news.wait !== false) {
                return { outs: (await retryFailed(olds, news)).outs };
            }
            if (olds.status !== "done" && news.wait !== false) {
                const attempt = submissionsOf(olds);
                if ((await readTasksRecords(hostApi(), olds.taskIds)).length === 0) {
                    // Nothing proves the content was refreshed, and the API can no longer say: purge again.
                    reportLine(`${tasksLabel(olds.taskIds)}: no longer listed by the API (records expire); purging again`,
                        news.resourceUrn);
                    return { outs: (await run(news, NOTHING_SENT, attempt)).outs };
                }
                return { outs: (await run(news, { taskIds: olds.taskIds, submitted: olds.submitted ?? 0 }, attempt)).outs };
            }
            return { outs: { ...olds, ...news } };
        },
        async read(id: string, props: PurgeOutputs = {}) {
            if (props.status === undefined && props.taskIds === undefined && props.urls === undefined && props.paths === undefined) {
                return adopt(id); // an import: the engine knows only the id
            }
            if (props.status === "done") {
                return { id, props }; // final: nothing the API says now can change it, and its records may be gone
            }
            const records = await readTasksRecords(hostApi(), Array.isArray(props.taskIds) ? props.taskIds : [id]);
            const items = props.urls ?? props.paths;
            const expected = Array.isArray(items) ? items.length : 1;
            return { id, props: { ...props, status: refreshedStatus(props.status, records, expected) } };
        },
        async delete() {
            // A purge cannot be undone: deleting the resource only forgets it.
        },
    } satisfies dynamic.ResourceProvider<PurgeInputs, PurgeOutputs>;
}
