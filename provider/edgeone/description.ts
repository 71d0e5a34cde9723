/**
 * The one description of the EdgeOne (`teo`) function and resources, in the `edgeone` module:
 * `edgeone.getPurgeTasks`, `edgeone.Purge` and `edgeone.PurgeTaskWaiter`. The same readers follow from it as from
 * the CDN's: schema, checks in both hosts, diff, reference docs and the compile-time check of the TypeScript SDK.
 */
import { EDGEONE_METHODS, EDGEONE_PURGE_TYPES, EDGEONE_STATUSES, EdgeOneMethod, EdgeOnePurgeType, EdgeOneStatus } from "./types";
import { parseIsoApiTime } from "../base/isoTime";
import { InvalidArgumentError } from "../description/validation";
import { EnumSpec, FunctionSpec, Pattern, Properties, PropertySpec, ResourceSpec, Rules, TypeSpec } from "../description/property";
import { WAIT_OPTIONS, WAIT_SWITCH, waitRules } from "../description/waitOptions";
import { listingOutputs, pageInputs } from "../description/listing";

/** The module of every EdgeOne resource, function and type. */
export const MODULE = "edgeone";

export const EDGEONE_PURGE_TYPE: EnumSpec<EdgeOnePurgeType> = { module: MODULE, name: "PurgeType", values: EDGEONE_PURGE_TYPES,
    description: "What a purge covers: URLs, URL prefixes, whole hosts, the whole zone, or cache tags." };
export const EDGEONE_METHOD: EnumSpec<EdgeOneMethod> = { module: MODULE, name: "PurgeMethod", values: EDGEONE_METHODS,
    description: "`invalidate` marks cached content stale (revalidated on the next request); `delete` drops it." };
export const EDGEONE_STATUS: EnumSpec<EdgeOneStatus> = { module: MODULE, name: "TaskStatus", values: EDGEONE_STATUSES,
    description: "A task's state, lower-cased: `processing`, then `success`, `failed`, `timeout` or `canceled`." };

const ZONE_ID: Pattern = { regex: /^zone-[0-9a-z]{6,32}$/,
    hint: 'an EdgeOne zone id such as "zone-2noz78a8ev6k" ("zone-" and 6 to 32 lower-case letters or digits)' };
