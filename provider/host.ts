/**
 * What the dynamic-provider host loads: the serialized providers in the state only hold this module's path
 * and a resource kind, and call through here. Keeping the implementation out of the serialized text keeps
 * the state small and free of anything captured by accident.
 */
import { configureHost } from "./resources/hostConfig";
import { purgeProvider } from "./resources/purgeProvider";
import { waiterProvider } from "./resources/waiterProvider";

/**
 * Called once per provider the host deserializes, with the stack's config.
 *
 * @example
 * await configure({ config: { get: (key) => stackConfig[key] } });
 */
export const configure = configureHost;

/**
 * The providers by resource kind.
 *
 * @example
 * await providers.urlPurge.create({ urls: ["https://www.example.com/"] });
 */
export const providers = {
    waiter: waiterProvider(),
    urlPurge: purgeProvider("url"),
    pathPurge: purgeProvider("path"),
};

export type ResourceKind = keyof typeof providers;
