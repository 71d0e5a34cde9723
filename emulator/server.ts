/**
 * Starts the emulator: the core's server with every product of the registry (the CDN purge API, EdgeOne's purge
 * actions) and STS on `/`, plus `GET /healthz` and the optional control API under `/_emulator/`.
 */
import { RunningServer, ServerOptions, startServer } from "./httpServer";
import { createProducts, ProductOptions } from "./products";
import { PushQuota } from "./cdn/pushQuota";
import { PushStore } from "./cdn/pushStore";
import { PurgeQuota } from "./cdn/quota";
import { TaskStore } from "./cdn/store";
import { TeoQuota } from "./edgeone/quota";
import { TeoStore } from "./edgeone/store";

export { EMULATOR_CREDENTIALS } from "./httpServer";

/** Options of {@link startEmulator}; all optional. */
export interface EmulatorOptions extends ServerOptions, ProductOptions {
    /** The clock tasks finish, vanish and quotas reset by, and rate windows run by. Default `Date.now`. */
    readonly now?: () => number;
}

/** A started emulator. */
export interface RunningEmulator extends RunningServer {
    /** The CDN's purge tasks and quota. */
    readonly store: TaskStore;
    readonly quota: PurgeQuota;
    /** The CDN's push (prefetch) tasks and quota. */
    readonly pushes: PushStore;
    readonly pushQuota: PushQuota;
    /** EdgeOne's purge jobs, prefetch jobs and quota. */
    readonly teoStore: TeoStore;
    readonly teoPrefetchStore: TeoStore;
    readonly teoQuota: TeoQuota;
}

/**
 * Starts an emulator and resolves once it listens.
 *
 * @example
 * const emu = await startEmulator({ completeAfterMs: 500 });
 * const client = new cdn.v20180606.Client({ credential: EMULATOR_CREDENTIALS, region: "",
 *     profile: { httpProfile: { endpoint: emu.endpoint, protocol: "http://", agent: new http.Agent() } } });
 * await emu.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const now = options.now ?? Date.now;
    const products = createProducts({ ...options, now });
    const server = await startServer({ ...options, now }, products.services);
    return {
        ...server, store: products.cdn.store, quota: products.cdn.quota,
        pushes: products.cdn.pushes, pushQuota: products.cdn.pushQuota,
        teoStore: products.edgeone.store, teoPrefetchStore: products.edgeone.prefetchStore, teoQuota: products.edgeone.quota,
    };
}
