/**
 * One {@link PurgeClient} (and one {@link EdgeOneClient}) per distinct connection in a process, so keep-alive sockets are reused. The cache
 * lives only in memory.
 */
import { ConfigSource, ConnectionInput, ConnectionSettings, resolveConnection } from "../client/connection";
import { PurgeClient } from "../cdn/client";
import { EdgeOneClient } from "../edgeone/client";

const clients = new Map<string, PurgeClient>();
const edgeOneClients = new Map<string, EdgeOneClient>();

/**
 * The client for a connection resolved from explicit values, then `config`, then the environment.
 *
 * @example
 * const client = clientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export function clientFor(explicit: ConnectionInput | null = {}, config?: ConfigSource, env: NodeJS.ProcessEnv = process.env): PurgeClient {
    return cached(clients, (s) => new PurgeClient(s), explicit, config, env);
}

/**
 * The EdgeOne client for a connection resolved the same way (one per connection, as for CDN).
 *
 * @example
 * const client = edgeOneClientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export function edgeOneClientFor(explicit: ConnectionInput | null = {}, config?: ConfigSource, env: NodeJS.ProcessEnv = process.env): EdgeOneClient {
    return cached(edgeOneClients, (s) => new EdgeOneClient(s), explicit, config, env);
}

function cached<C>(cache: Map<string, C>, make: (settings: ConnectionSettings) => C, explicit: ConnectionInput | null,
    config: ConfigSource | undefined, env: NodeJS.ProcessEnv): C {
    const settings = resolveConnection(explicit, config, env);
    // In memory only: the identity of the credentials holds their keys, so two connections never share a client by mistake.
    const key = JSON.stringify({ ...settings, credentials: settings.credentials.identity });
    let client = cache.get(key);
    if (!client) {
        client = make(settings);
        cache.set(key, client);
    }
    return client;
}
