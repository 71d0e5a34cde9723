/**
 * EdgeOne's {@link JobReader} for the shared poller: the jobs of one zone, found in one time range of the zone's
 * tasks (1,000 a page) where that costs fewer calls than one `job-id` query per job, else read by id. The range
 * starts at the earliest `since` of the jobs; jobs with no known time (ids from elsewhere, before their first
 * sight) are looked for among the zone's tasks of the last day. A page is read only while the pages so far found
 * at least as many jobs as they cost, so a round never costs more than one call beyond reading every job by id;
 * a job the range did not list whole is read by id.
 */
import { JobReader, mayReadAnotherPage } from "../wait";
import { formatIsoApiTime } from "../base/isoTime";
import { EDGEONE_MAX_LIMIT, readAllEdgeOnePages } from "./paging";
import { EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing } from "./types";

/** How far back jobs of unknown time are looked for. */
const LOOKBACK_MS = 24 * 60 * 60_000;
const pages = (total: number): number => Math.max(1, Math.ceil(total / EDGEONE_MAX_LIMIT));

/**
 * The reader of a zone's jobs.
 *
 * @example
 * new CoalescingPoller({ reader: edgeOneJobReader(client, zoneId), records: EDGEONE_RECORDS, clock, sleep, random });
 */
export function edgeOneJobReader<T extends EdgeOneTask = EdgeOnePurgeTask>(api: EdgeOneTaskListing<T>, zoneId: string): JobReader<T> {
    return {
        async read(jobs, hints, signal) {
            const wanted = new Set(jobs.map((j) => j.taskId));
            const sinces = jobs.map((j) => j.since).filter((s): s is string => s !== undefined).sort();
            const unknown = jobs.length - sinces.length;
            const found = new Map<string, T[]>();
            let apiCalls = 0;
            let rangeTotal: number | undefined;
            const start = unknown >= 2 ? formatIsoApiTime(new Date(hints.now - LOOKBACK_MS))
                : sinces.length >= 2 && (hints.lastRangeTotal === undefined || pages(hints.lastRangeTotal) < sinces.length) ? sinces[0]
                : undefined;
            if (start !== undefined) {
                // The API needs both ends; a minute ahead covers clocks that differ a little.
                const query = { zoneId, startTime: start, endTime: formatIsoApiTime(new Date(hints.now + 60_000)) };
                let lastPageJobs = new Set<string>();
                let complete = false;
                for (let offset = 0; mayReadAnotherPage(apiCalls, found.size) && found.size < wanted.size; offset += EDGEONE_MAX_LIMIT) {
                    const page = await api.describePurgeTasks({ ...query, offset, limit: EDGEONE_MAX_LIMIT }, signal);
                    apiCalls += 1;
                    rangeTotal = page.totalCount ?? undefined;
                    lastPageJobs = new Set();
                    for (const task of page.tasks) {
                        if (task.jobId !== null && wanted.has(task.jobId)) {
                            found.set(task.jobId, [...(found.get(task.jobId) ?? []), task]);
                            lastPageJobs.add(task.jobId);
                        }
                    }
                    if (page.tasks.length < EDGEONE_MAX_LIMIT || (page.totalCount !== null && offset + EDGEONE_MAX_LIMIT >= page.totalCount)) {
                        complete = true;
                        break;
                    }
                }
                if (!complete) {
                    // Cut short: a job on the last page read may go on on the next one.
                    lastPageJobs.forEach((id) => found.delete(id));
                }
            }
            const records = new Map<string, readonly T[]>();
            for (const jobId of wanted) {
                const listed = found.get(jobId);
                if (listed) {
                    records.set(jobId, listed);
                } else {
                    const read = await readAllEdgeOnePages(api, { zoneId, filters: [{ name: "job-id", values: [jobId] }] }, { signal });
                    apiCalls += read.requestIds.length;
                    records.set(jobId, read.tasks);
                }
            }
            return { records, apiCalls, rangeTotal };
        },
    };
}
