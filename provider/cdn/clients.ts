/**
 * The CDN's clients: one per connection in a process, and the provider host's, from the stack config that
 * `configure` kept or the host's environment.
 */
import { clientCache } from "../engine/clientCache";
import { hostConfig } from "../engine/hostConfig";
import { PurgeClient } from "./client";
import { PurgeApi } from "./types";
import { PushApi } from "./pushTypes";

/**
 * The CDN client for a connection resolved from explicit values, then `config`, then the environment.
 *
 * @example
 * const client = clientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export const clientFor = clientCache((settings) => new PurgeClient(settings));

/**
 * The provider host's CDN client. Resources take no connection option: only stack config and the environment apply.
 *
 * @example
 * const page = await hostApi().describePurgeTasks({ taskId: "1533" });
 */
export function hostApi(): PurgeApi {
    return clientFor(null, hostConfig());
}

/**
 * The provider host's CDN client for pushes (prefetch): the same client, and so the same rate limits, as purges.
 *
 * @example
 * const quota = await hostPushApi().describePushQuota();
 */
export function hostPushApi(): PushApi {
    return clientFor(null, hostConfig());
}
