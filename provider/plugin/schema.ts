/**
 * The provider plugin's Pulumi package schema: the one description of its function, resources, types and
 * configuration. The plugin serves it (GetSchema), `scripts/writeSchema.ts` writes it to `schema.json`, and the
 * Python and Go SDKs are generated from that file. Names, inputs and outputs match the TypeScript `sdk/`.
 */
import { FLUSH_TYPES, PURGE_AREAS, PURGE_STATUSES, PURGE_TYPES } from "../types";
import { DEFAULT_WAIT } from "../resources/inputs";
import { PYTHON_README } from "./sdkReadme";

/** The package name: the first part of every token, and the namespace of its stack config. */
export const PACKAGE_NAME = "tencentcloud-purge";
/** The plugin's version; the SDKs generated from the schema ask the engine for this version of the plugin. */
export const PACKAGE_VERSION = "0.1.0";
/** The source repository: the Go SDK's module path starts with it. */
export const REPOSITORY = "https://github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge";
/**
 * Where the generated Go SDK is imported from: the Go module `<repository>/sdk-go`, released with tags
 * `sdk-go/v<version>` as Go requires for a module in a subfolder.
 */
export const GO_IMPORT_BASE = "github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/sdk-go/tencentcloudpurge";
/**
 * Where the engine downloads the plugin from when a program needs it and it is not installed: the release
 * assets of the repository's tag `v<version>` (Pulumi's `github://` form; the repository defaults to
 * `pulumi-<package name>`), named `pulumi-resource-tencentcloud-purge-v<version>-<os>-<arch>.tar.gz`.
 */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-tencentcloud-purge";

const token = (name: string) => `${PACKAGE_NAME}:index:${name}`;
/** The type tokens of the schema, by name. */
export const TOKENS = {
    getPurgeTasks: token("getPurgeTasks"),
    urlPurge: token("UrlPurge"),
    pathPurge: token("PathPurge"),
    waiter: token("PurgeTaskWaiter"),
    purgeTask: token("PurgeTask"),
    assumeRole: token("AssumeRole"),
    assumeRoleWithWebIdentity: token("AssumeRoleWithWebIdentity"),
} as const;

/** One property of the schema. */
interface Property {
    readonly type?: string;
    readonly items?: Property;
    readonly $ref?: string;
    readonly description: string;
    readonly secret?: boolean;
    readonly default?: unknown;
}

const oneOf = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(", ");
const text = (description: string): Property => ({ type: "string", description });
const list = (description: string, items: Omit<Property, "description">): Property =>
    ({ type: "array", items: items as Property, description });

const area = text(`Where the purge applies: ${oneOf(PURGE_AREAS)}. Default: where each domain is accelerated. ` +
    "Example: `mainland`.");
const time = (what: string) => text(`${what}: Beijing time \`YYYY-MM-DD HH:mm:ss\` (the API's form) or ISO-8601 ` +
    "with a zone. Example: `2026-11-29 00:00:00`.");

/**
 * An example in Pulumi's docs shortcodes: each SDK keeps the block in its own language (Python, Go, YAML).
 */
const example = (title: string, code: { readonly python: string; readonly go: string; readonly yaml: string }) =>
    "\n\n{{% examples %}}\n## Example Usage\n\n{{% example %}}\n### " + title + "\n\n" +
    (["python", "go", "yaml"] as const).map((lang) => "```" + lang + "\n" + code[lang].trim() + "\n```\n").join("\n") +
    "{{% /example %}}\n{{% /examples %}}";

/** Wait settings every resource takes. */
const waitInputs: Record<string, Property> = {
    timeoutSeconds: { type: "number", description: "The wait's own deadline in seconds (1..86400). Default " +
        `${DEFAULT_WAIT.timeoutSeconds}. On timeout the update fails and the task ids stay in the state, so the next ` +
        "`pulumi up` resumes the wait. Example: `900`." },
    minDelaySeconds: { type: "number", description: "The shortest pause between checks of this wait's own schedule " +
        "(0.1..600 s). Setting either delay takes the wait off the shared adaptive poller. Example: `2`." },
    maxDelaySeconds: { type: "number", description: "The longest pause between checks of this wait's own schedule " +
        "(0.1..3600 s). Example: `20`." },
    triggers: list("Any values; when they change, the resource purges (or waits) again. Example: `[\"release-42\"]`.",
        { $ref: "pulumi.json#/Any" }),
};

