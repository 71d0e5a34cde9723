/**
 * Reading the records of the tasks being waited on: one task by id, or many at once by whichever of
 * "one query per task id", "one time-range query for all" and "the account's newest records" costs fewer API
 * calls, never more than one call per task after the first probe.
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

/**
 * A task to read; `since` (API time, e.g. its submission time) lets it be found by a time-range query, and
 * `created` (its records' CreateTime, once seen) bounds that range from above.
 */
export interface TaskToRead {
    readonly taskId: string;
    readonly since?: string;
    readonly created?: string;
}

/**
 * The end of a range read for `tasks`: the latest CreateTime among them when every one's is known (records
 * of other purges submitted since then need not be paged through), else none.
 *
 * @example
 * rangeEnd([{ taskId: "1", since: "2026-11-29 10:00:00", created: "2026-11-29 10:00:01" }]); // "2026-11-29 10:00:01"
 */
export function rangeEnd(tasks: readonly TaskToRead[]): string | undefined {
    const created = tasks.map((t) => t.created);
    return created.every((c): c is string => c !== undefined) ? [...created].sort().pop() : undefined;
}

/** What {@link readManyTasks} read, how, and at what cost. */
export interface ManyTaskRecords {
    /** Records per task id; every task asked for has an entry (empty when not visible). */
    readonly records: ReadonlyMap<string, readonly PurgeTask[]>;
    readonly apiCalls: number;
    /** "probe": the newest records were read for tasks without `since` (see {@link probeNewest}). */
    readonly plan: "byId" | "range" | "probe";
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

/** How {@link readManyTasks} may look for tasks whose `since` is not known. */
export interface ProbeOptions {
    /**
     * The start (API time) of a newest-first range read for the tasks without `since`: the tasks being waited on
     * are usually among the account's newest records, so the first page or two often holds them all.
     */
    readonly probeSince?: string;
}

/** API times sort as text: the earliest of some. */
const earliestTime = (times: ReadonlyArray<string | null | undefined>): string | undefined =>
    times.filter((t): t is string => !!t).sort()[0];

/**
 * Whether a newest-first read that has read `pagesRead` pages and found `found` of the tasks may read one more
 * page without the round possibly costing more than one call per task: the tasks still missing are read by id
 * afterwards, so a page is only worth its call while the pages so far have found at least one task each. The
 * first page is the probe itself and is always read.
 *
 * @example
 * mayReadAnotherPage(1, 0); // false: the first page found none of ours, read them by id
 * mayReadAnotherPage(1, 40); // true
 */
export function mayReadAnotherPage(pagesRead: number, found: number): boolean {
    return pagesRead === 0 || pagesRead < found;
}

/**
 * Reads many tasks at once. Tasks without `since`, and tasks the range answer did not list (not visible yet,
 * or created before their `since`), are read by id. With `probeSince` and two or more tasks without `since`,
 * the account's newest records are read first (see {@link probeNewest}), so tasks this process did not submit
 * can share a read too.
 *
 * @example
 * const { records, apiCalls, rangeTotal } = await readManyTasks(api, tasks, signal, lastRangeTotal);
 */
export async function readManyTasks(
    api: PurgeApi, tasks: readonly TaskToRead[], signal?: AbortSignal, lastRangeTotal?: number, probe: ProbeOptions = {},
): Promise<ManyTaskRecords> {
    const wanted = new Set(tasks.map((t) => t.taskId));
    const sinces = tasks.map((t) => t.since).filter((s): s is string => s !== undefined).sort();
    const unknown = tasks.length - sinces.length;
    if (probe.probeSince !== undefined && unknown >= 2) {
        const start = earliestTime([probe.probeSince, ...sinces])!;
        const probed = await probeNewest(api, wanted, start, signal);
        return finishById(api, wanted, probed.found, probed.apiCalls, "probe", undefined, signal);
    }
    let plan: "byId" | "range" = chooseReadPlan(sinces.length, lastRangeTotal);
    const found = new Map<string, PurgeTask[]>();
    let apiCalls = 0;
    let rangeTotal: number | undefined;
    if (plan === "range") {
        const seen = new Set<string>();
        let received = 0;
        // API times sort as text, so the first is the earliest.
        for await (const page of iteratePages(api, { startTime: sinces[0], endTime: rangeEnd(tasks) }, { signal })) {
            apiCalls += 1;
            received += page.purgeLogs.length;
            rangeTotal = page.totalCount ?? received;
            if (apiCalls === 1 && page.totalCount !== null && rangePages(page.totalCount) >= wanted.size) {
                plan = "byId"; // The range is busier than our tasks: one call per task is cheaper from here on.
                break;
            }
            collect(page.purgeLogs, wanted, seen, found);
        }
    }
    return finishById(api, wanted, found, apiCalls, plan, rangeTotal, signal);
}

/** Adds the records of wanted tasks to `found`, each record once. */
function collect(records: readonly PurgeTask[], wanted: ReadonlySet<string>, seen: Set<string>,
    found: Map<string, PurgeTask[]>): void {
    for (const record of records) {
        // Newest records come first, so one submitted while we page shifts the rest by one: the same record can
        // show on two pages. Count it once.
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

/** Reads by id every wanted task that `found` lacks, and puts the answer together. */
async function finishById(api: PurgeApi, wanted: ReadonlySet<string>, found: ReadonlyMap<string, readonly PurgeTask[]>,
    apiCalls: number, plan: ManyTaskRecords["plan"], rangeTotal: number | undefined, signal?: AbortSignal,
): Promise<ManyTaskRecords> {
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

/**
 * Reads the records created since `startTime`, newest first, one page at a time, and stops as soon as every
 * wanted task has been found and a page has ended on a record older than all of them (the API lists newest
 * first, so nothing of theirs can follow), or when {@link mayReadAnotherPage} says another page could make the
 * round dearer than reading by id. Only tasks known to be complete are returned: a task whose records may go
 * on past the last page read is left out, to be read by id.
 *
 * @example
 * const { found, apiCalls } = await probeNewest(api, new Set(["1533", "1534"]), "2026-11-28 10:00:00");
 */
export async function probeNewest(api: PurgeApi, wanted: ReadonlySet<string>, startTime: string, signal?: AbortSignal,
): Promise<{ readonly found: ReadonlyMap<string, readonly PurgeTask[]>; readonly apiCalls: number }> {
    const found = new Map<string, PurgeTask[]>();
    const seen = new Set<string>();
    let apiCalls = 0;
    let oldestListed: string | undefined;
    let ended = true;
    // One page in flight at a time: the next page is only asked for when it is worth its call.
    for await (const page of iteratePages(api, { startTime }, { signal, lookahead: 1 })) {
        apiCalls += 1;
        collect(page.purgeLogs, wanted, seen, found);
        oldestListed = earliestTime([oldestListed, ...page.purgeLogs.map((r) => r.createTime)]) ?? oldestListed;
        const oldestOurs = earliestTime([...found.values()].flat().map((r) => r.createTime));
        const passedOurs = oldestListed !== undefined && oldestOurs !== undefined && oldestListed < oldestOurs;
        if (found.size === wanted.size && passedOurs) {
            break;
        }
        if (!mayReadAnotherPage(apiCalls, found.size)) {
            ended = false;
            break;
        }
    }
    if (!ended && oldestListed !== undefined) {
        // Stopped early: a task created in the last listed second may have more records on the next page.
        for (const [taskId, list] of found) {
            if (list.some((r) => r.createTime === null || r.createTime <= oldestListed!)) {
                found.delete(taskId);
            }
        }
    }
    return { found, apiCalls };
}
