/**
 * The one description of the CDN function and resources: `getPurgeTasks`, `UrlPurge`, `PathPurge` and
 * `PurgeTaskWaiter`. The plugin's schema, the checks in both hosts, the diff, the reference docs and the
 * compile-time check of the TypeScript SDK all read it.
 */
import { FLUSH_TYPES, PURGE_AREAS, PURGE_STATUSES, PURGE_TYPES, FlushType, PurgeArea, PurgeStatus, PurgeType } from "./types";
import { InvalidArgumentError } from "../description/validation";
import { parseApiTime } from "../base/time";
import { EnumSpec, FunctionSpec, Properties, PropertySpec, ResourceSpec, TypeSpec } from "../description/property";
import { WAIT_OPTIONS, WAIT_SWITCH, waitRules } from "../description/waitOptions";
import { listingOutputs, pageInputs } from "../description/listing";

/** The enums of the CDN API, under the names of their TypeScript types. */
export const PURGE_AREA: EnumSpec<PurgeArea> = { name: "PurgeArea", values: PURGE_AREAS,
    description: "Where a task takes effect: `mainland` China, `overseas`, or `global`." };
export const PURGE_TYPE: EnumSpec<PurgeType> = { name: "PurgeType", values: PURGE_TYPES,
    description: "What a purge record is for: a `url`, or a directory (`path`)." };
export const FLUSH_TYPE: EnumSpec<FlushType> = { name: "FlushType", values: FLUSH_TYPES,
    description: "How a directory purge treats cached content: `flush` only what changed, `delete` everything under the path." };
export const PURGE_STATUS: EnumSpec<PurgeStatus> = { name: "PurgeStatus", values: PURGE_STATUSES,
    description: "A purge task's state, lower-cased: `done`, `process` (not finished) or `fail`." };

const TASK_ID = { type: "string", max: 128, description: "A task id as PurgeUrlsCache or PurgePathCache returned it.",
    example: "15336040-1a2b" } as const satisfies PropertySpec;
const AREA = { type: "string", enum: PURGE_AREA,
    description: "Where the purge applies. Default: where each domain is accelerated.", example: "mainland" } as const satisfies PropertySpec;
/**
 * A time filter of the CDN's listings (purge and push alike).
 *
 * @example
 * const FILTER = { startTime: time("at or after") };
 */
export const time = (which: string) => ({ type: "string", format: "time",
    description: `Records created ${which} this time: a \`Date\`, Beijing time \`YYYY-MM-DD HH:mm:ss\` (the API's form) or ISO-8601 with a zone.`,
    example: "2026-11-29 00:00:00" }) as const satisfies PropertySpec;
/**
 * A required list of full URLs, sent in batches (UrlPurge's, UrlPush's).
 *
 * @example
 * const inputs = { urls: urlList("The URLs to purge", "https://www.example.com/index.html") };
 */
export const urlList = (what: string, example: string) => ({
    type: "array", items: { type: "string", format: "url", max: 4096, description: "A full URL.", example },
    min: 1, max: 100_000, unique: true, required: true, redoes: true,
    description: `${what}, each a full URL starting with \`http://\` or \`https://\`; long lists are sent in batches.`,
    example: `["${example}"]`,
}) as const satisfies PropertySpec;

/** The filter of DescribePurgeTasks that the waiter and the function share. */
const FILTER = {
    keyword: { type: "string", format: "keyword", max: 1024,
        description: "A domain or a full URL starting with `http://` or `https://`.", example: "www.example.com" },
    startTime: time("at or after"),
    endTime: time("at or before"),
    purgeType: { type: "string", enum: PURGE_TYPE, description: "Only URL or only directory purges.", example: "url" },
    area: AREA,
} as const satisfies Properties;

/** One record of DescribePurgeTasks. */
export const PURGE_TASK: TypeSpec = {
    module: "index",
    name: "PurgeTask",
    description: "One record of a purge task. A task submitted with many URLs shows as many records sharing a `taskId`.",
    properties: {
        taskId: { type: "string", description: "The task id the record belongs to.", example: "15336040-1a2b" },
        url: { type: "string", description: "The purged URL or directory.", example: "https://www.example.com/index.html" },
        status: { type: "string", enum: PURGE_STATUS, description: "Anything but `done` or `fail` means not finished.", example: "done" },
        purgeType: { type: "string", enum: PURGE_TYPE, description: "A URL or a directory purge.", example: "url" },
        flushType: { type: "string", enum: FLUSH_TYPE, description: "How the directory was purged.", example: "flush" },
        createTime: { type: "string", description: "As the API gives it: `YYYY-MM-DD HH:mm:ss`, Beijing time.", example: "2026-11-29 10:00:00" },
    },
};

