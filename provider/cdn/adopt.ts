/**
 * What every CDN resource imported by task id (through the provider plugin's Read) has in common: the task's
 * records or an error saying which id to import by, and the state as if the resource had submitted the task (a
 * gate: as if it had waited for it). Nothing is submitted.
 */

type Props = Record<string, unknown>;

/**
 * The records of the task to import, or an error: records expire, and only the id the submitting action returned
 * names a task.
 *
 * @example
 * await recordsToImport("PushTaskWaiter", taskId, readPushTasks(api, [taskId]), "push", "PushUrlsCache");
 */
export async function recordsToImport<R>(resource: string, taskId: string, read: Promise<readonly R[]>, kind: string,
    submittedBy: string): Promise<readonly R[]> {
    const records = await read;
    if (records.length === 0) {
        throw new Error(`cannot import ${resource} ${taskId}: the API lists no ${kind} task with that id (records expire after ` +
            `some days); import by the id ${submittedBy} returned`);
    }
    return records;
}

/**
 * The URLs (or paths) of records, each once.
 *
 * @example
 * urlsOf(records); // ["https://www.example.com/a.js"]
 */
export const urlsOf = (records: readonly { readonly url: string | null }[]): string[] =>
    [...new Set(records.map((r) => r.url).filter((u): u is string => typeof u === "string"))];

/** `completedAt` for a state adopted `done`: the import is when it is first seen done. */
const completedIfDone = (status: string): Props => (status === "done" ? { completedAt: new Date().toISOString() } : {});

/**
 * A resource that submits tasks, adopted as the one submission of `submitted` items.
 *
 * @example
 * return adoptedTask(taskId, { urls }, urls.length, "done");
 */
export function adoptedTask(taskId: string, inputs: Props, submitted: number, status: string) {
    return { id: taskId, inputs, props: { ...inputs, taskId, taskIds: [taskId], submitted, attempt: 1, status, ...completedIfDone(status) } };
}

/**
 * A gate adopted with the task's records as last seen (`{ pushLogs }`).
 *
 * @example
 * return adoptedGate(taskId, { purgeLogs }, "process");
 */
export function adoptedGate(taskId: string, logs: Props, status: string) {
    return { id: taskId, inputs: { taskId }, props: { taskId, ...logs, status, ...completedIfDone(status) } };
}
