/**
 * Checks `edgeone.getPurgeTasks` arguments and turns them into a DescribePurgeTasks query, before any request:
 * a zone id, a time range (or a job id), the filters with as many values as each takes, offset and limit.
 */
import { EDGEONE_GET_PURGE_TASKS } from "./description";
import { validateInputs } from "../description";
import { formatIsoApiTime } from "../base/isoTime";
import { EdgeOneFilter, EdgeOneTaskQuery } from "./types";
import { InvalidArgumentError } from "../description/validation";

/**
 * The query for `args`, checked by the function's one description first; throws an {@link InvalidArgumentError}
 * naming the argument and what is valid.
 *
 * @example
 * toEdgeOneQuery({ zoneId: "zone-2noz78a8ev6k", startTime: new Date(Date.now() - 3600e3), statuses: ["failed"] });
 */
export function toEdgeOneQuery(args: unknown, now: () => Date = () => new Date()): EdgeOneTaskQuery {
    const a = validateInputs(EDGEONE_GET_PURGE_TASKS, (args ?? {}) as Record<string, unknown>);
    const one = (v: string | undefined) => (v === undefined ? undefined : [v]);
    const filters: EdgeOneFilter[] = [];
    const add = (name: EdgeOneFilter["name"], values: readonly string[] | undefined) => values && filters.push({ name, values });
    add("job-id", one(a.jobId));
    add("target", one(a.target));
    add("domains", a.domains);
    add("statuses", a.statuses);
    add("type", one(a.type));
    const { startTime, zoneId, offset, limit } = a;
    // The API needs both ends of a range: a range given only its start runs up to now.
    const endTime = a.endTime ?? (startTime !== undefined ? formatIsoApiTime(now()) : undefined);
    if (zoneId === undefined) {
        throw new InvalidArgumentError("zoneId", "must be known before the tasks are read");
    }
    return { zoneId, startTime, endTime, filters, offset, limit };
}

/**
 * True when the query asks for one page (`offset` or `limit` given), false when every page is wanted.
 *
 * @example
 * isOneEdgeOnePage({ zoneId, limit: 50 }); // true
 */
export function isOneEdgeOnePage(query: EdgeOneTaskQuery): boolean {
    return query.offset !== undefined || query.limit !== undefined;
}
