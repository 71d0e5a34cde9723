/**
 * What the dynamic-provider host loads: the serialized providers in the state only hold this module's path
 * and a resource kind, and call through here. Keeping the implementation out of the serialized text keeps
 * the state small and free of anything captured by accident.
 */
import { cancelHostOperations } from "./engine/cancellation";
import { inDynamicProviderHost, listenForEngineCancel } from "./engine/cancelListener";
import { configureHost } from "./engine/hostConfig";
import { purgeProvider } from "./cdn/purgeProvider";
import { waiterProvider } from "./cdn/waiterProvider";
import { edgeOnePurgeProvider } from "./edgeone/purgeProvider";
import { edgeOneWaiterProvider } from "./edgeone/waiterProvider";
import { edgeOnePrefetchProvider } from "./edgeone/prefetchProvider";
import { edgeOnePrefetchWaiterProvider } from "./edgeone/prefetchWaiterProvider";
import { pushProvider } from "./cdn/pushProvider";
import { pushWaiterProvider } from "./cdn/pushWaiterProvider";
import type { ResourceKind } from "./products";

/**
 * Called once per provider the host deserializes, with the stack's config.
 *
 * @example
 * await configure({ config: { get: (key) => stackConfig[key] } });
 */
export const configure = configureHost;

// Loaded on the host's first call, when its gRPC server is already serving: from then on a Cancel from the
// engine stops every wait in the host.
if (inDynamicProviderHost()) {
    listenForEngineCancel(cancelHostOperations);
}

/**
 * Stops every wait in this host: for a provider plugin that serves the engine's Cancel request itself.
 *
 * @example
 * server.addService(ResourceProviderService, { cancel: (_call, done) => { cancel(); done(null, new Empty()); }, ... });
 */
export const cancel = cancelHostOperations;

/**
 * The providers by resource kind.
 *
 * @example
 * await providers.urlPurge.create({ urls: ["https://www.example.com/"] });
 */
export const providers: Record<ResourceKind, ReturnType<typeof waiterProvider | typeof purgeProvider>> = {
    waiter: waiterProvider(),
    urlPurge: purgeProvider("url"),
    pathPurge: purgeProvider("path"),
    edgeOnePurge: edgeOnePurgeProvider(),
    edgeOneWaiter: edgeOneWaiterProvider(),
    edgeOnePrefetch: edgeOnePrefetchProvider(),
    edgeOnePrefetchWaiter: edgeOnePrefetchWaiterProvider(),
    urlPush: pushProvider(),
    pushWaiter: pushWaiterProvider(),
};

export type { ResourceKind } from "./products";
