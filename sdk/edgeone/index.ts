/**
 * Tencent EdgeOne (`teo`, 2022-09-01): read purge and prefetch tasks, purge, prefetch, and gate a deployment until
 * every target of a purge (or every URL of a prefetch) succeeded. Exported from the package as `edgeone`.
 *
 * @example
 * import { edgeone } from "pulumi-tencentcloud-purge";
 * const site = new edgeone.Purge("site", { zoneId: "zone-2noz78a8ev6k", type: "purge_url",
 *     targets: ["https://www.example.com/index.html"] });
 */
export { getPurgeTasks, getPurgeTasksOutput } from "./getPurgeTasks";
export type { GetPurgeTasksArgs, GetPurgeTasksOutputArgs, GetPurgeTasksOptions, GetPurgeTasksResult } from "./getPurgeTasks";
export type { EdgeOnePurgeTask, EdgeOneStatus, EdgeOnePurgeType, EdgeOneMethod } from "../../provider/edgeone/types";
export { Purge } from "./purge";
export type { PurgeArgs } from "./purge";
export { PurgeTaskWaiter } from "./purgeTaskWaiter";
export type { PurgeTaskWaiterArgs } from "./purgeTaskWaiter";
export { Prefetch } from "./prefetch";
export type { PrefetchArgs } from "./prefetch";
export { PrefetchTaskWaiter } from "./prefetchTaskWaiter";
export type { PrefetchTaskWaiterArgs } from "./prefetchTaskWaiter";
export { getPrefetchTasks, getPrefetchTasksOutput } from "./getPrefetchTasks";
export type { GetPrefetchTasksArgs, GetPrefetchTasksOutputArgs, GetPrefetchTasksResult } from "./getPrefetchTasks";
export type { EdgeOnePrefetchTask, EdgeOnePrefetchStatus, EdgeOnePrefetchMode, EdgeOneSwitch, EdgeOneHeader } from "../../provider/edgeone/types";
