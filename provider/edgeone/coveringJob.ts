/**
 * The job of a zone whose tasks cover some items, in either listing (purges, prefetches): what a batch in doubt
 * is looked for by. A job shows one task per target, so the job that took the batch lists every item of it.
 */
import { jobsCovering } from "../resources/inDoubtLookup";
import { readAllEdgeOnePages, readJobTasks } from "./paging";
import { EdgeOneTask, EdgeOneTaskListing, EdgeOneTaskQuery } from "./types";

/**
 * Every job `query` lists whose tasks cover exactly `items` (read whole, job by job; with `mayListMore`, `items`
 * and more), or every job `query` lists when there are no items (a whole-zone purge); none when none does.
 *
 * @example
 * await findCoveringJobs(prefetchListing(client), { zoneId, startTime, endTime, filters: [{ name: "target", values: [urls[0]] }] }, urls);
 */
export async function findCoveringJobs<T extends EdgeOneTask>(api: EdgeOneTaskListing<T>, query: EdgeOneTaskQuery, items: readonly string[],
    signal?: AbortSignal, mayListMore = false): Promise<string[]> {
    const { tasks } = await readAllEdgeOnePages(api, query, { signal });
    const candidates = [...new Set(tasks.map((t) => t.jobId).filter((j): j is string => !!j))];
    if (items.length === 0) {
        return candidates;
    }
    const found: string[] = [];
    for (const jobId of candidates) {
        found.push(...jobsCovering(await readJobTasks(api, query.zoneId, jobId, signal), items, (t) => t.target, (t) => t.jobId, mayListMore));
    }
    return found;
}
