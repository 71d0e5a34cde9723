/**
 * Importing EdgeOne resources through the provider plugin (`pulumi import`, or the `import` option). The engine's
 * Read gives only the import id, and EdgeOne lists a job only within its zone, so the id carries both:
 * `<zoneId>/<jobId>`. The records read here give the imported resource its inputs and state; nothing is submitted.
 */
import { EDGEONE_PURGE_TASK_WAITER } from "./description";
import { validateInputs } from "../description";
import { InvalidArgumentError } from "../description/validation";
import { EdgeOnePurgeTask, EdgeOneTask, EdgeOneTaskListing } from "./types";
import { readJobsTasks } from "./paging";
import { hostCancelSignal } from "../engine/cancellation";

/** The form of an EdgeOne import id, as errors and docs show it. */
export const EDGEONE_IMPORT_ID_FORM = "<zoneId>/<jobId>, e.g. zone-2noz78a8ev6k/1379afjk91u32h";

/**
 * The zone and job an EdgeOne import id names; throws saying the form when it is not `<zoneId>/<jobId>`.
 *
 * @example
 * parseEdgeOneImportId("edgeone.PurgeTaskWaiter", "zone-2noz78a8ev6k/1379afjk91u32h"); // { zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" }
 */
export function parseEdgeOneImportId(resource: string, id: string): { zoneId: string; jobId: string } {
    const slash = id.indexOf("/");
    const [zoneId, jobId] = slash < 0 ? ["", id] : [id.slice(0, slash), id.slice(slash + 1)];
    const refuse = (why: string) => new Error(`cannot import ${resource} ${JSON.stringify(id)}: ${why}; ` +
        `an EdgeOne import id carries the zone: ${EDGEONE_IMPORT_ID_FORM}`);
    if (zoneId === "" || jobId === "" || jobId.includes("/")) {
        throw refuse(slash < 0 ? "the id has no zone" : "the id is not a zone and a job id joined by one /");
    }
    try {
        validateInputs(EDGEONE_PURGE_TASK_WAITER, { zoneId, jobId });
    } catch (e) {
        throw e instanceof InvalidArgumentError ? refuse(e.message) : e;
    }
    return { zoneId, jobId };
}

/**
 * The zone, the job and its tasks for an EdgeOne import id, read from `listing` (the client for purges,
 * `prefetchListing(client)` for prefetches); throws when the id is malformed or the zone lists no such job (records expire).
 *
 * @example
 * const { zoneId, jobId, tasks } = await readImportedJob("edgeone.Purge", "zone-2noz78a8ev6k/1379afjk91u32h", hostEdgeOneApi());
 */
export async function readImportedJob<T extends EdgeOneTask = EdgeOnePurgeTask>(resource: string, id: string,
    listing: EdgeOneTaskListing<T>):
    Promise<{ zoneId: string; jobId: string; tasks: readonly T[] }> {
    const { zoneId, jobId } = parseEdgeOneImportId(resource, id);
    const tasks = await readJobsTasks(listing, zoneId, [jobId], hostCancelSignal());
    if (tasks.length === 0) {
        throw new Error(`cannot import ${resource} ${JSON.stringify(id)}: zone ${zoneId} lists no job ${jobId} (records ` +
            "expire after some days); import by the zone and the JobId the API returned");
    }
    return { zoneId, jobId, tasks };
}
