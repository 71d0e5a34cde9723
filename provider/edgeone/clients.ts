/**
 * EdgeOne's clients: one per connection in a process, and the provider host's, from the same stack config or
 * environment as the CDN's.
 */
import { clientCache } from "../engine/clientCache";
import { hostConfig } from "../engine/hostConfig";
import { EdgeOneClient } from "./client";
import { EdgeOneApi, EdgeOnePrefetchApi } from "./types";

/**
 * The EdgeOne client for a connection resolved from explicit values, then `config`, then the environment.
 *
 * @example
 * const client = edgeOneClientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export const edgeOneClientFor = clientCache((settings) => new EdgeOneClient(settings));

/**
 * The provider host's EdgeOne client.
 *
 * @example
 * const quota = await hostEdgeOneApi().describeContentQuota("zone-2noz78a8ev6k");
 */
export function hostEdgeOneApi(): EdgeOneApi {
    return edgeOneClientFor(null, hostConfig());
}

/**
 * The provider host's EdgeOne client, for prefetches (the same client as {@link hostEdgeOneApi}'s).
 *
 * @example
 * const quota = await hostEdgeOnePrefetchApi().describePrefetchQuota("zone-2noz78a8ev6k");
 */
export function hostEdgeOnePrefetchApi(): EdgeOnePrefetchApi {
    return edgeOneClientFor(null, hostConfig());
}
