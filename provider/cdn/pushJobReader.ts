/**
 * The shared poller's reader of push tasks: many at once from one time range of DescribePushTasks (100 records a
 * page) where that costs fewer calls than one query per task, else by id. The range starts at the earliest `since`
 * of the tasks; a page is read only while the pages so far found at least as many tasks as they cost, so a round
 * never costs more than one call beyond reading every task by id; a task the range did not list whole is read by id.
 */
import { JobReader, mayReadAnotherPage } from "../wait";
import { formatApiTime } from "../base/time";
import { PUSH_PAGE_SIZE, readAllPushPages } from "./pushPaging";
import { PushApi, PushTask } from "./pushTypes";

const pages = (total: number): number => Math.max(1, Math.ceil(total / PUSH_PAGE_SIZE));

/**
 * The reader of an account's push tasks.
 *
 * @example
 * new CoalescingPoller({ reader: pushJobReader(client), records: PUSH_RECORDS, clock, sleep, random });
 */
export function pushJobReader(api: PushApi): JobReader<PushTask> {
    return {
        async read(jobs, hints, signal) {
            const wanted = new Set(jobs.map((j) => j.taskId));
            const sinces = jobs.map((j) => j.since).filter((s): s is string => s !== undefined).sort();
            const found = new Map<string, PushTask[]>();
            let apiCalls = 0;
            let rangeTotal: number | undefined;
            if (sinces.length >= 2 && (hints.lastRangeTotal === undefined || pages(hints.lastRangeTotal) < sinces.length)) {
                // A minute ahead covers clocks that differ a little.
                const query = { startTime: sinces[0], endTime: formatApiTime(new Date(hints.now + 60_000)) };
                let lastPageTasks = new Set<string>();
                let complete = false;
                for (let offset = 0; mayReadAnotherPage(apiCalls, found.size) && found.size < wanted.size; offset += PUSH_PAGE_SIZE) {
                    const page = await api.describePushTasks({ ...query, offset, limit: PUSH_PAGE_SIZE }, signal);
                    apiCalls += 1;
                    rangeTotal = page.totalCount ?? undefined;
                    lastPageTasks = new Set();
                    for (const record of page.pushLogs) {
                        if (record.taskId !== null && wanted.has(record.taskId)) {
                            found.set(record.taskId, [...(found.get(record.taskId) ?? []), record]);
                            lastPageTasks.add(record.taskId);
                        }
                    }
                    if (page.pushLogs.length < PUSH_PAGE_SIZE || (page.totalCount !== null && offset + PUSH_PAGE_SIZE >= page.totalCount)) {
                        complete = true;
                        break;
                    }
                }
                if (!complete) {
                    // Cut short: a task on the last page read may go on on the next one.
                    lastPageTasks.forEach((id) => found.delete(id));
                }
            }
            const records = new Map<string, readonly PushTask[]>();
            for (const taskId of wanted) {
                const listed = found.get(taskId);
                if (listed) {
                    records.set(taskId, listed);
                } else {
                    const read = await readAllPushPages(api, { taskId }, { signal });
                    apiCalls += read.requestIds.length;
                    records.set(taskId, read.pushLogs);
                }
            }
            return { records, apiCalls, rangeTotal };
        },
    };
}