const purgeInputs: Record<string, Property> = {
    area,
    urlEncode: { type: "boolean", description: "Let the API encode the URLs (for URLs with Chinese characters). Example: `true`." },
    wait: { type: "boolean", description: "Wait until the purge is done (default `true`). With `false`, only submit, " +
        "and gate on `taskId` with a PurgeTaskWaiter. Example: `false`." },
    ...waitInputs,
};

const purgeOutputs: Record<string, Property> = {
    taskId: text("The first (usually only) task id, for a PurgeTaskWaiter or getPurgeTasks. Example: `15336040-1a2b`."),
    taskIds: list("Every task id, one per batch the list was split into. Example: `[\"15336040-1a2b\"]`.", { type: "string" }),
    submitted: { type: "integer", description: "How many of the URLs or paths were submitted so far. Example: `2`." },
    status: text(`\`done\` once everything is purged, \`process\` while not finished (or with \`wait: false\`), ` +
        "`fail` when a record failed. Example: `done`."),
    completedAt: text("When the wait saw the purge done (ISO-8601). Example: `2026-11-29T10:00:07.000Z`."),
};

const purgeResource = (description: string, own: Record<string, Property>, required: string[]) => ({
    description,
    inputProperties: { ...own, ...purgeInputs },
    requiredInputs: required,
    properties: { ...own, ...purgeInputs, ...purgeOutputs },
    required: [...required, "taskId", "taskIds", "status"],
});

const connection: Record<string, Property> = {
    secretId: text("The API SecretId. Default: `TENCENTCLOUD_SECRET_ID`. Example: `AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE`."),
    secretKey: { ...text("The API SecretKey; set it with `pulumi config set --secret`. Default: `TENCENTCLOUD_SECRET_KEY`. " +
        "Example: `Gu5t9xGARNpq86cd98joQYCN3EXAMPLE`."), secret: true },
    securityToken: { ...text("A session token that comes with temporary credentials. Default: " +
        "`TENCENTCLOUD_SECURITY_TOKEN`. Example: `eyJhbGciOi...`."), secret: true },
    region: text("The region sent with each request. Default: `TENCENTCLOUD_REGION`. Example: `ap-guangzhou`."),
    endpoint: text("The CDN API as a full URL. Default: `TENCENTCLOUD_CDN_ENDPOINT`, else " +
        "`https://cdn.tencentcloudapi.com`. Example: `http://127.0.0.1:9000` for the emulator."),
    stsEndpoint: text("STS, for role assumption, as a full URL. Default: `TENCENTCLOUD_STS_ENDPOINT`, else " +
        "`https://sts.<domain>`. Example: `http://127.0.0.1:9000` for the emulator."),
    metadataEndpoint: text("The CVM instance metadata service, for `camRoleName`. Default: `TENCENTCLOUD_METADATA_ENDPOINT`, " +
        "else `http://metadata.tencentyun.com`. Example: `http://127.0.0.1:8080`."),
    domain: text("The API's root domain. Default: `TENCENTCLOUD_DOMAIN`, else `tencentcloudapi.com`. " +
        "Example: `intl.tencentcloudapi.com` for the international site."),
    protocol: text("`HTTP` or `HTTPS` for the addresses built from `domain`. Default: `TENCENTCLOUD_PROTOCOL`, else `HTTPS`. " +
        "Example: `HTTPS`."),
    assumeRole: { $ref: `#/types/${TOKENS.assumeRole}`, description: "A role to assume with STS AssumeRole, signed by the " +
        "other credentials. Default: `TENCENTCLOUD_ASSUME_ROLE_ARN` (with `..._SESSION_NAME`, `..._SESSION_DURATION`). " +
        "Example: `{ roleArn: \"qcs::cam::uin/100000000001:roleName/deploy\" }`." },
    assumeRoleWithWebIdentity: { $ref: `#/types/${TOKENS.assumeRoleWithWebIdentity}`, description: "A role to assume with an " +
        "OIDC token (CI identity), needing no keys. Default: `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN` or `..._FILE` " +
        "with `TENCENTCLOUD_ASSUME_ROLE_ARN`. Example: `{ roleArn: \"qcs::cam::uin/100000000001:roleName/ci\", " +
        "webIdentityTokenFile: \"/var/run/oidc/token\" }`. Secret, since it may hold the token.", secret: true },
    profile: text("A `tccli configure` profile, read when no keys are set. Default: `TENCENTCLOUD_PROFILE`, else `default`. " +
        "Example: `deploy`."),
    sharedCredentialsDir: text("The folder of the profiles. Default: `TENCENTCLOUD_SHARED_CREDENTIALS_DIR`, else `~/.tccli`. " +
        "Example: `/home/ci/.tccli`."),
    camRoleName: text("The CAM role bound to the CVM instance this runs on. Default: `TENCENTCLOUD_CAM_ROLE_NAME`. " +
        "Example: `purge-role`."),
};

