/**
 * The engine side of PurgeTaskWaiter: waits for one task, several (`taskIds`, read together through the shared
 * poller), or every task matching a filter, to be done. A gate
 * once passed stays passed: refresh keeps `done` after the API has forgotten the records, and an update that
 * changes nothing it waits for does not wait again.
 */
import { randomUUID } from "crypto";
import type { dynamic } from "@pulumi/pulumi";
import { describeWaitResult, WaitResult } from "../wait";
import { hostApi } from "../engine/hostClients";
import { waiterInputs, WaitTarget } from "./inputs";
import { overallStatus, partialFailure, providerChanged, refreshedStatus } from "./outcome";
import { checkFailures, diffInputs, PURGE_TASK_WAITER, redoneBy } from "../description";
import { readRecordsOfTasks } from "../reading/recordsOfTasks";
import { WaiterInputs, WaiterOutputs } from "./properties";
import { hostWaitForCdnTarget, readTarget } from "./waits";
import { reportProgress } from "./progress";
import { explainEmptyFilter } from "./emptyFilter";
import { hostCancelSignal } from "../engine/cancellation";
import { PurgeApi } from "../base/types";

/** The outputs a waiter sets anew when it waits again. */
const REDONE_OUTPUTS = ["status", "purgeLogs"];

/** A message names this many of a gate's task ids at most. */
const MAX_IDS_IN_MESSAGE = 10;

function describeTarget(t: WaitTarget): string {
    if (t.taskIds !== undefined) {
        const more = t.taskIds.length - MAX_IDS_IN_MESSAGE;
        return `purge task${t.taskIds.length > 1 ? "s" : ""} ${t.taskIds.slice(0, MAX_IDS_IN_MESSAGE).join(", ")}` +
            (more > 0 ? ` and ${more} more` : "");
    }
    return t.taskId ? `purge task ${t.taskId}` : `purge tasks since ${t.startTime}${t.keyword ? ` for ${t.keyword}` : ""}`;
}

/** Which of a gate's tasks failed, when it waits on several: the URLs alone would not say which purge to look at. */
function failedTasks(target: WaitTarget, result: WaitResult): string {
    if (target.taskIds === undefined || result.state !== "failed") {
        return "";
    }
    const ids = [...new Set(result.failed.map((r) => r.taskId))];
    return ` (failed task${ids.length > 1 ? "s" : ""}: ${ids.join(", ")})`;
}

/** How a wait that did not end done is told to the user. */
async function failureMessage(api: PurgeApi, target: WaitTarget, result: WaitResult, what: string): Promise<string> {
    const foundNothing = result.state === "notFound" || (result.state === "timedOut" && result.records.length === 0);
    if (!target.taskId && !target.taskIds && foundNothing) {
        // A filter has no task id to check: say which part of the filter matches nothing.
        return `waited ${Math.round(result.elapsedMs / 1000)} s for ${what} and no purge record matched: ` +
            await explainEmptyFilter(api, target, hostCancelSignal());
    }
    const message = describeWaitResult(result, what) + failedTasks(target, result);
    return result.state === "timedOut" || result.state === "aborted" ? `${message}; the next \`pulumi up\` waits again` : message;
}

async function waitFor(id: string, inputs: WaiterInputs): Promise<{ id: string; outs: WaiterOutputs }> {
    const { target, settings } = waiterInputs(inputs);
    const what = describeTarget(target);
    const api = hostApi();
    const result = await hostWaitForCdnTarget(api, target, settings, (p) => reportProgress(what, p, inputs.resourceUrn));
    const outs = { ...inputs, taskId: target.taskId ?? null, purgeLogs: "records" in result ? result.records : [] };
    if (result.state === "done") {
        return { id, outs: { ...outs, status: "done", completedAt: new Date().toISOString() } };
    }
    throw partialFailure(await failureMessage(api, target, result, what), id,
        { ...outs, status: result.state === "failed" ? "fail" : "process" });
}

/**
 * A gate imported by task id (through the provider plugin's Read): its inputs and state from the task's records.
 * A task already done is adopted as a passed gate; an unfinished one as a gate still to wait for.
 */
async function adopt(taskId: string) {
    const purgeLogs = await readRecordsOfTasks(hostApi(), [taskId]);
    if (purgeLogs.length === 0) {
        throw new Error(`cannot import PurgeTaskWaiter ${taskId}: the API lists no purge task with that id (records expire ` +
            "after some days); import by the id PurgeUrlsCache or PurgePathCache returned");
    }
    const status = overallStatus(purgeLogs);
    return {
        id: taskId,
        inputs: { taskId },
        props: { taskId, purgeLogs, status, ...(status === "done" ? { completedAt: new Date().toISOString() } : {}) } as WaiterOutputs,
    };
}

/**
 * The PurgeTaskWaiter provider.
 *
 * @example
 * await waiterProvider().create({ taskId: "1533", timeoutSeconds: 600 });
 */
export function waiterProvider() {
    return {
        async check(_olds: WaiterInputs, news: WaiterInputs) {
            return { inputs: news, failures: checkFailures(() => waiterInputs(news)) };
        },
        async diff(_id: string, olds: WaiterOutputs, news: WaiterInputs) {
            const diff = diffInputs(PURGE_TASK_WAITER, olds, news, { unfinished: olds.status !== "done", redoneOutputs: REDONE_OUTPUTS });
            return { ...diff, changes: diff.changes || providerChanged(olds, news) };
        },
        async create(inputs: WaiterInputs) {
            return waitFor(inputs.taskId ?? `wait-${randomUUID()}`, inputs);
        },
        async update(id: string, olds: WaiterOutputs, news: WaiterInputs) {
            if (olds.status === "done" && !redoneBy(PURGE_TASK_WAITER.inputs, olds, news)) {
                return { outs: { ...olds, ...news } };
            }
            return { outs: (await waitFor(id, news)).outs };
        },
        async read(id: string, props: WaiterOutputs = {}) {
            if (props.status === undefined && props.taskId === undefined && props.taskIds === undefined && props.startTime === undefined) {
                return adopt(id); // an import: the engine knows only the id
            }
            if (props.status === "done") {
                return { id, props }; // final: nothing the API says now can change it, and its records may be gone
            }
            const { target } = waiterInputs(props);
            const purgeLogs = await readTarget(hostApi(), target);
            // Each task has at least one record: one not listed (yet, or any more) keeps the gate from passing.
            const expected = new Set(purgeLogs.map((r) => r.taskId)).size < (target.taskIds?.length ?? 0) ? purgeLogs.length + 1 : 1;
            return { id, props: { ...props, purgeLogs, status: refreshedStatus(props.status, purgeLogs, expected) } };
        },
        async delete() {
            // Nothing to undo: a waiter only observes.
        },
    } satisfies dynamic.ResourceProvider<WaiterInputs, WaiterOutputs>;
}
