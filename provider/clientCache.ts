/**
 * One {@link PurgeClient} per distinct connection in a process, so keep-alive sockets are reused. The cache
 * lives only in memory.
 */
import { ConfigSource, ConnectionInput, resolveConnection } from "./connection";
import { PurgeClient } from "./client";

const clients = new Map<string, PurgeClient>();

/**
 * The client for a connection resolved from explicit values, then `config`, then the environment.
 *
 * @example
 * const client = clientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export function clientFor(explicit: ConnectionInput | null = {}, config?: ConfigSource, env: NodeJS.ProcessEnv = process.env): PurgeClient {
    const settings = resolveConnection(explicit, config, env);
    // In memory only: the identity of the credentials holds their keys, so two connections never share a client by mistake.
    const key = JSON.stringify({ ...settings, credentials: settings.credentials.identity });
    let client = clients.get(key);
    if (!client) {
        client = new PurgeClient(settings);
        clients.set(key, client);
    }
    return client;
}