const sessionProperties: Record<string, Property> = {
    sessionName: text("The role session's name. Default: `pulumi-tencentcloud-purge`. Example: `deploy`."),
    sessionDuration: { type: "integer", description: "Seconds the temporary credentials live, 1 to 43200; they are renewed " +
        "before they expire. Default: `7200`. Example: `3600`." },
};

const assumeRoleProperties: Record<string, Property> = {
    roleArn: text("The role to assume. Example: `qcs::cam::uin/100000000001:roleName/deploy`."),
    ...sessionProperties,
    policy: text("A policy (JSON text) that narrows the role's permissions for this session. " +
        "Example: `{\"version\":\"2.0\",\"statement\":[...]}`."),
};

const webIdentityProperties: Record<string, Property> = {
    roleArn: text("The role the identity provider may assume. Example: `qcs::cam::uin/100000000001:roleName/ci`."),
    providerId: text("The identity provider's name in CAM. Default: `OIDC`. Example: `github-actions`."),
    webIdentityToken: { ...text("The OIDC token itself. Example: `eyJhbGciOi...`."), secret: true },
    webIdentityTokenFile: text("A file holding the token, read again at each renewal. Example: `/var/run/oidc/token`."),
    ...sessionProperties,
};

const purgeTaskProperties: Record<string, Property> = {
    taskId: text("The task id the record belongs to. Example: `15336040-1a2b`."),
    url: text("The purged URL or directory. Example: `https://www.example.com/index.html`."),
    status: text(`Lower-cased: ${oneOf(PURGE_STATUSES)}; anything but \`done\` or \`fail\` means not finished. Example: \`done\`.`),
    purgeType: text(`${oneOf(PURGE_TYPES)}. Example: \`url\`.`),
    flushType: text(`${oneOf(FLUSH_TYPES)}. Example: \`flush\`.`),
    createTime: text("As the API gives it: `YYYY-MM-DD HH:mm:ss`, Beijing time. Example: `2026-11-29 10:00:00`."),
};

const filter: Record<string, Property> = {
    keyword: text("A domain or a full URL starting with `http://` or `https://`. Example: `www.example.com`."),
    startTime: time("Records created at or after this time"),
    endTime: time("Records created at or before this time"),
    purgeType: text(`${oneOf(PURGE_TYPES)}. Example: \`url\`.`),
    area,
};

/**
 * The provider configuration keys whose values are secret: the plugin stores them encrypted even when they were
 * set without `--secret`.
 *
 * @example
 * SECRET_CONFIG_KEYS.has("secretKey"); // true
 */
export const SECRET_CONFIG_KEYS: ReadonlySet<string> = new Set(Object.entries(connection).filter(([, p]) => p.secret).map(([k]) => k));

/**
 * The schema as Pulumi reads it (`pulumi package get-schema` prints it).
 *
 * @example
 * JSON.stringify(packageSchema(), null, 2);
 */
