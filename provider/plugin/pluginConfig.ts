/**
 * The provider's configuration as the engine sends it in Configure: the provider resource's inputs (for the
 * default provider, the stack config under `tencentcloud-purge:`), secrets unmarked. It becomes the config the
 * core's connection resolver reads, so stack config, an explicit provider and the environment work as for the
 * TypeScript resources.
 */
import { ConfigSource } from "../client/connection";
import { PACKAGE_NAME } from "./schema";

/**
 * A config source over the provider's arguments, answering `tencentcloud-purge:<name>` keys. Older engines send
 * only `variables` (`tencentcloud-purge:config:<name>`), which are used when there are no arguments.
 *
 * @example
 * const config = pluginConfig({ secretId: "AKID..." }, new Map());
 * config.get("tencentcloud-purge:secretId"); // "AKID..."
 */
export function pluginConfig(args: Record<string, unknown> | undefined, variables: ReadonlyMap<string, string>): ConfigSource {
    const prefix = `${PACKAGE_NAME}:`;
    return {
        // The engine gives a provider only its own namespace: `tencentcloud:*` never reaches the plugin.
        namespaces: [PACKAGE_NAME],
        get(key) {
            if (!key.startsWith(prefix)) {
                return undefined;
            }
            const name = key.slice(prefix.length);
            const value = args ? args[name] : variables.get(`${PACKAGE_NAME}:config:${name}`);
            if (value === undefined || value === null || value === "") {
                return undefined;
            }
            // An object setting (`assumeRole`) is handed on as it is; the connection resolver reads objects and JSON text.
            return typeof value === "object" ? value : String(value);
        },
    };
}
