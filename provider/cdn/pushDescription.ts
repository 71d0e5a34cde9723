/**
 * The one description of the CDN's prefetch ("push"): `UrlPush`, `PushTaskWaiter`, `getPushTasks` and their
 * types. The schema, the checks in both hosts, the diff and the SDK's compile-time check read it.
 */
import { InvalidArgumentError } from "../description/validation";
import { headerRules } from "../description/headerRules";
import { EnumSpec, FunctionSpec, Properties, PropertySpec, ResourceSpec, TypeSpec } from "../description/property";
import { triggersThatRedo, WAIT_OPTIONS, WAIT_SWITCH, waitRules } from "../description/waitOptions";
import { listingOutputs, pageInputs } from "../description/listing";
import { gateOutputs, PURGE_AREA, taskIdList, taskOutputs, taskQueryRules, time, urlList } from "./description";
import { PUSH_STATUSES, PushStatus } from "./pushTypes";

/**
 * A prefetch takes about 5 to 30 minutes by Tencent's own FAQ, depending on the size of the files: a wait is
 * given the top of that range by default, where a purge's 10 minutes would give up on a normal prefetch.
 */
export const PUSH_TIMEOUT_SECONDS = 1800;

export const PUSH_STATUS: EnumSpec<PushStatus> = { name: "PushStatus", values: PUSH_STATUSES,
    description: "A prefetch's state, lower-cased: `done`, `process` (not finished), `fail`, or `invalid` (the origin answered 4xx/5xx)." };
export const PUSH_LAYER: EnumSpec<"middle"> = { name: "PushLayer", values: ["middle"],
    description: "Which tier of nodes to prefetch to: `middle` (the middle tier)." };

/** One custom header of PushUrlsCache. */
export const PUSH_HEADER: TypeSpec = {
    module: "index",
    name: "PushHeader",
    description: "An HTTP header the CDN sends to the origin with the prefetch requests.",
    properties: {
        name: { type: "string", required: true, max: 128, description: "The header's name, at most 128 bytes.", example: "X-Warm-Up" },
        // Secret: origin credentials (`Authorization: Bearer ...`) are a likely use.
        value: { type: "string", required: true, max: 1024, secret: true, description: "Its value, at most 1024 bytes; kept secret in the state.",
            example: "release-42" },
    },
};

/** One record of DescribePushTasks. */
export const PUSH_TASK: TypeSpec = {
    module: "index",
    name: "PushTask",
    description: "One record of a push (prefetch) task: one per URL, sharing the task's `taskId`.",
    properties: {
        taskId: { type: "string", description: "The task id the record belongs to.", example: "15336040-1a2b" },
        url: { type: "string", description: "The prefetched URL.", example: "https://www.example.com/app.js" },
        status: { type: "string", enum: PUSH_STATUS, description: "`done`, `process`, `fail` or `invalid`.", example: "done" },
        percent: { type: "integer", description: "How far the prefetch is, in percent.", example: "100" },
        area: { type: "string", enum: PURGE_AREA, description: "Where it was prefetched.", example: "mainland" },
        createTime: { type: "string", description: "When it was submitted: `YYYY-MM-DD HH:mm:ss`, Beijing time.", example: "2026-11-29 10:00:00" },
        updateTime: { type: "string", description: "When it last changed: `YYYY-MM-DD HH:mm:ss`, Beijing time.", example: "2026-11-29 10:06:12" },
    },
};

const TASK_ID = { type: "string", max: 128, description: "A task id as PushUrlsCache returned it.",
    example: "15336040-1a2b" } as const satisfies PropertySpec;
const PUSH_LOGS = { type: "array", items: { type: "object", ref: PUSH_TASK.name, description: "A record.", example: "{...}" },
    description: "The records as last seen.", example: "[{ taskId: \"15336040-1a2b\", status: \"done\", ... }]" } as const satisfies PropertySpec;
const HEADERS_MAX = 20;

