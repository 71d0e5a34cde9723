/**
 * What every reading function of the package shares around its records: `offset` and `limit` for one page
 * (without both it reads every page), and with the records how many match and the RequestIds of the reads.
 */
import { Properties, PropertySpec } from "./property";
import { REQUEST_IDS } from "./requestIds";

/**
 * `offset` and `limit`, of `record`s (`record`, `task`); `limitNote` adds to the limit's description.
 *
 * @example
 * inputs: { taskId, ...pageInputs("record", 1000) }
 */
export function pageInputs(record: string, maxLimit: number, limitNote = "") {
    return {
        offset: { type: "integer", min: 0, max: Number.MAX_SAFE_INTEGER,
            description: `The first ${record} of the one page to return.`, example: "0" },
        limit: { type: "integer", min: 1, max: maxLimit,
            description: `${record[0].toUpperCase()}${record.slice(1)}s in the one page${limitNote}.`, example: "100" },
    } as const satisfies Properties;
}

/**
 * A reading function's outputs: its records under `name`, how many match, and the RequestIds.
 *
 * @example
 * outputs: listingOutputs("pushLogs", PUSH_LOGS, "record")
 */
export function listingOutputs<N extends string, P extends PropertySpec>(name: N, records: P, record: string) {
    return {
        ...{ [name]: { ...records, required: true, description: `The matching ${record}s.` } } as { readonly [K in N]: P & { readonly required: true } },
        totalCount: { type: "integer", required: true,
            description: `Matching ${record}s in all; when the API gives no count, the number of ${record}s read.`, example: "2" },
        ...REQUEST_IDS,
    } as const;
}
