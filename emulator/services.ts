/**
 * What the core needs of each service it serves (a product such as the CDN, or the core's own STS), and how a
 * request finds its service as the real endpoints would: the signed credential scope (`cdn`, `teo`, `sts`), else
 * the host's first label (`sts.localhost`), else the API version it asks for (the Node.js SDK pointed at
 * `127.0.0.1:PORT` signs with service `127`).
 */
import { ParamKind } from "./formParams";
import { Params } from "./params";

/** What the request pipeline checks before it runs an action. */
export interface ServiceSpec {
    /** The name the credential scope carries, e.g. `cdn`. */
    readonly name: string;
    readonly version: string;
    readonly actions: readonly string[];
    /** Actions served without a signature. */
    readonly unsignedActions: readonly string[];
    /** Parameters whose absence answers `MissingParameter`, per action (the API's required fields). */
    readonly requiredParams: Readonly<Record<string, readonly string[]>>;
    /** Types of parameters that arrive as text in GET and form requests. */
    readonly paramKinds: Readonly<Record<string, ParamKind>>;
}

/** A service with its state, as one emulator serves it. */
export interface Service extends ServiceSpec {
    /** Runs one of `actions` and returns its answer body, or throws an ApiError. */
    run(action: string, params: Params): Record<string, unknown>;
    /** The code a throttled call of `action` answers (the CDN's DescribePurgeTasks has its own). */
    throttleCode(action: string): string;
    /** The answer body of `action` with every field null (`nullFields`), or with its lists null (`nullList`). */
    nullAnswer(action: string, nullList: boolean): Record<string, unknown>;
    /**
     * Answers a control route (`path` after `/_emulator/`, `body` reads the request's JSON body), or returns
     * undefined when the route is not one of this service's.
     */
    control?(method: string, path: string, body: () => Promise<unknown>): Promise<unknown>;
    /** Forgets what requests left behind (tasks, quota use, issued credentials). */
    reset(): void;
}

/**
 * The service a request is for: named by its signed scope, else by its host's first label, else by its version;
 * the first service when nothing names a known one (its version check then answers `NoSuchVersion`).
 *
 * @example
 * routeService(services, { scopeService: "127", host: "127.0.0.1:9000", version: "2018-08-13" }).name; // "sts"
 */
export function routeService<S extends ServiceSpec>(services: readonly S[],
    request: { scopeService?: string; host: string; version: string }): S {
    const byName = (name: string | undefined): S | undefined => services.find((s) => s.name === name);
    return byName(request.scopeService)
        ?? byName(request.host.trim().toLowerCase().split(".")[0])
        ?? services.find((s) => s.version === request.version)
        ?? services[0];
}