/** A host name, as the `domains` filters take it. */
export const HOST: Pattern = { regex: /^(?=.{1,253}$)(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i,
    hint: "a host name such as www.example.com" };
const CACHE_TAG: Pattern = { regex: /^\S+$/, hint: "a cache tag without spaces, such as product-42" };

/** The zone every EdgeOne resource and function names. */
export const zoneId = { type: "string", pattern: ZONE_ID, max: 64, required: true, redoes: true,
    description: "The EdgeOne zone.", example: "zone-2noz78a8ev6k" } as const satisfies PropertySpec;
/**
 * A JobId, as the action that creates the job returns it.
 *
 * @example
 * const prefetchJobId = jobIdOf("CreatePrefetchTask");
 */
export const jobIdOf = (creator: string) => ({ type: "string", max: 64, description: `A JobId as ${creator} returned it.`,
    example: "1379afjk91u32h" }) as const satisfies PropertySpec;
/** A purge's JobId. */
export const jobIdText = jobIdOf("CreatePurgeTask");
/** A list of host names. */
export const hosts = (max: number, description: string) => ({ type: "array", min: 1, max, unique: true,
    items: { type: "string", pattern: HOST, max: 253, description: "A host name.", example: "www.example.com" },
    description, example: "[\"www.example.com\"]" }) as const satisfies PropertySpec;

/** One task of DescribePurgeTasks: a job shows as one task per target. */
export const EDGEONE_PURGE_TASK: TypeSpec = {
    module: MODULE,
    name: "PurgeTask",
    description: "One task of an EdgeOne purge job: a job shows as one task per target.",
    properties: {
        jobId: { ...jobIdText, description: "The job the task belongs to." },
        target: { type: "string", description: "The URL, prefix, host or cache tag.", example: "https://www.example.com/a.png" },
        type: { type: "string", enum: EDGEONE_PURGE_TYPE, description: "What the job purged.", example: "purge_url" },
        method: { type: "string", enum: EDGEONE_METHOD, description: "How the job purged.", example: "invalidate" },
        status: { type: "string", enum: EDGEONE_STATUS, description: "Anything but the four endings means not finished.", example: "success" },
        createTime: { type: "string", description: "ISO 8601 with an offset, as the API gives it.", example: "2026-12-04T20:00:00+08:00" },
        updateTime: { type: "string", description: "When the task finished (ISO 8601).", example: "2026-12-04T20:00:07+08:00" },
        failType: { type: "string", description: "Why it failed: `taskFailed`, `quotaExceeded`, `downloadManifestFailed`, " +
            "`accessDenied` or `originPullFailed`.", example: "originPullFailed" },
        failMessage: { type: "string", description: "What went wrong, in EdgeOne's words.", example: "origin answered 502" },
    },
};

/** A full http(s) URL: the protocol is part of what EdgeOne matches. */
export const isUrl = (t: string) => {
    try {
        return /^https?:\/\//i.test(t) && !!new URL(t).host;
    } catch {
        return false;
    }
};

/** What the targets of each type are, in words and as a check of one. */
const TARGETS: Readonly<Record<Exclude<EdgeOnePurgeType, "purge_all">, { what: string; ok: (t: string) => boolean }>> = {
    purge_url: { what: "full URLs with their protocol, e.g. https://www.example.com/index.html", ok: isUrl },
    purge_prefix: { what: "URL prefixes with their protocol, e.g. https://www.example.com/static/", ok: isUrl },
    purge_host: { what: "host names, e.g. www.example.com", ok: (t) => HOST.regex.test(t) },
    purge_cache_tag: { what: "cache tags, e.g. product-42", ok: (t) => CACHE_TAG.regex.test(t) },
};

/** What `edgeone.Purge` takes, apart from the resource so that the checks across it read the values typed. */
const PURGE_INPUTS = {
    zoneId,
    type: { type: "string", enum: EDGEONE_PURGE_TYPE, required: true, redoes: true,
        description: "What to purge.", example: "purge_prefix" },
    targets: { type: "array", max: 100_000, unique: true, redoes: true,
        items: { type: "string", max: 4096, description: "A target.", example: "https://www.example.com/static/" },
        description: "Full URLs or prefixes with their protocol, host names, or cache tags, by `type`; left out for " +
            "`purge_all`. Lists longer than the zone's quota batch are sent in several jobs.",
        example: "[\"https://www.example.com/static/\"]" },
    method: { type: "string", enum: EDGEONE_METHOD, redoes: true,
        description: "`invalidate` (the default) or `delete` (prefix, host and all only).", example: "delete" },
    cacheTagDomains: { ...hosts(100, "For `purge_cache_tag`: the host names whose tags to purge."), redoes: true },
    ...WAIT_SWITCH,
    ...WAIT_OPTIONS,
} as const satisfies Properties;

/** The checks across `edgeone.Purge` inputs: what each type takes. */
const purgeRules: Rules<typeof PURGE_INPUTS> = (known, pending) => {
    waitRules(known, pending);
    const { type, targets } = known;
    if (type === undefined) {
        return;
    }
    if (known.method === "delete" && (type === "purge_url" || type === "purge_cache_tag")) {
        throw new InvalidArgumentError("method", `"delete" is for purge_prefix, purge_host and purge_all; ${type} takes only "invalidate"`);
    }
    if (type === "purge_all") {
        if (targets !== undefined && targets !== null && targets.length > 0) {
            throw new InvalidArgumentError("targets", "must be left out for purge_all: it purges the whole zone");
        }
    } else if (!pending.has("targets")) {
        if (targets === undefined || targets === null || targets.length === 0) {
            throw new InvalidArgumentError("targets", `is required for ${type}: a list of ${TARGETS[type].what}`);
        }
        targets.forEach((t, i) => {
            if (typeof t !== "string" || !TARGETS[type].ok(t)) {
                throw new InvalidArgumentError(`targets[${i}]`, `must be one of ${TARGETS[type].what}, got ${JSON.stringify(t)}`);
            }
        });
    }
    const domains = known.cacheTagDomains;
    if (type === "purge_cache_tag" && (domains === undefined || domains === null) && !pending.has("cacheTagDomains")) {
        throw new InvalidArgumentError("cacheTagDomains", "is required for purge_cache_tag: the host names whose cache tags to purge");
    }
    if (type !== "purge_cache_tag" && domains !== undefined && domains !== null) {
        throw new InvalidArgumentError("cacheTagDomains", `is only for purge_cache_tag, not ${type}`);
    }
};

/** How the outputs of a resource that submits jobs speak of them: `edgeone.Purge`'s, `edgeone.Prefetch`'s. */
export interface JobWords {
    /** What submits the job (`CreatePurgeTask`) and what lists its tasks (`getPurgeTasks`). */
    readonly creator: string;
    readonly reader: string;
    /** The action (`purge`), and what each item is (`target`) and does once done: `succeeded`, `succeed`. */
    readonly noun: string;
    readonly item: string;
    readonly finished: string;
    readonly seen: string;
}

/** The `status` of a job resource or gate whose items end `finished`. */
const statusOf = (item: string, finished: string) => ({ type: "string", enum: EDGEONE_STATUS, required: true,
    description: `\`success\` once every ${item} ${finished}, \`processing\` while not (or with \`wait: false\`), \`failed\` when one did not.`,
    example: "success" }) as const satisfies PropertySpec;
/** When the wait saw every item end `seen`. */
const completedAtOf = (item: string, seen: string) => ({ type: "string", description: `When the wait saw every ${item} ${seen} (ISO-8601).`,
    example: "2026-12-04T12:00:07.000Z" }) as const satisfies PropertySpec;

/** The `status` output of the waiters. */
export const STATUS = statusOf("target", "succeeded");
/** When a waiter saw every target succeed. */
export const COMPLETED_AT = completedAtOf("target", "succeed");

/**
 * What a resource that submits jobs outputs, in its own words: the job ids, how far the submission got, and how
 * the wait ended.
 *
 * @example
 * outputs: jobOutputs({ creator: "CreatePurgeTask", reader: "getPurgeTasks", noun: "purge", item: "target",
 *     finished: "succeeded", seen: "succeed" })
 */
export function jobOutputs(w: JobWords) {
    return {
        jobId: { ...jobIdOf(w.creator), required: true, description: `The first (usually only) job id, for a waiter or ${w.reader}.` },
        jobIds: { type: "array", items: jobIdOf(w.creator), required: true,
            description: `Every job id, one per batch the ${w.item}s were split into.`, example: "[\"1379afjk91u32h\"]" },
        submitted: { type: "integer", description: `How many ${w.item}s were submitted so far.`, example: "2" },
        attempt: { type: "integer",
            description: `Which submission of these inputs the jobs are, from 1 (a failed ${w.noun} is submitted again, up to 3 times).`,
            example: "1" },
        status: statusOf(w.item, w.finished),
        completedAt: completedAtOf(w.item, w.seen),
    } as const satisfies Properties;
}

/**
 * The inputs of a gate on jobs of a zone, and the check across them: `jobId` or `jobIds`, not both. `jobs` names
 * them in the error (`jobs`, `prefetch jobs`); `one` and `several` describe the two inputs.
 *
 * @example
 * const gate = jobGate({ creator: "CreatePurgeTask", jobs: "jobs", one: "One job to wait for.", several: "Several jobs." });
 */
export function jobGate(w: { readonly creator: string; readonly jobs: string; readonly one: string; readonly several: string }) {
    const rules: Rules = (known, pending) => {
        waitRules(known, pending);
        if (known.jobId !== undefined && known.jobIds !== undefined) {
            throw new InvalidArgumentError("jobIds", "give jobId or jobIds, not both");
        }
        if (known.jobId === undefined && known.jobIds === undefined && !pending.has("jobId") && !pending.has("jobIds")) {
            throw new InvalidArgumentError("jobId", `give jobId, or jobIds: the EdgeOne ${w.jobs} to wait for (${w.creator}'s JobId)`);
        }
    };
    const inputs = {
        zoneId,
        jobId: { ...jobIdOf(w.creator), redoes: true, description: `${w.one} Give \`jobId\` or \`jobIds\`.` },
        jobIds: { type: "array", min: 1, max: 1000, unique: true, items: jobIdOf(w.creator), redoes: true,
            description: w.several, example: "[\"1379afjk91u32h\"]" },
    } as const satisfies Properties;
    return { inputs, rules };
}

/**
 * edgeone.Purge: CreatePurgeTask within the zone's quota, then a wait.
 *
 * @example
 * validateInputs(EDGEONE_PURGE, { zoneId: "zone-2noz78a8ev6k", type: "purge_host", targets: ["www.example.com"] });
 */
export const EDGEONE_PURGE = {
    module: MODULE,
    name: "Purge",
    description: "Purges EdgeOne's cache (CreatePurgeTask) within the zone's quota and waits until every target of every " +
        "job is `success`. A target EdgeOne refuses, or one that ends `failed`, `timeout` or `canceled`, fails the update " +
        "naming it and why (`FailType: FailMessage`). Changing `zoneId`, `type`, `targets`, `method`, `cacheTagDomains` " +
        "or `triggers` purges again; deleting the resource does nothing at EdgeOne.",
    example: {
        title: "Purge a prefix and wait",
        typescript: 'const site = new purge.edgeone.Purge("site", { zoneId: "zone-2noz78a8ev6k", type: "purge_prefix",\n' +
            '    targets: ["https://www.example.com/static/"], method: "delete" });',
        python: 'site = edgeone.Purge("site", zone_id="zone-2noz78a8ev6k", type="purge_prefix",\n' +
            '    targets=["https://www.example.com/static/"], method="delete")',
        go: 'site, err := edgeone.NewPurge(ctx, "site", &edgeone.PurgeArgs{\n\tZoneId:  pulumi.String("zone-2noz78a8ev6k"),\n' +
            '\tType:    edgeone.PurgeType_PURGE_PREFIX,\n\tTargets: pulumi.StringArray{pulumi.String("https://www.example.com/static/")},\n' +
            '\tMethod:  edgeone.PurgeMethodDELETE,\n})',
        yaml: 'resources:\n  site:\n    type: tencentcloud-purge:edgeone:Purge\n    properties:\n      zoneId: zone-2noz78a8ev6k\n' +
            '      type: purge_prefix\n      targets: ["https://www.example.com/static/"]\n      method: delete',
    },
    inputs: PURGE_INPUTS,
    outputs: jobOutputs({ creator: "CreatePurgeTask", reader: "getPurgeTasks", noun: "purge", item: "target", finished: "succeeded",
        seen: "succeed" }),
    rules: purgeRules,
} as const satisfies ResourceSpec;

const PURGE_GATE = jobGate({ creator: "CreatePurgeTask", jobs: "jobs", one: "One job to wait for.",
    several: "Several jobs (e.g. every batch of a purge submitted elsewhere)." });

/**
 * edgeone.PurgeTaskWaiter: a gate on EdgeOne jobs submitted elsewhere.
 *
 * @example
 * validateInputs(EDGEONE_PURGE_TASK_WAITER, { zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export const EDGEONE_PURGE_TASK_WAITER = {
    module: MODULE,
    name: "PurgeTaskWaiter",
    description: "A gate on EdgeOne jobs submitted elsewhere: created only once every target of every job is `success`. " +
        "A target that ends `failed`, `timeout` or `canceled` fails the update naming it and why; a timed-out wait is " +
        "waited again by the next `pulumi up`.",
    example: {
        title: "Gate on a job from elsewhere",
        typescript: 'const gate = new purge.edgeone.PurgeTaskWaiter("gate", { zoneId: "zone-2noz78a8ev6k", jobId: ciJobId, timeoutSeconds: 900 });',
        python: 'gate = edgeone.PurgeTaskWaiter("gate", zone_id="zone-2noz78a8ev6k", job_id=ci_job_id, timeout_seconds=900)',
        go: 'gate, err := edgeone.NewPurgeTaskWaiter(ctx, "gate", &edgeone.PurgeTaskWaiterArgs{\n' +
            '\tZoneId:         pulumi.String("zone-2noz78a8ev6k"),\n\tJobId:          pulumi.String(ciJobId),\n\tTimeoutSeconds: pulumi.Float64(900),\n})',
        yaml: 'resources:\n  gate:\n    type: tencentcloud-purge:edgeone:PurgeTaskWaiter\n    properties:\n' +
            '      zoneId: zone-2noz78a8ev6k\n      jobId: ${site.jobId}\n      timeoutSeconds: 900',
    },
    inputs: { ...PURGE_GATE.inputs, ...WAIT_OPTIONS },
    outputs: { status: STATUS, completedAt: COMPLETED_AT },
    rules: PURGE_GATE.rules,
} as const satisfies ResourceSpec;

/**
 * The tasks a listing returns, of one of the module's task types.
 *
 * @example
 * listingOutputs("tasks", tasksOf(EDGEONE_PREFETCH_TASK), "task")
 */
export const tasksOf = (task: TypeSpec) => ({ type: "array",
    items: { type: "object", ref: `${MODULE}:${task.name}`, description: "A task.", example: "{...}" },
    description: "Tasks.", example: "[{ jobId: \"1379afjk91u32h\", status: \"success\", ... }]" }) as const satisfies PropertySpec;

/**
 * edgeone.getPurgeTasks: DescribePurgeTasks of a zone, every page unless `offset` or `limit` is given.
 *
 * @example
 * validateInputs(EDGEONE_GET_PURGE_TASKS, { zoneId: "zone-2noz78a8ev6k", jobId: "1379afjk91u32h" });
 */
export const EDGEONE_GET_PURGE_TASKS = {
    module: MODULE,
    name: "getPurgeTasks",
    description: "Reads EdgeOne purge tasks (DescribePurgeTasks) of a zone. Give `startTime` (a range up to `endTime` or " +
        "now) or `jobId`. Without `offset` and `limit` every page is read; with either, one page as the API gives it.",
    example: {
        title: "Read the failed tasks of the last hour",
        typescript: 'const failed = purge.edgeone.getPurgeTasksOutput({ zoneId: "zone-2noz78a8ev6k",\n' +
            '    startTime: new Date(Date.now() - 3600e3), statuses: ["failed"] });',
        python: 'failed = edgeone.get_purge_tasks_output(zone_id="zone-2noz78a8ev6k", start_time="2026-12-04T19:00:00+08:00", statuses=["failed"])',
        go: 'failed, err := edgeone.GetPurgeTasks(ctx, &edgeone.GetPurgeTasksArgs{\n\tZoneId:    "zone-2noz78a8ev6k",\n' +
            '\tStartTime: pulumi.StringRef("2026-12-04T19:00:00+08:00"),\n\tStatuses:  []edgeone.TaskStatus{edgeone.TaskStatusFAILED},\n})',
        yaml: 'variables:\n  failed:\n    fn::invoke:\n      function: tencentcloud-purge:edgeone:getPurgeTasks\n      arguments:\n' +
            '        zoneId: zone-2noz78a8ev6k\n        startTime: "2026-12-04T19:00:00+08:00"\n        statuses: [failed]',
    },
    inputs: {
        zoneId,
        startTime: { type: "string", format: "isoTime", description: "Tasks created at or after this time: a `Date` or ISO-8601 with a zone.",
            example: "2026-12-04T19:00:00+08:00" },
        endTime: { type: "string", format: "isoTime", description: "Tasks created at or before this time. Default: now, when `startTime` is given.",
            example: "2026-12-04T20:00:00+08:00" },
        jobId: { ...jobIdText, description: "Only the tasks of this job." },
        target: { type: "string", max: 4096, description: "One target (a URL, prefix, host or cache tag); the API matches part of it.",
            example: "https://www.example.com/a.png" },
        domains: hosts(20, "Only tasks of these host names."),
        statuses: { type: "array", min: 1, max: 20, unique: true,
            items: { type: "string", enum: EDGEONE_STATUS, description: "A status.", example: "failed" },
            description: "Only tasks in these states.", example: "[\"failed\"]" },
        type: { type: "string", enum: EDGEONE_PURGE_TYPE, description: "Only jobs of this type.", example: "purge_url" },
        ...pageInputs("task", 1000),
    },
    outputs: listingOutputs("tasks", tasksOf(EDGEONE_PURGE_TASK), "task"),
    rules(known, pending) {
        if (known.startTime === undefined && known.jobId === undefined && !pending.has("startTime") && !pending.has("jobId")) {
            throw new InvalidArgumentError("startTime", "give startTime (with endTime, or up to now), or jobId: EdgeOne needs a time range or a job id");
        }
        if (known.startTime === undefined && known.endTime !== undefined && !pending.has("startTime")) {
            throw new InvalidArgumentError("endTime", "needs startTime too");
        }
        const [start, end] = [known.startTime, known.endTime].map((t) => (typeof t === "string" ? parseIsoApiTime(t) : undefined));
        if (start && end && end < start) {
            throw new InvalidArgumentError("endTime", `must not be before startTime (${known.startTime}), got ${known.endTime}`);
        }
    },
} as const satisfies FunctionSpec;
