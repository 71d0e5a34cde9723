/**
 * The provider host's connection. The engine hands the stack's config to `configure`; it is kept here, in
 * the host's memory only, never in anything that is serialized into the state.
 */
import { ConfigSource } from "../client/connection";

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
 * The stack config `configure` kept, or undefined before it (a host started without a Configure call): the
 * products' clients then resolve their connection from the environment.
 *
 * @example
 * const client = clientFor(null, hostConfig());
 */
export function hostConfig(): ConfigSource | undefined {
    return stackConfig;
}
