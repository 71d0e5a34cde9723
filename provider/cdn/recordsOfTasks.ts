/**
 * Reading the records of the tasks being waited on: one task by id, or many at once by whichever of
 * "one query per task id", "one time-range query for all" and "a few ranges around tasks read by id" costs
 * fewer API calls, never more than one call beyond one per task.
 */
import { DEFAULT_PAGE_SIZE, iteratePages, readAllPages, recordKey } from "./paging";
import { earliestApiTime } from "../base/time";
import { mayReadAnotherPage, readRestById, TaskToRead } from "../wait";
import { PurgeApi, PurgeTask } from "./types";

/**
 * Every record of one task (a task with many URLs has many records), all pages.
 *
 * @example
 * const check: PurgeCheck = (signal) => readRecordsOfTask(api, "1533", signal);
 */
export async function readRecordsOfTask(api: PurgeApi, taskId: string, signal?: AbortSignal): Promise<readonly PurgeTask[]> {
    return (await readAllPages(api, { taskId }, { signal })).purgeLogs;
}

/**
 * Every record of several tasks (the batches of one purge), read by id.
 *
 * @example
 * const records = await readRecordsOfTasks(api, ["1533", "1534"], signal);
 */
export async function readRecordsOfTasks(api: PurgeApi, taskIds: readonly string[], signal?: AbortSignal): Promise<PurgeTask[]> {
    return (await Promise.all(taskIds.map((taskId) => readRecordsOfTask(api, taskId, signal)))).flat();
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
    /** "locate": tasks without `since` were looked for around the ones read by id (see {@link locateTasks}). */
    readonly plan: "byId" | "range" | "locate";
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
    /** The earliest time (API time) to look for tasks without `since` at (see {@link locateTasks}). */
    readonly probeSince?: string;
}


/**
 * Reads many tasks at once. Tasks without `since`, and tasks the range answer did not list (not visible yet,
 * or created before their `since`), are read by id. With `probeSince` and two or more tasks without `since`,
 * they are looked for by time around the ones read by id (see {@link locateTasks}), so tasks this process did not
 * submit share reads too.
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
        const located = await locateTasks(api, wanted, earliestApiTime([probe.probeSince, ...sinces])!, signal);
        return { records: located.records, apiCalls: located.apiCalls, plan: "locate" };
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
    const rest = await readRestById(wanted, found, async (taskId, s) => {
        const read = await readAllPages(api, { taskId }, { signal: s });
        return { records: read.purgeLogs, apiCalls: read.requestIds.length };
    }, signal);
    return { records: rest.records, apiCalls: apiCalls + rest.apiCalls, plan, rangeTotal };
}

/**
 * Finds tasks whose CreateTime is not known (ids submitted elsewhere). The API lists a time range newest first, so
 * once one task's CreateTime is known (read by id), the tasks created just before it are on the first page of the
 * range that ends there, and those created after it on the first page of the range that starts there (unless
 * newer purges of others bury them). So: read one task by id, read the range below it and the range above it; then
 * read another task not found yet by id, and the range between it and the nearest time known below (or from
 * `floor` when it is the earliest); and so on. A range is read page by page only while the pages have found at
 * least as many tasks as they cost ({@link mayReadAnotherPage}), and stops once its pages pass the tasks they
 * found; a task whose records may go on past the last page read is read by id. Returns every task asked for.
 *
 * @example
 * const { records, apiCalls } = await locateTasks(api, new Set(["1533", "1534"]), "2026-11-28 10:00:00");
 */
export async function locateTasks(api: PurgeApi, wanted: ReadonlySet<string>, floor: string, signal?: AbortSignal,
): Promise<{ readonly records: ReadonlyMap<string, readonly PurgeTask[]>; readonly apiCalls: number }> {
    const found = new Map<string, PurgeTask[]>();
    const remaining = new Set(wanted);
    const seen = new Set<string>();
    const known: string[] = [];
    let apiCalls = 0;
    let pages = 0;
    let foundByPages = 0;

    const sweep = async (startTime: string, endTime?: string): Promise<void> => {
        const here = new Set<string>();
        let oldestListed: string | undefined;
        let listed = 0;
        let complete = true;
        // Found here for sure: every record of the task is newer than the last one listed, so none can follow.
        const surelyHere = () => [...here].filter((id) => found.get(id)!.every((r) => r.createTime !== null &&
            oldestListed !== undefined && r.createTime > oldestListed)).length;
        if (!mayReadAnotherPage(pages, foundByPages)) {
            return;
        }
        for await (const page of iteratePages(api, { startTime, endTime }, { signal, lookahead: 1 })) {
            apiCalls += 1;
            pages += 1;
            listed += page.purgeLogs.length;
            const before = here.size;
            // A task found on an earlier page of this range may go on on this one.
            collect(page.purgeLogs, new Set([...remaining, ...here]), seen, found);
            for (const taskId of found.keys()) {
                if (remaining.delete(taskId)) {
                    here.add(taskId);
                }
            }
            oldestListed = earliestApiTime([oldestListed, ...page.purgeLogs.map((r) => r.createTime)]) ?? oldestListed;
            const oldestHere = earliestApiTime([...here].flatMap((id) => found.get(id)!.map((r) => r.createTime)));
            const tail = page.purgeLogs[page.purgeLogs.length - 1];
            // The page ends on someone else's record older than every task found here: nothing of theirs follows.
            const passed = tail !== undefined && !here.has(tail.taskId ?? "") && oldestHere !== undefined &&
                (tail.createTime ?? "") < oldestHere;
            const lastPage = page.totalCount !== null && listed >= page.totalCount;
            if (passed || lastPage) {
                break;
            }
            if (here.size === before || remaining.size === 0 || !mayReadAnotherPage(pages, foundByPages + surelyHere())) {
                complete = false;
                break;
            }
        }
        if (!complete && oldestListed !== undefined) {
            // Cut short: a task created in the last listed second may have more records on the next page.
            for (const taskId of here) {
                const list = found.get(taskId)!;
                if (list.some((r) => r.createTime === null || r.createTime <= oldestListed!)) {
                    list.forEach((r) => seen.delete(recordKey(r)));
                    found.delete(taskId);
                    here.delete(taskId);
                    remaining.add(taskId);
                }
            }
        }
        foundByPages += here.size;
    };

    while (remaining.size > 0) {
        const taskId = remaining.values().next().value as string;
        remaining.delete(taskId);
        const read = await readAllPages(api, { taskId }, { signal });
        apiCalls += read.requestIds.length;
        found.set(taskId, read.purgeLogs);
        const created = earliestApiTime(read.purgeLogs.map((r) => r.createTime));
        if (created === undefined || remaining.size === 0) {
            continue;
        }
        const below = known.filter((k) => k < created).pop();
        const above = known.find((k) => k > created);
        const first = known.length === 0;
        known.push(created);
        known.sort();
        if (below === undefined) {
            await sweep(floor, created);
        } else if (above === undefined) {
            await sweep(below, created);
        }
        if (first && remaining.size > 0) {
            await sweep(created);
        }
    }
    return { records: found, apiCalls };
}