/**
 * The wait options with a prefetch's longer deadline and calmer pace (minutes of work need no check every
 * second): the one place their defaults are declared; the wait reads them from here.
 */
const PUSH_WAIT_OPTIONS = {
    ...WAIT_OPTIONS,
    timeoutSeconds: { ...WAIT_OPTIONS.timeoutSeconds, default: PUSH_TIMEOUT_SECONDS,
        description: "The wait's own deadline in seconds; 1800 by default, since a prefetch takes 5 to 30 minutes by " +
            "Tencent's FAQ. On timeout the update fails and the task ids stay in the state, so the next `pulumi up` " +
            "resumes the wait without prefetching again." },
    minDelaySeconds: { ...WAIT_OPTIONS.minDelaySeconds, default: 5,
        description: "The shortest pause between checks, in seconds (with only `maxDelaySeconds` set: the default, or " +
            "`maxDelaySeconds` if shorter). By default a wait " +
            "is paced on the account's recent prefetches (few checks until most of the usual duration has passed, then " +
            "frequent ones); setting either delay backs off between the two instead." },
    maxDelaySeconds: { ...WAIT_OPTIONS.maxDelaySeconds, default: 30,
        description: "The longest pause between checks once the prefetch may be finishing, in seconds (with only " +
            "`minDelaySeconds` set: the default, or `minDelaySeconds` if longer)." },
} as const satisfies Properties;

/** The checks of each header: a name and a value of the byte lengths PushUrlsCache takes, and nothing else. */
const pushHeaderRules = headerRules({ name: 128, value: 1024, unit: "bytes" });

/**
 * The checks across UrlPush's inputs: the wait options; no wildcard in a URL (PushUrlsCache refuses it, after the
 * quota was read and the batch planned); each header's name and value within the API's limits, and nothing beside.
 *
 * @example
 * pushRules({ urls: ["https://www.example.com/*"] }); // throws on urls[0]
 */
export function pushRules(known: Readonly<Record<string, unknown>>, pending: ReadonlySet<string> = new Set()): void {
    waitRules(known, pending);
    const urls = known.urls as readonly unknown[] | undefined;
    urls?.forEach((url, i) => {
        if (typeof url === "string" && url.includes("*")) {
            throw new InvalidArgumentError(`urls[${i}]`, `must not hold a wildcard (\`*\`): a prefetch fetches each URL from the ` +
                `origin, so the CDN refuses wildcards (CdnPushWildcardNotAllowed); list each URL in full, got ${JSON.stringify(url)}`);
        }
    });
    pushHeaderRules(known, pending);
}

/**
 * UrlPush: PushUrlsCache within the push quota, then a wait until every URL is warm.
 *
 * @example
 * validateInputs(URL_PUSH, { urls: ["https://www.example.com/app.js"], area: "global" });
 */
