/**
 * The services one emulator serves on one address (CDN, EdgeOne and STS), and how a request finds its service as the real
 * endpoints would: the signed credential scope (`cdn`, `teo`, `sts`), else the host's first label (`sts.localhost`),
 * else the API version it asks for (the Node.js SDK pointed at `127.0.0.1:PORT` signs with service `127`).
 */
import { ACTIONS } from "./cdnActions";
import { ParamKind } from "./formParams";
import { STS_ACTIONS } from "./stsActions";
import { TEO_ACTIONS } from "./teoActions";

/**
 * The CDN API version the emulator serves (the `X-TC-Version` header); any other answers `NoSuchVersion`.
 *
 * @example
 * new cdn.v20180606.Client(...); // sends X-TC-Version: API_VERSION
 */
export const API_VERSION = "2018-06-06";

/**
 * The STS API version the emulator serves.
 *
 * @example
 * new CommonClient("sts.tencentcloudapi.com", STS_API_VERSION, { ... });
 */
export const STS_API_VERSION = "2018-08-13";

/**
 * The EdgeOne API version the emulator serves.
 *
 * @example
 * new teo.v20220901.Client(...); // sends X-TC-Version: TEO_API_VERSION
 */
export const TEO_API_VERSION = "2022-09-01";

/** What the request pipeline needs to know of a service. */
export interface ServiceSpec {
    readonly name: "cdn" | "sts" | "teo";
    readonly version: string;
    readonly actions: readonly string[];
    /** Actions served without a signature. */
    readonly unsignedActions: readonly string[];
    /** Parameters whose absence answers `MissingParameter`, per action (the API's required fields). */
    readonly requiredParams: Readonly<Record<string, readonly string[]>>;
    /** Types of parameters that arrive as text in GET and form requests. */
    readonly paramKinds: Readonly<Record<string, ParamKind>>;
}

/**
 * The services, CDN first (the answer for a request that names none the emulator knows).
 *
 * @example
 * SERVICES.map((s) => s.name); // ["cdn", "sts"]
 */
export const SERVICES: readonly ServiceSpec[] = [
    {
        name: "cdn", version: API_VERSION, actions: ACTIONS, unsignedActions: [],
        requiredParams: { PurgeUrlsCache: ["Urls"], PurgePathCache: ["Paths", "FlushType"] },
        paramKinds: { Limit: "integer", Offset: "integer", UrlEncode: "boolean" },
    },
    {
        name: "sts", version: STS_API_VERSION, actions: STS_ACTIONS, unsignedActions: ["AssumeRoleWithWebIdentity"],
        requiredParams: {
            AssumeRole: ["RoleArn", "RoleSessionName"],
            AssumeRoleWithWebIdentity: ["ProviderId", "WebIdentityToken", "RoleArn", "RoleSessionName"],
        },
        paramKinds: { DurationSeconds: "integer" },
    },
    {
        name: "teo", version: TEO_API_VERSION, actions: TEO_ACTIONS, unsignedActions: [],
        requiredParams: { CreatePurgeTask: ["ZoneId", "Type"], DescribePurgeTasks: ["ZoneId"], DescribeContentQuota: ["ZoneId"] },
        paramKinds: { Limit: "integer", Offset: "integer", Fuzzy: "boolean", EncodeUrl: "boolean" },
    },
];

/**
 * The service a request is for: named by its signed scope, else by its host's first label, else by its version;
 * CDN when nothing names a known one (its version check then answers `NoSuchVersion`).
 *
 * @example
 * routeService({ scopeService: "127", host: "127.0.0.1:9000", version: "2018-08-13" }).name; // "sts"
 */
export function routeService(request: { scopeService?: string; host: string; version: string }): ServiceSpec {
    const byName = (name: string | undefined): ServiceSpec | undefined => SERVICES.find((s) => s.name === name);
    return byName(request.scopeService)
        ?? byName(request.host.trim().toLowerCase().split(".")[0])
        ?? SERVICES.find((s) => s.version === request.version)
        ?? SERVICES[0];
}