const PURGE_TASKS = { type: "array", items: { type: "object", ref: PURGE_TASK.name, description: "A record.", example: "{...}" },
    description: "The records as last seen.", example: "[{ taskId: \"15336040-1a2b\", status: \"done\", ... }]" } as const satisfies PropertySpec;

/** What UrlPurge and PathPurge both take besides their list. */
const PURGE_OPTIONS = {
    area: { ...AREA, redoes: true },
    urlEncode: { type: "boolean", redoes: true,
        description: "Let the API encode the URLs (for URLs with Chinese characters).", example: "true" },
    ...WAIT_SWITCH,
    ...WAIT_OPTIONS,
} as const satisfies Properties;

/** How the outputs of a resource that submits CDN tasks speak of them: UrlPurge's and PathPurge's, UrlPush's. */
export interface TaskWords<S extends string> {
    /** Whose gate and reading function take the task ids: `Purge` (PurgeTaskWaiter, getPurgeTasks), `Push`. */
    readonly kind: string;
    /** What was submitted (`URLs or paths`), and what is submitted again after a failure (`a failed prefetch`). */
    readonly items: string;
    readonly again: string;
    readonly status: EnumSpec<S>;
    /** When `status` is `done` (`everything is purged`) and when `fail` (`a record failed`). */
    readonly done: string;
    readonly failed: string;
    /** What the wait saw done (`the purge`), and an instant it may have (an example). */
    readonly seen: string;
    readonly completedAt: string;
    /** More about the batches (`(a batch is the quota's size)`). */
    readonly batches?: string;
}

/**
 * What a resource that submits CDN tasks adds to its inputs, in its own words: the task ids, how far the
 * submission got, and how the wait ended.
 *
 * @example
 * outputs: taskOutputs({ kind: "Push", items: "URLs", again: "a failed prefetch", status: PUSH_STATUS, ... })
 */
export function taskOutputs<S extends string>(w: TaskWords<S>) {
    return {
        taskId: { type: "string", required: true,
            description: `The first (usually only) task id, for a ${w.kind}TaskWaiter or get${w.kind}Tasks.`, example: "15336040-1a2b" },
        taskIds: { type: "array", items: { type: "string", description: "A task id.", example: "15336040-1a2b" }, required: true,
            description: `Every task id, one per batch the list was split into${w.batches ? ` ${w.batches}` : ""}.`, example: "[\"15336040-1a2b\"]" },
        submitted: { type: "integer", description: `How many of the ${w.items} were submitted so far.`, example: "2" },
        attempt: { type: "integer",
            description: `Which submission of these inputs the tasks are, from 1 (${w.again} is submitted again, up to 3 times).`,
            example: "1" },
        status: { type: "string", enum: w.status, required: true,
            description: `\`done\` once ${w.done}, \`process\` while not finished (or with \`wait: false\`), \`fail\` when ${w.failed}.`,
            example: "done" },
        completedAt: { type: "string", description: `When the wait saw ${w.seen} done (ISO-8601).`, example: w.completedAt },
    } as const satisfies Properties;
}

/** What UrlPurge and PathPurge add to their inputs. */
const PURGE_OUTPUTS = taskOutputs({ kind: "Purge", items: "URLs or paths", again: "a purge the CDN failed", status: PURGE_STATUS,
    done: "everything is purged", failed: "a record failed", seen: "the purge", completedAt: "2026-11-29T10:00:07.000Z" });

/**
 * UrlPurge: PurgeUrlsCache, then a wait.
 *
 * @example
 * validateInputs(URL_PURGE, { urls: ["https://www.example.com/"] });
 */
export const URL_PURGE = {
    module: "index",
    name: "UrlPurge",
    description: "Purges URLs from the CDN cache (PurgeUrlsCache) and waits until every one is purged. Changing `urls` " +
        "or `triggers` purges again; deleting the resource does nothing at the CDN.",
    example: {
        title: "Purge a page and wait",
        typescript: 'const site = new purge.UrlPurge("site", { urls: ["https://www.example.com/index.html"] });',
        python: 'site = tencentcloud_purge.UrlPurge("site", urls=["https://www.example.com/index.html"])',
        go: 'site, err := tencentcloudpurge.NewUrlPurge(ctx, "site", &tencentcloudpurge.UrlPurgeArgs{\n' +
            '\tUrls: pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},\n})',
        yaml: 'resources:\n  site:\n    type: tencentcloud-purge:index:UrlPurge\n    properties:\n' +
            '      urls: ["https://www.example.com/index.html"]',
    },
    inputs: { urls: urlList("The URLs to purge", "https://www.example.com/index.html"), ...PURGE_OPTIONS },
    outputs: PURGE_OUTPUTS,
    rules: waitRules,
} as const satisfies ResourceSpec;

