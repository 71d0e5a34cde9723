/**
 * pulumi-tencentcloud-purge: read Tencent Cloud CDN purge tasks, and hold a deployment until a purge is done.
 *
 * @example
 * import * as purge from "pulumi-tencentcloud-purge";
 * const p = new purge.UrlPurge("site", { urls: ["https://www.example.com/index.html"] });
 * const gate = new purge.PurgeTaskWaiter("gate", { taskId: p.taskId });
 */
export { getPurgeTasks, getPurgeTasksOutput, iteratePurgeTasks } from "./getPurgeTasks";
export type { GetPurgeTasksArgs, GetPurgeTasksOutputArgs, GetPurgeTasksOptions, GetPurgeTasksOutputOptions, GetPurgeTasksResult } from "./getPurgeTasks";
export { UrlPurge } from "./urlPurge";
export type { UrlPurgeArgs } from "./urlPurge";
export { PathPurge } from "./pathPurge";
export type { PathPurgeArgs } from "./pathPurge";
export { PurgeTaskWaiter } from "./purgeTaskWaiter";
export type { PurgeTaskWaiterArgs } from "./purgeTaskWaiter";
export { UrlPush } from "./urlPush";
export type { UrlPushArgs } from "./urlPush";
export { PushTaskWaiter } from "./pushTaskWaiter";
export type { PushTaskWaiterArgs } from "./pushTaskWaiter";
export { getPushTasks, getPushTasksOutput } from "./getPushTasks";
export type { GetPushTasksArgs, GetPushTasksOutputArgs, GetPushTasksOptions, GetPushTasksResult } from "./getPushTasks";
export type { PushWaitArgs } from "./pushWaitOptions";
export type { PushTask, PushStatus, PushHeader } from "../provider/cdn/pushTypes";
export type { WaitArgs } from "./waitOptions";
export { CachePurge } from "./cachePurge";
export type { CachePurgeArgs } from "./cachePurge";
export type { PurgeTask, PurgeStatus, PurgeType, FlushType, PurgeArea } from "../provider/cdn/types";
export type { AssumeRoleInput, AssumeRoleWithWebIdentityInput, ConnectionInput } from "../provider/client/connection";
export { PurgeApiError } from "../provider/client/apiError";
export { InvalidArgumentError } from "../provider/description/validation";
export * as edgeone from "./edgeone";
