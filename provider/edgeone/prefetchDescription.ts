/**
 * The one description of EdgeOne's prefetch: `edgeone.Prefetch`, `edgeone.PrefetchTaskWaiter` and
 * `edgeone.getPrefetchTasks`, in the `edgeone` module beside the purge's. The schema, the checks in both hosts,
 * the diff, the reference docs and the compile-time check of the TypeScript SDK follow from it.
 */
import { EDGEONE_PREFETCH_MODES, EDGEONE_PREFETCH_STATUSES, EDGEONE_SWITCHES, EdgeOnePrefetchMode, EdgeOnePrefetchStatus, EdgeOneSwitch } from "./types";
import { COMPLETED_AT, EDGEONE_GET_PURGE_TASKS, hosts, jobGate, tasksOf, jobIdOf, jobOutputs, MODULE, STATUS, zoneId } from "./description";
import { headerRules } from "../description/headerRules";
import { EnumSpec, FunctionSpec, PropertySpec, ResourceSpec, Rules, TypeSpec } from "../description/property";
import { triggersThatRedo, WAIT_OPTIONS, WAIT_SWITCH, waitRules } from "../description/waitOptions";
import { listingOutputs, pageInputs } from "../description/listing";

export const EDGEONE_PREFETCH_MODE: EnumSpec<EdgeOnePrefetchMode> = { module: MODULE, name: "PrefetchMode", values: EDGEONE_PREFETCH_MODES,
    description: "`default` warms the middle tier; `edge` the edge too (allow-listed accounts, with its own daily quota)." };
export const EDGEONE_SWITCH: EnumSpec<EdgeOneSwitch> = { module: MODULE, name: "Switch", values: EDGEONE_SWITCHES,
    description: "`on` or `off`." };
export const EDGEONE_PREFETCH_STATUS: EnumSpec<EdgeOnePrefetchStatus> = { module: MODULE, name: "PrefetchTaskStatus",
    values: EDGEONE_PREFETCH_STATUSES, description: "A prefetch task's state, lower-cased: `processing`, then `success`, " +
        "`failed`, `timeout`, `canceled` or `invalid` (the origin answered 4xx/5xx)." };

/**
 * How long an `edgeone.Prefetch` waits by default, in seconds: Tencent's FAQ says a prefetch takes about 5 to 30
 * minutes by the size of the files, so the purges' 10 minutes would give up on most of them.
 */
export const EDGEONE_PREFETCH_TIMEOUT_SECONDS = 1800;

/** The most headers, and their names' and values' longest lengths, CreatePrefetchTask takes. */
const MAX_HEADERS = 20;
const MAX_HEADER_NAME = 128;
const MAX_HEADER_VALUE = 1024;

/** An HTTP header a prefetch sends to the origin. */
export const EDGEONE_HEADER: TypeSpec = {
    module: MODULE,
    name: "Header",
    description: "An HTTP header a prefetch sends to the origin.",
    properties: {
        name: { type: "string", max: MAX_HEADER_NAME, required: true, description: "The header's name.", example: "Authorization" },
        // Secret: origin credentials (`Authorization: Bearer ...`) are a likely use.
        value: { type: "string", max: MAX_HEADER_VALUE, required: true, secret: true, description: "The header's value; kept secret in the state.",
            example: "Bearer ..." },
    },
};

/** One task of DescribePrefetchTasks: a job shows as one task per URL. */
export const EDGEONE_PREFETCH_TASK: TypeSpec = {
    module: MODULE,
    name: "PrefetchTask",
    description: "One task of an EdgeOne prefetch job: a job shows as one task per URL.",
    properties: {
        jobId: { ...jobIdOf("CreatePrefetchTask"), description: "The job the task belongs to." },
        target: { type: "string", description: "The URL.", example: "https://www.example.com/app.js" },
        status: { type: "string", enum: EDGEONE_PREFETCH_STATUS, description: "Anything but the five endings means not finished.",
            example: "success" },
        createTime: { type: "string", description: "ISO 8601 with an offset, as the API gives it.", example: "2026-12-04T20:00:00+08:00" },
        updateTime: { type: "string", description: "When the task finished (ISO 8601).", example: "2026-12-04T20:06:00+08:00" },
        failType: { type: "string", description: "Why it failed, in EdgeOne's words (e.g. `originPullFailed`).", example: "originPullFailed" },
        failMessage: { type: "string", description: "What went wrong, in EdgeOne's words.", example: "origin answered 404" },
    },
};

/** The checks of headers the description cannot say: each a name and a value of the lengths EdgeOne takes. */
const headerChecks = headerRules({ name: MAX_HEADER_NAME, value: MAX_HEADER_VALUE, unit: "characters" });

/**
 * edgeone.Prefetch: CreatePrefetchTask within the zone's prefetch quota, then a wait.
 *
 * @example
 * validateInputs(EDGEONE_PREFETCH, { zoneId: "zone-2noz78a8ev6k", targets: ["https://www.example.com/app.js"] });
 */