/**
 * PathPurge: PurgePathCache, then a wait.
 *
 * @example
 * validateInputs(PATH_PURGE, { paths: ["https://www.example.com/static/"], flushType: "flush" });
 */
export const PATH_PURGE = {
    module: "index",
    name: "PathPurge",
    description: "Purges directories from the CDN cache (PurgePathCache) and waits until done. Changing `paths`, " +
        "`flushType` or `triggers` purges again; deleting the resource does nothing at the CDN.",
    example: {
        title: "Purge a directory",
        typescript: 'new purge.PathPurge("assets", { paths: ["https://www.example.com/static/"], flushType: "flush" });',
        python: 'assets = tencentcloud_purge.PathPurge("assets", paths=["https://www.example.com/static/"], flush_type="flush")',
        go: 'assets, err := tencentcloudpurge.NewPathPurge(ctx, "assets", &tencentcloudpurge.PathPurgeArgs{\n' +
            '\tPaths:     pulumi.StringArray{pulumi.String("https://www.example.com/static/")},\n' +
            '\tFlushType: tencentcloudpurge.FlushTypeFLUSH,\n})',
        yaml: 'resources:\n  assets:\n    type: tencentcloud-purge:index:PathPurge\n    properties:\n' +
            '      paths: ["https://www.example.com/static/"]\n      flushType: flush',
    },
    inputs: {
        paths: urlList("The directories to purge", "https://www.example.com/static/"),
        flushType: { type: "string", enum: FLUSH_TYPE, required: true, redoes: true,
            description: "`flush`: only resources that changed; `delete`: everything under the path.", example: "flush" },
        ...PURGE_OPTIONS,
    },
    outputs: PURGE_OUTPUTS,
    rules: waitRules,
} as const satisfies ResourceSpec;

/**
 * A gate's `taskIds`: several tasks, each as `task` describes one.
 *
 * @example
 * taskIds: taskIdList(TASK_ID, "Several push tasks to wait for: the gate passes once every one is done.")
 */
export const taskIdList = <T extends PropertySpec>(task: T, description: string) => ({ type: "array", items: task, min: 1, max: 1000,
    unique: true, redoes: true, description, example: "[\"15336040-1a2b\", \"15336041-3c4d\"]" }) as const satisfies PropertySpec;

/**
 * What a gate on CDN tasks outputs: the state, the records as last seen (under `name`), and when it passed.
 *
 * @example
 * outputs: gateOutputs(PUSH_STATUS, "pushLogs", PUSH_LOGS, "2026-11-29T10:06:12.000Z")
 */
export function gateOutputs<S extends string, N extends string, P extends PropertySpec>(status: EnumSpec<S>, name: N, logs: P, completedAt: string) {
    return {
        status: { type: "string", enum: status, required: true, description: "`done` once finished.", example: "done" },
        ...{ [name]: { ...logs, required: true } } as { readonly [K in N]: P & { readonly required: true } },
        completedAt: { type: "string", description: "When the wait saw everything done (ISO-8601).", example: completedAt },
    } as const;
}

/** The inputs of PurgeTaskWaiter that make a filter rather than name tasks. */
const WAITER_FILTER = ["keyword", "startTime", "endTime", "purgeType", "area"] as const;

/**
 * PurgeTaskWaiter: a gate on one task, on several, or on every task matching a filter.
 *
 * @example
 * validateInputs(PURGE_TASK_WAITER, { taskIds: ["1533", "1534"] });
 */