export function packageSchema() {
    return {
        name: PACKAGE_NAME,
        displayName: "Tencent Cloud CDN purge",
        version: PACKAGE_VERSION,
        description: "Read Tencent Cloud CDN purge tasks and gate a deployment until a purge is done.",
        keywords: ["pulumi", "tencentcloud", "cdn", "purge", "category/network"],
        license: "Apache-2.0",
        publisher: "pulumi-tencentcloud-purge",
        repository: REPOSITORY,
        homepage: REPOSITORY,
        pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
        meta: { moduleFormat: "(.*)", supportPack: true },
        config: { variables: connection },
        provider: {
            description: "How the plugin reaches the API. Each value falls back to its environment variable.",
            inputProperties: connection,
            properties: connection,
        },
        types: {
            [TOKENS.purgeTask]: {
                type: "object",
                description: "One record of a purge task. A task submitted with many URLs shows as many records sharing a `taskId`.",
                properties: purgeTaskProperties,
            },
            [TOKENS.assumeRole]: {
                type: "object",
                description: "A role to assume with STS AssumeRole, as the official Tencent Cloud provider's `assumeRole`.",
                properties: assumeRoleProperties,
                required: ["roleArn"],
            },
            [TOKENS.assumeRoleWithWebIdentity]: {
                type: "object",
                description: "A role to assume with an OIDC token, as the official Tencent Cloud provider's `assumeRoleWithWebIdentity`.",
                properties: webIdentityProperties,
                required: ["roleArn"],
            },
        },
        resources: {
            [TOKENS.urlPurge]: purgeResource(
                "Purges URLs from the CDN cache (PurgeUrlsCache) and waits until every one is purged. Changing `urls` " +
                "or `triggers` purges again; deleting the resource does nothing at the CDN." + example("Purge a page and wait", {
                    python: 'site = tencentcloud_purge.UrlPurge("site", urls=["https://www.example.com/index.html"])',
                    go: 'site, err := tencentcloudpurge.NewUrlPurge(ctx, "site", &tencentcloudpurge.UrlPurgeArgs{\n' +
                        '\tUrls: pulumi.StringArray{pulumi.String("https://www.example.com/index.html")},\n})',
                    yaml: 'resources:\n  site:\n    type: tencentcloud-purge:index:UrlPurge\n    properties:\n' +
                        '      urls: ["https://www.example.com/index.html"]',
                }),
                { urls: list("Full URLs to purge; long lists are sent in batches. Example: `[\"https://www.example.com/index.html\"]`.",
                    { type: "string" }) },
                ["urls"]),
            [TOKENS.pathPurge]: purgeResource(
                "Purges directories from the CDN cache (PurgePathCache) and waits until done. Changing `paths`, " +
                "`flushType` or `triggers` purges again; deleting the resource does nothing at the CDN." + example("Purge a directory", {
                    python: 'assets = tencentcloud_purge.PathPurge("assets", paths=["https://www.example.com/static/"], flush_type="flush")',
                    go: 'assets, err := tencentcloudpurge.NewPathPurge(ctx, "assets", &tencentcloudpurge.PathPurgeArgs{\n' +
                        '\tPaths:     pulumi.StringArray{pulumi.String("https://www.example.com/static/")},\n' +
                        '\tFlushType: pulumi.String("flush"),\n})',
                    yaml: 'resources:\n  assets:\n    type: tencentcloud-purge:index:PathPurge\n    properties:\n' +
                        '      paths: ["https://www.example.com/static/"]\n      flushType: flush',
                }),
                {
                    paths: list("Directory URLs to purge. Example: `[\"https://www.example.com/static/\"]`.", { type: "string" }),
                    flushType: text("`flush`: only resources that changed; `delete`: everything under the path. Example: `flush`."),
                },
                ["paths", "flushType"]),
            [TOKENS.waiter]: {
                description: "A gate: created only once the purge task (or every task matching the filter) is done. " +
                    "Anything that depends on it is created after that; a failed or timed-out purge fails the update." +
                    example("Gate on a purge", {
                        python: 'site = tencentcloud_purge.UrlPurge("site", urls=["https://www.example.com/index.html"], wait=False)\n' +
                            'gate = tencentcloud_purge.PurgeTaskWaiter("gate", task_id=site.task_id, timeout_seconds=600)',
                        go: 'gate, err := tencentcloudpurge.NewPurgeTaskWaiter(ctx, "gate", &tencentcloudpurge.PurgeTaskWaiterArgs{\n' +
                            '\tTaskId:         site.TaskId,\n\tTimeoutSeconds: pulumi.Float64(600),\n})',
                        yaml: 'resources:\n  gate:\n    type: tencentcloud-purge:index:PurgeTaskWaiter\n    properties:\n' +
                            '      taskId: ${site.taskId}\n      timeoutSeconds: 600',
                    }),
                inputProperties: { taskId: text("The task to wait for. Give `taskId`, or a filter with at least `startTime`. Example: `15336040-1a2b`."), ...filter, ...waitInputs },
                properties: {
                    taskId: text("The task waited for, when given. Example: `15336040-1a2b`."),
                    ...filter, ...waitInputs,
                    status: text("`done` once finished. Example: `done`."),
                    purgeLogs: list("The records as last seen. Example: `[{ taskId: \"15336040-1a2b\", status: \"done\", ... }]`.", { $ref: `#/types/${TOKENS.purgeTask}` }),
                    completedAt: text("When the wait saw everything done (ISO-8601). Example: `2026-11-29T10:00:07.000Z`."),
                },
                required: ["status", "purgeLogs"],
            },
        },
        functions: {
            [TOKENS.getPurgeTasks]: {
                description: "Reads purge tasks (DescribePurgeTasks). Give `taskId` or `startTime`. Without `offset` and " +
                    "`limit` every page is read; with either, one page as the API gives it." + example("Read today's purges of a domain", {
                        python: 'recent = tencentcloud_purge.get_purge_tasks_output(keyword="www.example.com", start_time="2026-11-29 00:00:00")',
                        go: 'recent, err := tencentcloudpurge.GetPurgeTasks(ctx, &tencentcloudpurge.GetPurgeTasksArgs{\n' +
                            '\tKeyword:   pulumi.StringRef("www.example.com"),\n\tStartTime: pulumi.StringRef("2026-11-29 00:00:00"),\n})',
                        yaml: 'variables:\n  recent:\n    fn::invoke:\n      function: tencentcloud-purge:index:getPurgeTasks\n' +
                            '      arguments:\n        keyword: www.example.com\n        startTime: "2026-11-29 00:00:00"',
                    }),
                inputs: {
                    properties: {
                        taskId: text("A task id as PurgeUrlsCache or PurgePathCache returned it. Example: `15336040-1a2b`."),
                        ...filter,
                        status: text(`${oneOf(PURGE_STATUSES)}. Example: \`fail\`.`),
                        offset: { type: "integer", description: "With `offset` or `limit`, one page is returned. Example: `0`." },
                        limit: { type: "integer", description: "Records in the one page, 1..1000. Example: `100`." },
                    },
                },
                outputs: {
                    properties: {
                        purgeLogs: list("The matching records. Example: `[{ taskId: \"15336040-1a2b\", status: \"done\", ... }]`.", { $ref: `#/types/${TOKENS.purgeTask}` }),
                        totalCount: { type: "integer", description: "Matching records in all. Example: `2`." },
                        requestId: text("The RequestId of the first request, to quote to Tencent Cloud support. Example: `5e1a-...`."),
                        requestIds: list("The RequestId of every page read. Example: `[\"5e1a-...\"]`.", { type: "string" }),
                    },
                    required: ["purgeLogs", "totalCount", "requestId", "requestIds"],
                },
            },
        },
        language: {
            go: { importBasePath: GO_IMPORT_BASE, generateResourceContainerTypes: true, respectSchemaVersion: true },
            python: { packageName: "pulumi_tencentcloud_purge", respectSchemaVersion: true, readme: PYTHON_README,
                requires: { pulumi: ">=3.0.0,<4.0.0" }, pyproject: { enabled: true } },
        },
    };
}