export const EDGEONE_PREFETCH = {
    module: MODULE,
    name: "Prefetch",
    description: "Warms EdgeOne's cache (CreatePrefetchTask) within the zone's `prefetch_url` quota and waits until every " +
        "URL of every job is `success`. A URL EdgeOne refuses, or one that ends `failed`, `timeout`, `canceled` or " +
        "`invalid` (the origin answered 4xx/5xx), fails the update naming it and why (`FailType: FailMessage`). A " +
        `prefetch takes minutes (5 to 30 by Tencent's FAQ), so the wait's deadline is ${EDGEONE_PREFETCH_TIMEOUT_SECONDS} s ` +
        "by default; a wait that times out keeps the job ids and the next `pulumi up` resumes it without prefetching " +
        "again. Changing `zoneId`, `targets`, `mode`, `headers`, `prefetchMediaSegments` or `triggers` prefetches again; " +
        "deleting the resource does nothing at EdgeOne.",
    example: {
        title: "Warm the cache after a purge",
        typescript: 'const warm = new purge.edgeone.Prefetch("warm", { zoneId: "zone-2noz78a8ev6k",\n' +
            '    targets: ["https://www.example.com/app.js"] }, { dependsOn: [site] });',
        python: 'warm = edgeone.Prefetch("warm", zone_id="zone-2noz78a8ev6k",\n' +
            '    targets=["https://www.example.com/app.js"], opts=pulumi.ResourceOptions(depends_on=[site]))',
        go: 'warm, err := edgeone.NewPrefetch(ctx, "warm", &edgeone.PrefetchArgs{\n\tZoneId:  pulumi.String("zone-2noz78a8ev6k"),\n' +
            '\tTargets: pulumi.StringArray{pulumi.String("https://www.example.com/app.js")},\n}, pulumi.DependsOn([]pulumi.Resource{site}))',
        yaml: 'resources:\n  warm:\n    type: tencentcloud-purge:edgeone:Prefetch\n    properties:\n      zoneId: zone-2noz78a8ev6k\n' +
            '      targets: ["https://www.example.com/app.js"]\n    options:\n      dependsOn: [${site}]',
    },
    inputs: {
        zoneId,
        targets: { type: "array", min: 1, max: 100_000, unique: true, required: true, redoes: true,
            items: { type: "string", format: "url", max: 4096, description: "A URL.", example: "https://www.example.com/app.js" },
            description: "Full URLs with their protocol. Lists longer than the zone's prefetch batch are sent in several jobs.",
            example: "[\"https://www.example.com/app.js\"]" },
        mode: { type: "string", enum: EDGEONE_PREFETCH_MODE, redoes: true,
            description: "`default` (the middle tier) or `edge` (allow-listed accounts).", example: "default" },
        headers: { type: "array", max: MAX_HEADERS, redoes: true, secret: true,
            items: { type: "object", ref: `${MODULE}:${EDGEONE_HEADER.name}`, description: "A header.", example: "{ name: X-Warm, value: \"1\" }" },
            description: `HTTP headers sent to the origin with the prefetch (at most ${MAX_HEADERS}; names up to ${MAX_HEADER_NAME} ` +
                `characters, values up to ${MAX_HEADER_VALUE}). Kept secret in the state and outputs, as they may carry the origin's ` +
                "credentials.", example: "[{ name: X-Warm, value: \"1\" }]" },
        prefetchMediaSegments: { type: "string", enum: EDGEONE_SWITCH, redoes: true,
            description: "`on` also prefetches the segments M3U8 playlists list, up to 3 levels (allow-listed accounts; the " +
                "segments count against the quota and are dropped silently once it is spent); `off` (the default) only the URLs.",
            example: "on" },
        wait: { ...WAIT_SWITCH.wait, description: "Wait until every URL is warm. With `false`, only submit, and gate on the job ids " +
            "with an `edgeone.PrefetchTaskWaiter`." },
        ...WAIT_OPTIONS,
        timeoutSeconds: { ...WAIT_OPTIONS.timeoutSeconds, default: EDGEONE_PREFETCH_TIMEOUT_SECONDS },
        triggers: triggersThatRedo("prefetches"),
    },
    outputs: jobOutputs({ creator: "CreatePrefetchTask", reader: "getPrefetchTasks", noun: "prefetch", item: "URL", finished: "is warm",
        seen: "warm" }),
    rules(known, pending) {
        waitRules(known, pending);
        headerChecks(known, pending);
    },
} as const satisfies ResourceSpec;

const PREFETCH_GATE = jobGate({ creator: "CreatePrefetchTask", jobs: "prefetch jobs",
    one: "One prefetch job to wait for (CreatePrefetchTask's JobId).", several: "Several prefetch jobs." });

