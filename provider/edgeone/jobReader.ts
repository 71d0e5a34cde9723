/**
 * EdgeOne's {@link JobReader} for the shared poller: the jobs of one zone, found in one time range of the zone's
 * tasks (1,000 a page) where that costs fewer calls than one `job-id` query per job, else read by id (the core's
 * `readRangeThenById`). The range starts at the earliest `since` of the jobs; jobs with no known time (ids from
 * elsewhere, before their first sight) are looked for among the zone's tasks of the last day.
 */
import { JobReader, rangeStartOf, readRangeThenById } from "../wait";
import { formatIsoApiTime } from "../base/isoTime";
import { EDGEONE_MAX_LIMIT, readAllEdgeOnePages } from "./paging";
import { EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing } from "./types";

/** How far back jobs of unknown time are looked for. */
const LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * The reader of a zone's jobs.
 *
 * @example
 * new CoalescingPoller({ reader: edgeOneJobReader(client, zoneId), records: EDGEONE_RECORDS, clock, sleep, random });
 */
export function edgeOneJobReader<T extends EdgeOneTask = EdgeOnePurgeTask>(api: EdgeOneTaskListing<T>, zoneId: string): JobReader<T> {
    return {
        read(jobs, hints, signal) {
            const unknown = jobs.filter((j) => j.since === undefined).length;
            const start = unknown >= 2 ? formatIsoApiTime(new Date(hints.now - LOOKBACK_MS)) : rangeStartOf(jobs, hints, EDGEONE_MAX_LIMIT);
            // The API needs both ends; a minute ahead covers clocks that differ a little.
            const endTime = formatIsoApiTime(new Date(hints.now + 60_000));
            return readRangeThenById<T>(jobs, {
                pageSize: EDGEONE_MAX_LIMIT,
                rangePage: start === undefined ? undefined : async (offset, s) => {
                    const page = await api.describePurgeTasks({ zoneId, startTime: start, endTime, offset, limit: EDGEONE_MAX_LIMIT }, s);
                    return { records: page.tasks, totalCount: page.totalCount };
                },
                jobOf: (t) => t.jobId,
                readById: async (jobId, s) => {
                    const read = await readAllEdgeOnePages(api, { zoneId, filters: [{ name: "job-id", values: [jobId] }] }, { signal: s });
                    return { records: read.tasks, apiCalls: read.requestIds.length };
                },
            }, signal);
        },
    };
}
