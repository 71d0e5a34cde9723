/**
 * One API client per distinct connection in a process, for any product, so keep-alive sockets are reused. The
 * cache lives only in memory.
 */
import { ConfigSource, ConnectionInput, ConnectionSettings, resolveConnection } from "../client/connection";

/** A product's client for a connection resolved from explicit values, then `config`, then the environment. */
export type ClientFor<C> = (explicit?: ConnectionInput | null, config?: ConfigSource, env?: NodeJS.ProcessEnv) => C;

/**
 * A cache of one product's clients, made by `make` on first use of each connection.
 *
 * @example
 * export const clientFor = clientCache((settings) => new PurgeClient(settings));
 * const client = clientFor({}, { get: (k) => pulumi.runtime.getConfig(k) });
 */
export function clientCache<C>(make: (settings: ConnectionSettings) => C): ClientFor<C> {
    const clients = new Map<string, C>();
    return (explicit = {}, config, env = process.env) => {
        const settings = resolveConnection(explicit, config, env);
        // In memory only: the identity of the credentials holds their keys, so two connections never share a client by mistake.
        const key = JSON.stringify({ ...settings, credentials: settings.credentials.identity });
        let client = clients.get(key);
        if (!client) {
            client = make(settings);
            clients.set(key, client);
        }
        return client;
    };
}