export const PURGE_TASK_WAITER = {
    module: "index",
    name: "PurgeTaskWaiter",
    description: "A gate: created only once the purge task (or every one of `taskIds`, or every task matching the filter) " +
        "is done. Anything that depends on it is created after that; a failed or timed-out purge fails the update. " +
        "One gate over many `wait: false` purges holds one of the engine's `--parallel` slots instead of one per purge.",
    example: {
        title: "Gate on a purge",
        typescript: 'const site = new purge.UrlPurge("site", { urls: ["https://www.example.com/index.html"], wait: false });\n' +
            'const gate = new purge.PurgeTaskWaiter("gate", { taskId: site.taskId, timeoutSeconds: 600 });',
        python: 'site = tencentcloud_purge.UrlPurge("site", urls=["https://www.example.com/index.html"], wait=False)\n' +
            'gate = tencentcloud_purge.PurgeTaskWaiter("gate", task_id=site.task_id, timeout_seconds=600)',
        go: 'gate, err := tencentcloudpurge.NewPurgeTaskWaiter(ctx, "gate", &tencentcloudpurge.PurgeTaskWaiterArgs{\n' +
            '\tTaskId:         site.TaskId,\n\tTimeoutSeconds: pulumi.Float64(600),\n})',
        yaml: 'resources:\n  gate:\n    type: tencentcloud-purge:index:PurgeTaskWaiter\n    properties:\n' +
            '      taskId: ${site.taskId}\n      timeoutSeconds: 600',
    },
    inputs: {
        taskId: { ...TASK_ID, redoes: true,
            description: "The task to wait for. Give `taskId`, `taskIds`, or a filter with at least `startTime`." },
        taskIds: taskIdList(TASK_ID, "Several tasks to wait for, e.g. the `taskIds` of many purges made with `wait: false`: the gate " +
            "passes once every one is done."),
        keyword: { ...FILTER.keyword, redoes: true },
        startTime: { ...FILTER.startTime, redoes: true },
        endTime: { ...FILTER.endTime, redoes: true },
        purgeType: { ...FILTER.purgeType, redoes: true },
        area: { ...FILTER.area, redoes: true },
        ...WAIT_OPTIONS,
    },
    outputs: gateOutputs(PURGE_STATUS, "purgeLogs", PURGE_TASKS, "2026-11-29T10:00:07.000Z"),
    rules(known, pending) {
        waitRules(known, pending);
        if (known.taskIds !== undefined) {
            if (known.taskId !== undefined) {
                throw new InvalidArgumentError("taskIds", "give taskId or taskIds, not both");
            }
            const filter = WAITER_FILTER.find((k) => known[k] !== undefined);
            if (filter !== undefined) {
                throw new InvalidArgumentError(filter, "is part of a filter: give taskIds or a filter, not both");
            }
        }
        const given = (k: string) => known[k] !== undefined || pending.has(k);
        if (!given("taskId") && !given("taskIds") && !given("startTime")) {
            throw new InvalidArgumentError("taskId", "give taskId, taskIds, or a filter with at least startTime (and keyword, purgeType, area)");
        }
    },
} as const satisfies ResourceSpec;

/**
 * getPurgeTasks: DescribePurgeTasks, every page unless `offset` or `limit` is given.
 *
 * @example
 * validateInputs(GET_PURGE_TASKS, { keyword: "www.example.com", startTime: new Date() });
 */
export const GET_PURGE_TASKS = {
    module: "index",
    name: "getPurgeTasks",
    description: "Reads purge tasks (DescribePurgeTasks). Give `taskId` or `startTime`. Without `offset` and " +
        "`limit` every page is read; with either, one page as the API gives it.",
    example: {
        title: "Read today's purges of a domain",
        typescript: 'const recent = purge.getPurgeTasksOutput({ keyword: "www.example.com", startTime: "2026-11-29 00:00:00" });',
        python: 'recent = tencentcloud_purge.get_purge_tasks_output(keyword="www.example.com", start_time="2026-11-29 00:00:00")',
        go: 'recent, err := tencentcloudpurge.GetPurgeTasks(ctx, &tencentcloudpurge.GetPurgeTasksArgs{\n' +
            '\tKeyword:   pulumi.StringRef("www.example.com"),\n\tStartTime: pulumi.StringRef("2026-11-29 00:00:00"),\n})',
        yaml: 'variables:\n  recent:\n    fn::invoke:\n      function: tencentcloud-purge:index:getPurgeTasks\n' +
            '      arguments:\n        keyword: www.example.com\n        startTime: "2026-11-29 00:00:00"',
    },
    inputs: {
        taskId: TASK_ID,
        ...FILTER,
        status: { type: "string", enum: PURGE_STATUS, description: "Only records in this state.", example: "fail" },
        ...pageInputs("record", 1000),
    },
    outputs: listingOutputs("purgeLogs", PURGE_TASKS, "record"),
    rules: taskQueryRules,
} as const satisfies FunctionSpec;

/**
 * The check across getPurgeTasks' arguments: the API needs `taskId` or `startTime`, and a time range in order.
 *
 * @example
 * taskQueryRules({ startTime: "2026-11-29 00:00:00" });
 */
export function taskQueryRules(known: Readonly<Record<string, unknown>>, pending: ReadonlySet<string> = new Set()): void {
    if (known.taskId === undefined && known.startTime === undefined && !pending.has("taskId") && !pending.has("startTime")) {
        throw new InvalidArgumentError("taskId", "either taskId or startTime must be given (the API requires one of them)");
    }
    const [start, end] = [known.startTime, known.endTime].map((t) => (typeof t === "string" ? parseApiTime(t) : undefined));
    if (start && end && start > end) {
        throw new InvalidArgumentError("endTime", `must not be before startTime (${known.startTime}), got ${known.endTime}`);
    }
}
