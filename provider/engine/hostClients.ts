/**
 * The provider host's connection. The engine hands the stack's config to `configure`; it is kept here, in
 * the host's memory only, never in anything that is serialized into the state.
 */
import { ConfigSource } from "../client/connection";
import { clientFor, edgeOneClientFor } from "./clientCache";
import { EdgeOneApi } from "../edgeone/types";
import { PurgeApi } from "../cdn/types";

let stackConfig: ConfigSource | undefined;

/**
 * Keeps the stack config for later calls.
 *
 * @example
 * await configureHost({ config: { get: (k) => undefined } });
 */
export async function configureHost(req: { config: ConfigSource }): Promise<void> {
    // A host started without a Configure call has no config bag behind `get`: fall back to the environment.
    stackConfig = {
        namespaces: req.config.namespaces,
        get: (key) => {
            try {
                return req.config.get(key);
            } catch {
                return undefined;
            }
        },
    };
}

/**
 * The API client, from stack config or the host's environment.
 *
 * @example
 * const page = await hostApi().describePurgeTasks({ taskId: "1533" });
 */
export function hostApi(): PurgeApi {
    // Resources take no connection option: only stack config and the environment apply.
    return clientFor(null, stackConfig);
}

/**
 * The EdgeOne client, from the same stack config or environment.
 *
 * @example
 * const quota = await hostEdgeOneApi().describeContentQuota("zone-2noz78a8ev6k");
 */
export function hostEdgeOneApi(): EdgeOneApi {
    return edgeOneClientFor(null, stackConfig);
}
