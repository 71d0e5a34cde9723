/**
 * EdgeOne's {@link JobReader} for the shared poller: the jobs of one zone, read by one time-range query when that
 * costs fewer calls than one `job-id` query per job (pages of 1,000 tasks), else by id; a job the range did not
 * list (not visible yet, or older than its `since`) is read by id.
 */
import { JobReader } from "../wait";
import { formatIsoApiTime } from "./isoTime";
import { EDGEONE_MAX_LIMIT, readAllEdgeOnePages } from "./paging";
import { EdgeOneApi, EdgeOnePurgeTask } from "./types";

const pages = (total: number): number => Math.max(1, Math.ceil(total / EDGEONE_MAX_LIMIT));

/**
 * The reader of a zone's jobs.
 *
 * @example
 * new CoalescingPoller({ reader: edgeOneJobReader(client, zoneId), records: EDGEONE_RECORDS, clock, sleep, random });
 */
export function edgeOneJobReader(api: EdgeOneApi, zoneId: string): JobReader<EdgeOnePurgeTask> {
    return {
        async read(jobs, hints, signal) {
            const found = new Map<string, EdgeOnePurgeTask[]>();
            const wanted = new Set(jobs.map((j) => j.taskId));
            const sinces = jobs.map((j) => j.since).filter((s): s is string => s !== undefined).sort();
            let apiCalls = 0;
            let rangeTotal: number | undefined;
            const rangeWorthIt = sinces.length >= 2 && (hints.lastRangeTotal === undefined || pages(hints.lastRangeTotal) < sinces.length);
            if (rangeWorthIt) {
                // The API needs both ends; a minute ahead covers clocks that differ a little.
                const read = await readAllEdgeOnePages(api, { zoneId, startTime: sinces[0],
                    endTime: formatIsoApiTime(new Date(hints.now + 60_000)) }, { signal });
                apiCalls += read.requestIds.length;
                rangeTotal = read.totalCount ?? read.tasks.length;
                for (const task of read.tasks) {
                    if (task.jobId !== null && wanted.has(task.jobId)) {
                        found.set(task.jobId, [...(found.get(task.jobId) ?? []), task]);
                    }
                }
            }
            const records = new Map<string, readonly EdgeOnePurgeTask[]>();
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