/**
 * edgeone.PrefetchTaskWaiter: a gate on EdgeOne prefetch jobs submitted elsewhere.
 *
 * @example
 * validateInputs(EDGEONE_PREFETCH_TASK_WAITER, { zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export const EDGEONE_PREFETCH_TASK_WAITER = {
    module: MODULE,
    name: "PrefetchTaskWaiter",
    description: "A gate on EdgeOne prefetch jobs submitted elsewhere: created only once every URL of every job is `success`. " +
        "A URL that ends `failed`, `timeout`, `canceled` or `invalid` fails the update naming it and why; a timed-out wait " +
        `is waited again by the next \`pulumi up\`. The deadline is ${EDGEONE_PREFETCH_TIMEOUT_SECONDS} s by default, as a prefetch takes minutes.`,
    example: {
        title: "Gate on a prefetch from elsewhere",
        typescript: 'const warm = new purge.edgeone.PrefetchTaskWaiter("warm", { zoneId: "zone-2noz78a8ev6k", jobId: ciJobId });',
        python: 'warm = edgeone.PrefetchTaskWaiter("warm", zone_id="zone-2noz78a8ev6k", job_id=ci_job_id)',
        go: 'warm, err := edgeone.NewPrefetchTaskWaiter(ctx, "warm", &edgeone.PrefetchTaskWaiterArgs{\n' +
            '\tZoneId: pulumi.String("zone-2noz78a8ev6k"),\n\tJobId:  pulumi.String(ciJobId),\n})',
        yaml: 'resources:\n  warm:\n    type: tencentcloud-purge:edgeone:PrefetchTaskWaiter\n    properties:\n' +
            '      zoneId: zone-2noz78a8ev6k\n      jobId: ${prefetch.jobId}',
    },
    inputs: {
        ...PREFETCH_GATE.inputs,
        ...WAIT_OPTIONS,
        timeoutSeconds: { ...WAIT_OPTIONS.timeoutSeconds, default: EDGEONE_PREFETCH_TIMEOUT_SECONDS },
        triggers: triggersThatRedo("waits"),
    },
    outputs: { status: STATUS, completedAt: COMPLETED_AT },
    rules: PREFETCH_GATE.rules,
} as const satisfies ResourceSpec;

const statuses = { type: "array", min: 1, max: 20, unique: true,
    items: { type: "string", enum: EDGEONE_PREFETCH_STATUS, description: "A status.", example: "invalid" },
    description: "Only tasks in these states.", example: "[\"invalid\"]" } as const satisfies PropertySpec;

/**
 * edgeone.getPrefetchTasks: DescribePrefetchTasks of a zone, every page unless `offset` or `limit` is given.
 *
 * @example
 * validateInputs(EDGEONE_GET_PREFETCH_TASKS, { zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export const EDGEONE_GET_PREFETCH_TASKS = {
    module: MODULE,
    name: "getPrefetchTasks",
    description: "Reads EdgeOne prefetch tasks (DescribePrefetchTasks) of a zone. Give `startTime` (a range up to `endTime` or " +
        "now) or `jobId`. Without `offset` and `limit` every page is read; with either, one page as the API gives it.",
    example: {
        title: "Read the URLs the origin lacked in the last hour",
        typescript: 'const invalid = purge.edgeone.getPrefetchTasksOutput({ zoneId: "zone-2noz78a8ev6k",\n' +
            '    startTime: new Date(Date.now() - 3600e3), statuses: ["invalid"] });',
        python: 'invalid = edgeone.get_prefetch_tasks_output(zone_id="zone-2noz78a8ev6k", start_time="2026-12-04T19:00:00+08:00", statuses=["invalid"])',
        go: 'invalid, err := edgeone.GetPrefetchTasks(ctx, &edgeone.GetPrefetchTasksArgs{\n\tZoneId:    "zone-2noz78a8ev6k",\n' +
            '\tStartTime: pulumi.StringRef("2026-12-04T19:00:00+08:00"),\n\tStatuses:  []edgeone.PrefetchTaskStatus{edgeone.PrefetchTaskStatusINVALID},\n})',
        yaml: 'variables:\n  invalid:\n    fn::invoke:\n      function: tencentcloud-purge:edgeone:getPrefetchTasks\n      arguments:\n' +
            '        zoneId: zone-2noz78a8ev6k\n        startTime: "2026-12-04T19:00:00+08:00"\n        statuses: [invalid]',
    },
    inputs: {
        zoneId,
        startTime: { ...EDGEONE_GET_PURGE_TASKS.inputs.startTime },
        endTime: { ...EDGEONE_GET_PURGE_TASKS.inputs.endTime },
        jobId: { ...jobIdOf("CreatePrefetchTask"), description: "Only the tasks of this prefetch job." },
        target: { type: "string", max: 4096, description: "One URL; the API matches part of it.", example: "https://www.example.com/app.js" },
        domains: hosts(20, "Only tasks of these host names."),
        statuses,
        ...pageInputs("task", 1000),
    },
    outputs: listingOutputs("tasks", tasksOf(EDGEONE_PREFETCH_TASK), "task"),
    // The same rules as getPurgeTasks': a time range or a job id, and a range that ends after it starts.
    rules: EDGEONE_GET_PURGE_TASKS.rules,
} as const satisfies FunctionSpec;
