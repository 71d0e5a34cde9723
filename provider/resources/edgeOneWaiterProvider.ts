/**
 * The engine side of `edgeone.PurgeTaskWaiter`: waits until every target of the given EdgeOne jobs (submitted
 * elsewhere) succeeded. Like CDN's waiter it only reads: a gate once passed stays passed (refresh keeps it after
 * the API has forgotten the records), it fails on each `up` while a target is failed, and a wait that timed out
 * is waited again by the next `up`.
 */
import { randomUUID } from "crypto";
import type { dynamic } from "@pulumi/pulumi";
import { describeWaitResult } from "../wait";
import { EDGEONE_RECORDS } from "../edgeone/records";
import { edgeOnePoller } from "../edgeone/poller";
import { edgeOneWaitTarget } from "./edgeOneInputs";
import { readJobsTasks } from "../edgeone/paging";
import { hostEdgeOneApi } from "../engine/hostClients";
import { waitSettings } from "./inputs";
import { overallState, partialFailure, providerChanged, refreshedState } from "./outcome";
import { checkFailures, diffInputs, EDGEONE_PURGE_TASK_WAITER, redoneBy, validateInputs } from "../description";
import { hostWaitOnOwnSchedule, hostWaitOnPoller } from "./waits";
import { reportProgress } from "./progress";
import { EDGEONE_STATUS_WORDS, edgeOneJobsLabel } from "./edgeOnePurgeProvider";
import { readImportedJob } from "./edgeOneImport";

type Props = Record<string, unknown>;
/** The outputs a waiter sets anew when it waits again. */
const REDONE_OUTPUTS = ["status"];
const words = EDGEONE_STATUS_WORDS;

function target(inputs: Props): { zoneId: string; jobIds: readonly string[] } {
    const t = edgeOneWaitTarget(inputs);
    if (t.zoneId === undefined || t.jobIds === undefined) {
        throw new Error("zoneId and the job ids must be known before the wait starts");
    }
    return { zoneId: t.zoneId, jobIds: t.jobIds };
}

async function waitFor(id: string, inputs: Props): Promise<{ id: string; outs: Props }> {
    const { zoneId, jobIds } = target(inputs);
    const settings = waitSettings(validateInputs(EDGEONE_PURGE_TASK_WAITER, inputs));
    const api = hostEdgeOneApi();
    const what = edgeOneJobsLabel(jobIds);
    const onProgress = (p: Parameters<typeof reportProgress>[1]) => reportProgress(what, p, inputs.resourceUrn as string | undefined);
    const result = settings.ownPacing
        ? await hostWaitOnOwnSchedule((s) => readJobsTasks(api, zoneId, jobIds, s), settings, onProgress, undefined, EDGEONE_RECORDS)
        : await hostWaitOnPoller(edgeOnePoller(api, zoneId), { taskIds: jobIds }, settings, onProgress, undefined, EDGEONE_RECORDS);
    const outs = { ...inputs, jobId: jobIds[0], jobIds };
    if (result.state === "done") {
        return { id, outs: { ...outs, status: words.done, completedAt: new Date().toISOString() } };
    }
    const message = describeWaitResult(result, what, EDGEONE_RECORDS);
    throw partialFailure(result.state === "timedOut" || result.state === "aborted" ? `${message}; the next \`pulumi up\` waits again` : message,
        id, { ...outs, status: result.state === "failed" ? words.failed : words.pending });
}

/**
 * The stored state as inputs to compare with new ones: a waiter stores the first of its jobs as `jobId` (an
 * output) also when it was given `jobIds`, which is then no input of the user's that changed.
 */
const comparable = (olds: Props, news: Props): Props => (news.jobId === undefined ? { ...olds, jobId: undefined } : olds);

/**
 * A gate imported through the provider plugin's Read by `<zoneId>/<jobId>`: a job already succeeded is adopted as
 * a passed gate, an unfinished one as a gate still to wait for.
 */
async function adopt(importId: string) {
    const { zoneId, jobId, tasks } = await readImportedJob("edgeone.PurgeTaskWaiter", importId);
    const state = overallState(EDGEONE_RECORDS, tasks);
    return {
        id: jobId,
        inputs: { zoneId, jobId },
        props: { zoneId, jobId, jobIds: [jobId], status: words[state], ...(state === "done" ? { completedAt: new Date().toISOString() } : {}) },
    };
}

/**
 * The `edgeone.PurgeTaskWaiter` provider.
 *
 * @example
 * await edgeOneWaiterProvider().create({ zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h", timeoutSeconds: 600 });
 */
export function edgeOneWaiterProvider() {
    return {
        async check(_olds: Props, news: Props) {
            return { inputs: news, failures: checkFailures(() => edgeOneWaitTarget(news)) };
        },
        async diff(_id: string, olds: Props, news: Props) {
            const diff = diffInputs(EDGEONE_PURGE_TASK_WAITER, comparable(olds, news), news,
                { unfinished: olds.status !== words.done, redoneOutputs: REDONE_OUTPUTS });
            return { ...diff, changes: diff.changes || providerChanged(olds, news) };
        },
        async create(inputs: Props) {
            return waitFor(`wait-${randomUUID()}`, inputs);
        },
        async update(id: string, olds: Props, news: Props) {
            if (olds.status === words.done && !redoneBy(EDGEONE_PURGE_TASK_WAITER.inputs, comparable(olds, news), news)) {
                return { outs: { ...olds, ...news } };
            }
            return { outs: (await waitFor(id, news)).outs };
        },
        async read(id: string, props: Props = {}) {
            if (props.status === undefined && props.zoneId === undefined && props.jobId === undefined && props.jobIds === undefined) {
                return adopt(id); // an import: the engine knows only the id
            }
            if (props.status === words.done) {
                return { id, props }; // final: nothing the API says now can change it, and its records may be gone
            }
            const { zoneId, jobIds } = target(props);
            const records = await readJobsTasks(hostEdgeOneApi(), zoneId, jobIds);
            const state = refreshedState(EDGEONE_RECORDS, props.status === words.failed, records);
            return { id, props: { ...props, status: state === "done" ? words.done : state === "failed" ? words.failed : words.pending } };
        },
        async delete() {
            // Nothing to undo: a waiter only observes.
        },
    } satisfies dynamic.ResourceProvider;
}