export const URL_PUSH = {
    module: "index",
    name: "UrlPush",
    description: "Prefetches URLs into the CDN cache (PushUrlsCache), e.g. to warm it after a purge, and waits until " +
        "every one is `done`: anything that depends on it is created only once the edge serves the new content. A URL " +
        "that ends `fail` or `invalid` (the origin answered 4xx/5xx) fails the update, naming it. The quota of each " +
        "area is checked before anything is sent (`global` uses mainland's and overseas'). Changing `urls`, the " +
        "prefetch options or `triggers` prefetches again; deleting the resource does nothing at the CDN.",
    example: {
        title: "Warm the cache after a purge",
        typescript: 'const purged = new purge.UrlPurge("site", { urls: ["https://www.example.com/app.js"] });\n' +
            'const warm = new purge.UrlPush("warm", { urls: ["https://www.example.com/app.js"] }, { dependsOn: [purged] });',
        python: 'warm = tencentcloud_purge.UrlPush("warm", urls=["https://www.example.com/app.js"],\n' +
            '    opts=pulumi.ResourceOptions(depends_on=[purged]))',
        go: 'warm, err := tencentcloudpurge.NewUrlPush(ctx, "warm", &tencentcloudpurge.UrlPushArgs{\n' +
            '\tUrls: pulumi.StringArray{pulumi.String("https://www.example.com/app.js")},\n}, pulumi.DependsOn([]pulumi.Resource{purged}))',
        yaml: 'resources:\n  warm:\n    type: tencentcloud-purge:index:UrlPush\n    properties:\n' +
            '      urls: ["https://www.example.com/app.js"]\n    options:\n      dependsOn: [${purged}]',
    },
    inputs: {
        urls: { ...urlList("The URLs to prefetch", "https://www.example.com/app.js"),
            description: "The URLs to prefetch, each a full URL starting with `http://` or `https://`, without wildcards " +
                "(`*`); long lists are sent in batches." },
        area: { type: "string", enum: PURGE_AREA, redoes: true,
            description: "Where to prefetch: `mainland` (the API's default), `overseas`, or `global` (both areas' quota).", example: "global" },
        layer: { type: "string", enum: PUSH_LAYER, redoes: true,
            description: "`middle`: prefetch to the middle tier. Default: the middle tier in mainland China, the edge overseas.", example: "middle" },
        userAgent: { type: "string", max: 1024, redoes: true,
            description: "The User-Agent of the prefetch requests to the origin (the API's default: `TencentCdn`).", example: "warm-up/1.0" },
        parseM3U8: { type: "boolean", redoes: true,
            description: "Also prefetch the TS segments of M3U8 playlists (up to 3 levels; they count against the daily quota).", example: "true" },
        disableRange: { type: "boolean", redoes: true,
            description: "Fetch from the origin without Range requests (a feature Tencent rolls out gradually).", example: "true" },
        headers: { type: "array", max: HEADERS_MAX, redoes: true, secret: true,
            items: { type: "object", ref: PUSH_HEADER.name, description: "A header.", example: "{ name: \"X-Warm-Up\", value: \"1\" }" },
            description: `HTTP headers sent to the origin with the prefetch requests, at most ${HEADERS_MAX}. Kept secret in ` +
                "the state and outputs, as they may carry the origin's credentials.",
            example: "[{ name: \"X-Warm-Up\", value: \"1\" }]" },
        urlEncode: { type: "boolean", redoes: true,
            description: "Let the API encode the URLs (for URLs with Chinese characters).", example: "true" },
        wait: { ...WAIT_SWITCH.wait, description: "Wait until every URL is warm. With `false`, only submit, and gate on the task " +
            "ids with a `PushTaskWaiter`." },
        ...PUSH_WAIT_OPTIONS,
        triggers: triggersThatRedo("prefetches"),
    },
    outputs: taskOutputs({ kind: "Push", items: "URLs", again: "a failed prefetch", status: PUSH_STATUS, done: "every URL is done",
        failed: "a URL ended `fail` or `invalid`", seen: "every URL", completedAt: "2026-11-29T10:06:12.000Z",
        batches: "(a batch is the quota's size)" }),
    rules: pushRules,
} as const satisfies ResourceSpec;

/**
 * PushTaskWaiter: a gate on push tasks submitted elsewhere.
 *
 * @example
 * validateInputs(PUSH_TASK_WAITER, { taskIds: ["1533", "1534"] });
 */
