/**
 * The registry of every product's resources, functions and object types: the one list that the dynamic-provider
 * host, the provider plugin, the schema, the reference docs and the SDK checks read. A product adds its
 * descriptions here; nothing below this file names a product.
 *
 * @example
 * RESOURCES.map(tokenOf); // ["tencentcloud-purge:index:UrlPurge", ...]
 */
import { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK, PURGE_TASK_WAITER, URL_PURGE } from "./cdn/description";
import { EDGEONE_GET_PURGE_TASKS, EDGEONE_PURGE, EDGEONE_PURGE_TASK, EDGEONE_PURGE_TASK_WAITER } from "./edgeone/description";
import { ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, CONNECTION } from "./description/connection";
import { EnumSpec, FunctionSpec, Properties, PropertySpec, ResourceSpec, tokenOf, TypeSpec } from "./description";

/** Every resource. */
export const RESOURCES: readonly ResourceSpec[] = [URL_PURGE, PATH_PURGE, PURGE_TASK_WAITER, EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER];
/** Every function. */
export const FUNCTIONS: readonly FunctionSpec[] = [GET_PURGE_TASKS, EDGEONE_GET_PURGE_TASKS];
/** Every object type. */
export const TYPES: readonly TypeSpec[] = [PURGE_TASK, ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, EDGEONE_PURGE_TASK];

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
