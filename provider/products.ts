/**
 * The registry of every product's resources, functions and object types: the one list that the dynamic-provider
 * host, the provider plugin, the schema, the reference docs and the SDK checks read. A product adds its
 * descriptions here; nothing below this file names a product.
 *
 * @example
 * RESOURCES.map(tokenOf); // ["tencentcloud-purge:index:UrlPurge", ...]
 */
import { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK, PURGE_TASK_WAITER, URL_PURGE } from "./cdn/description";
import { GET_PUSH_TASKS, PUSH_HEADER, PUSH_TASK, PUSH_TASK_WAITER, URL_PUSH } from "./cdn/pushDescription";
import { EDGEONE_GET_PURGE_TASKS, EDGEONE_PURGE, EDGEONE_PURGE_TASK, EDGEONE_PURGE_TASK_WAITER } from "./edgeone/description";
import { EDGEONE_GET_PREFETCH_TASKS, EDGEONE_HEADER, EDGEONE_PREFETCH, EDGEONE_PREFETCH_TASK,
    EDGEONE_PREFETCH_TASK_WAITER } from "./edgeone/prefetchDescription";
import { ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, CONNECTION } from "./description/connection";
import { EnumSpec, FunctionSpec, Properties, PropertySpec, ResourceSpec, tokenOf, TypeSpec } from "./description";

/**
 * Every resource by the kind the hosts serve it as: `host.ts` must give each kind its provider (the compiler
 * checks), the plugin routes each resource's token to its kind, and the SDK's classes name their kind.
 */
export const RESOURCE_KINDS = {
    urlPurge: URL_PURGE,
    pathPurge: PATH_PURGE,
    waiter: PURGE_TASK_WAITER,
    edgeOnePurge: EDGEONE_PURGE,
    edgeOneWaiter: EDGEONE_PURGE_TASK_WAITER,
    edgeOnePrefetch: EDGEONE_PREFETCH,
    edgeOnePrefetchWaiter: EDGEONE_PREFETCH_TASK_WAITER,
    urlPush: URL_PUSH,
    pushWaiter: PUSH_TASK_WAITER,
} as const satisfies Record<string, ResourceSpec>;

/** A resource kind, as the serialized providers in users' states name it (so a kind is never renamed). */
export type ResourceKind = keyof typeof RESOURCE_KINDS;

/** Every resource. */
export const RESOURCES: readonly ResourceSpec[] = Object.values(RESOURCE_KINDS);
/** Every function. */
export const FUNCTIONS: readonly FunctionSpec[] = [GET_PURGE_TASKS, EDGEONE_GET_PURGE_TASKS, EDGEONE_GET_PREFETCH_TASKS, GET_PUSH_TASKS];
/** Every object type. */
export const TYPES: readonly TypeSpec[] = [PURGE_TASK, ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, EDGEONE_PURGE_TASK,
    EDGEONE_PREFETCH_TASK, EDGEONE_HEADER, PUSH_TASK, PUSH_HEADER];

/**
 * Every enum a property uses, once each, in the order first met.
 *
 * @example
 * enumsOf().map((e) => e.name); // ["PurgeArea", "FlushType", ...]
 */
export function enumsOf(): EnumSpec[] {
    const found = new Map<string, EnumSpec>();
    const visit = (p: PropertySpec) => {
        if (p.enum && !found.has(tokenOf(p.enum))) found.set(tokenOf(p.enum), p.enum);
        if (p.items) visit(p.items);
    };
    const all: Properties[] = [CONNECTION, ...RESOURCES.flatMap((r) => [r.inputs, r.outputs]),
        ...FUNCTIONS.flatMap((f) => [f.inputs, f.outputs]), ...TYPES.map((t) => t.properties)];
    all.forEach((ps) => Object.values(ps).forEach(visit));
    return [...found.values()];
}