export const PUSH_TASK_WAITER = {
    module: "index",
    name: "PushTaskWaiter",
    description: "A gate: created only once the push (prefetch) task, or every one of `taskIds`, is done. A URL that " +
        "ends `fail` or `invalid` (the origin answered 4xx/5xx) fails the update.",
    example: {
        title: "Gate on a prefetch",
        typescript: 'const warm = new purge.UrlPush("warm", { urls: ["https://www.example.com/app.js"], wait: false });\n' +
            'const gate = new purge.PushTaskWaiter("warm-gate", { taskIds: warm.taskIds });',
        python: 'gate = tencentcloud_purge.PushTaskWaiter("warm-gate", task_ids=warm.task_ids)',
        go: 'gate, err := tencentcloudpurge.NewPushTaskWaiter(ctx, "warm-gate", &tencentcloudpurge.PushTaskWaiterArgs{\n' +
            '\tTaskIds: warm.TaskIds,\n})',
        yaml: 'resources:\n  warmGate:\n    type: tencentcloud-purge:index:PushTaskWaiter\n    properties:\n' +
            '      taskIds: ${warm.taskIds}',
    },
    inputs: {
        taskId: { ...TASK_ID, redoes: true, description: "The push task to wait for. Give `taskId` or `taskIds`." },
        taskIds: taskIdList(TASK_ID, "Several push tasks to wait for: the gate passes once every one is done."),
        ...PUSH_WAIT_OPTIONS,
        triggers: triggersThatRedo("waits"),
    },
    outputs: gateOutputs(PUSH_STATUS, "pushLogs", PUSH_LOGS, "2026-11-29T10:06:12.000Z"),
    rules(known, pending) {
        waitRules(known, pending);
        if (known.taskIds !== undefined && known.taskId !== undefined) {
            throw new InvalidArgumentError("taskIds", "give taskId or taskIds, not both");
        }
        if (known.taskId === undefined && known.taskIds === undefined && !pending.has("taskId") && !pending.has("taskIds")) {
            throw new InvalidArgumentError("taskId", "give taskId or taskIds: the push tasks to wait for");
        }
    },
} as const satisfies ResourceSpec;

/**
 * getPushTasks: DescribePushTasks, every page unless `offset` or `limit` is given.
 *
 * @example
 * validateInputs(GET_PUSH_TASKS, { taskId: "1533" });
 */
export const GET_PUSH_TASKS = {
    module: "index",
    name: "getPushTasks",
    description: "Reads push (prefetch) tasks (DescribePushTasks), with each URL's `percent` and `updateTime`. Give " +
        "`taskId` or `startTime`. Without `offset` and `limit` every page is read; with either, one page as the API gives it.",
    example: {
        title: "Read today's prefetches that the origin could not serve",
        typescript: 'const invalid = purge.getPushTasksOutput({ startTime: "2026-11-29 00:00:00", status: "invalid" });',
        python: 'invalid = tencentcloud_purge.get_push_tasks_output(start_time="2026-11-29 00:00:00", status="invalid")',
        go: 'status := tencentcloudpurge.PushStatusINVALID\n' +
            'invalid, err := tencentcloudpurge.GetPushTasks(ctx, &tencentcloudpurge.GetPushTasksArgs{\n' +
            '\tStartTime: pulumi.StringRef("2026-11-29 00:00:00"),\n\tStatus:    &status,\n})',
        yaml: 'variables:\n  invalid:\n    fn::invoke:\n      function: tencentcloud-purge:index:getPushTasks\n' +
            '      arguments:\n        startTime: "2026-11-29 00:00:00"\n        status: invalid',
    },
    inputs: {
        taskId: TASK_ID,
        startTime: time("at or after"),
        endTime: time("at or before"),
        keyword: { type: "string", format: "keyword", max: 1024,
            description: "A domain or a full URL starting with `http://` or `https://`.", example: "www.example.com" },
        area: { type: "string", enum: PURGE_AREA, description: "Only prefetches of this area.", example: "mainland" },
        status: { type: "string", enum: PUSH_STATUS, description: "Only records in this state.", example: "invalid" },
        // The API documents no maximum for DescribePushTasks' Limit (its default is 20): 100 stays well within what it serves.
        ...pageInputs("record", 100, ", 1 to 100"),
    },
    outputs: listingOutputs("pushLogs", PUSH_LOGS, "record"),
    rules: taskQueryRules,
} as const satisfies FunctionSpec;
