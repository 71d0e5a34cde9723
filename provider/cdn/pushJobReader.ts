/**
 * The shared poller's reader of push tasks: many at once from one time range of DescribePushTasks (100 records a
 * page) where that costs fewer calls than one query per task, else by id (the core's `readRangeThenById`). The range
 * starts at the earliest `since` of the tasks.
 */
import { JobReader, rangeStartOf, readRangeThenById } from "../wait";
import { formatApiTime } from "../base/time";
import { PUSH_PAGE_SIZE, readAllPushPages } from "./pushPaging";
import { PushApi, PushTask } from "./pushTypes";

/**
 * The reader of an account's push tasks.
 *
 * @example
 * new CoalescingPoller({ reader: pushJobReader(client), records: PUSH_RECORDS, clock, sleep, random });
 */
export function pushJobReader(api: PushApi): JobReader<PushTask> {
    return {
        read(jobs, hints, signal) {
            const start = rangeStartOf(jobs, hints, PUSH_PAGE_SIZE);
            // A minute ahead covers clocks that differ a little.
            const endTime = formatApiTime(new Date(hints.now + 60_000));
            return readRangeThenById<PushTask>(jobs, {
                pageSize: PUSH_PAGE_SIZE,
                rangePage: start === undefined ? undefined : async (offset, s) => {
                    const page = await api.describePushTasks({ startTime: start, endTime, offset, limit: PUSH_PAGE_SIZE }, s);
                    return { records: page.pushLogs, totalCount: page.totalCount };
                },
                jobOf: (r) => r.taskId,
                readById: async (taskId, s) => {
                    const read = await readAllPushPages(api, { taskId }, { signal: s });
                    return { records: read.pushLogs, apiCalls: read.requestIds.length };
                },
            }, signal);
        },
    };
}
