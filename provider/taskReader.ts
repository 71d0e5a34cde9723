/**
 * Reading the records of the tasks being waited on: one task by id, or many at once by whichever of
 * "one query per task id" and "one time-range query for all" costs fewer API calls.
 */
import { DEFAULT_PAGE_SIZE, iteratePages, readAllPages, recordKey } from "./paging";
import { PurgeApi, PurgeTask } from "./types";

/**
 * Every record of one task (a task with many URLs has many records), all pages.
 *
 * @example
 * const check: PurgeCheck = (signal) => readTaskRecords(api, "1533", signal);
 */
export async function readTaskRecords(api: PurgeApi, taskId: string, signal?: AbortSignal): Promise<readonly PurgeTask[]> {
    return (await readAllPages(api, { taskId }, { signal })).purgeLogs;
}

/**
 * Every record of several tasks (the batches of one purge), read by id.
 *
 * @example
 * const records = await readTasksRecords(api, ["1533", "1534"], signal);
 */
export async function readTasksRecords(api: PurgeApi, taskIds: readonly string[], signal?: AbortSignal): Promise<PurgeTask[]> {
    return (await Promise.all(taskIds.map((taskId) => readTaskRecords(api, taskId, signal)))).flat();
}

/** A task to read; `since` (API time, e.g. its submission time) lets it be found by a time-range query. */
export interface TaskToRead {
    readonly taskId: string;
    readonly since?: string;
}

/** What {@link readManyTasks} read, how, and at what cost. */
export interface ManyTaskRecords {
    /** Records per task id; every task asked for has an entry (empty when not visible). */
    readonly records: ReadonlyMap<string, readonly PurgeTask[]>;
    readonly apiCalls: number;
    readonly plan: "byId" | "range";
    /** The range query's `totalCount` when one was made: pass it back as `lastRangeTotal` next time. */
    readonly rangeTotal?: number;
}

/**
 * Which plan is cheaper. The range costs one call per page of every record since the earliest `since` (all
 * of the account's purges, not only ours); by id costs one call per task. With no known total the range is
 * tried: its first page tells the total, and {@link readManyTasks} drops it at once if it is too big.
 *
 * @example
 * chooseReadPlan(50, 120); // "range": 2 pages instead of 50 calls
 */
export function chooseReadPlan(tasksWithSince: number, lastRangeTotal?: number): "byId" | "range" {
    if (tasksWithSince < 2) {
        return "byId";
    }
    return lastRangeTotal === undefined || rangePages(lastRangeTotal) < tasksWithSince ? "range" : "byId";
}

const rangePages = (total: number): number => Math.max(1, Math.ceil(total / DEFAULT_PAGE_SIZE));

/**
 * Reads many tasks at once. Tasks without `since`, and tasks the range answer did not list (not visible yet,
 * or created before their `since`), are read by id.
 *
 * @example
 * const { records, apiCalls, rangeTotal } = await readManyTasks(api, tasks, signal, lastRangeTotal);
 */
export async function readManyTasks(
    api: PurgeApi, tasks: readonly TaskToRead[], signal?: AbortSignal, lastRangeTotal?: number,
): Promise<ManyTaskRecords> {
    const wanted = new Set(tasks.map((t) => t.taskId));
    const sinces = tasks.map((t) => t.since).filter((s): s is string => s !== undefined).sort();
    let plan = chooseReadPlan(sinces.length, lastRangeTotal);
    const found = new Map<string, PurgeTask[]>();
    let apiCalls = 0;
    let rangeTotal: number | undefined;
    if (plan === "range") {
        const seen = new Set<string>();
        let received = 0;
        // API times sort as text, so the first is the earliest.
        for await (const page of iteratePages(api, { startTime: sinces[0] }, { signal })) {
            apiCalls += 1;
            received += page.purgeLogs.length;
            rangeTotal = page.totalCount ?? received;
            if (apiCalls === 1 && page.totalCount !== null && rangePages(page.totalCount) >= wanted.size) {
                plan = "byId"; // The range is busier than our tasks: one call per task is cheaper from here on.
                break;
            }
            for (const record of page.purgeLogs) {
                // Newest records come first, so one submitted while we page shifts the rest by one: the same
                // record can show on two pages. Count it once.
                const key = recordKey(record);
                if (record.taskId === null || !wanted.has(record.taskId) || seen.has(key)) {
                    continue;
                }
                seen.add(key);
                const list = found.get(record.taskId) ?? [];
                list.push(record);
                found.set(record.taskId, list);
            }
        }
    }
    const records = new Map<string, readonly PurgeTask[]>();
    for (const taskId of wanted) {
        const listed = found.get(taskId);
        if (listed) {
            records.set(taskId, listed);
        } else {
            const read = await readAllPages(api, { taskId }, { signal });
            apiCalls += read.requestIds.length;
            records.set(taskId, read.purgeLogs);
        }
    }
    return { records, apiCalls, plan, rangeTotal };
}
