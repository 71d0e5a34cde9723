/**
 * The provider plugin's Pulumi package schema, built from the package's one description of each resource,
 * function and type (`provider/description`). The plugin serves it (GetSchema), `scripts/writeSchema.ts` writes
 * it to `schema.json`, and the Python and Go SDKs are generated from that file.
 */
import {
    CONNECTION, limitsOf, refToken, EnumSpec, Example, enumsOf, FUNCTIONS, PACKAGE_NAME, Properties, PropertySpec, RESOURCES, tokenOf, TYPES,
} from "../description";
import { PYTHON_README } from "./sdkReadme";

export { PACKAGE_NAME, SECRET_CONFIG_KEYS } from "../description";
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
/** The package's name where people read it: the Pulumi Registry's page title and the SDKs' display name. */
export const DISPLAY_NAME = "Tencent Cloud Purge";
/**
 * What the Pulumi Registry lists the package under: a `category/...` (the registry's categories are cloud,
 * database, infrastructure, monitoring, network, utility and versioncontrol) and a `kind/...` (native: a provider
 * of its own, not bridged from Terraform nor a component). No logoUrl: the project has no logo of its own.
 */
const KEYWORDS = ["pulumi", "tencentcloud", "cdn", "edgeone", "purge", "category/network", "kind/native"];

/** One property as the schema writes it. */
interface SchemaProperty {
    readonly type?: string;
    readonly items?: SchemaProperty;
    readonly $ref?: string;
    readonly description?: string;
    readonly secret?: boolean;
}

const describe = (p: PropertySpec) =>
    `${p.description}${limitsOf(p) ? ` ${limitsOf(p)}.` : ""}${p.default !== undefined ? ` Default: \`${p.default}\`.` : ""} ` +
    `Example: \`${p.example}\`.`;

const SCHEMA_TYPES: Record<PropertySpec["type"], string | undefined> = {
    string: "string", number: "number", integer: "integer", boolean: "boolean", array: "array", object: undefined, any: undefined,
};

/**
 * A property: enums and objects by reference, `any` as Pulumi's Any, the default and the example at the end of the
 * description. The default is told, not declared: generated SDKs would send a declared default as if the program
 * had set it, and the plugin must see which values the program left out (an unset `timeoutSeconds` takes the
 * engine's customTimeouts).
 */
function schemaProperty(p: PropertySpec, withDescription = true): SchemaProperty {
    const shape: SchemaProperty = p.enum ? { $ref: `#/types/${tokenOf(p.enum)}` }
        : p.ref ? { $ref: `#/types/${refToken(p.ref)}` }
        : p.type === "any" ? { $ref: "pulumi.json#/Any" }
        : { type: SCHEMA_TYPES[p.type], ...(p.items ? { items: schemaProperty(p.items, false) } : {}) };
    return {
        ...shape,
        ...(withDescription ? { description: describe(p) } : {}),
        ...(p.secret ? { secret: true } : {}),
    };
}

const properties = (ps: Properties) => Object.fromEntries(Object.entries(ps).map(([k, p]) => [k, schemaProperty(p)]));
const required = (ps: Properties) => Object.keys(ps).filter((k) => ps[k].required);

/** An example in Pulumi's docs shortcodes: each SDK keeps the block in its own language (Python, Go, YAML). */
const examples = (e: Example) =>
    "\n\n{{% examples %}}\n## Example Usage\n\n{{% example %}}\n### " + e.title + "\n\n" +
    (["python", "go", "yaml"] as const).map((lang) => "```" + lang + "\n" + e[lang].trim() + "\n```\n").join("\n") +
    "{{% /example %}}\n{{% /examples %}}";

const enumType = (e: EnumSpec) => ({ type: "string", description: e.description, enum: e.values.map((value) => ({ value })) });

/**
 * The schema as Pulumi reads it (`pulumi package get-schema` prints it).
 *
 * @example
 * JSON.stringify(packageSchema(), null, 2);
 */
export function packageSchema() {
    return {
        name: PACKAGE_NAME,
        displayName: DISPLAY_NAME,
        version: PACKAGE_VERSION,
        description: "Gate a deployment until a Tencent Cloud CDN or EdgeOne purge is done, and read purge tasks.",
        keywords: KEYWORDS,
        license: "Apache-2.0",
        publisher: "pulumi-tencentcloud-purge",
        repository: REPOSITORY,
        homepage: REPOSITORY,
        pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
        meta: { moduleFormat: "(.*)", supportPack: true },
        config: { variables: properties(CONNECTION) },
        provider: {
            description: "How the plugin reaches the API. Each value falls back to its environment variable.",
            inputProperties: properties(CONNECTION),
            properties: properties(CONNECTION),
        },
        types: Object.fromEntries([
            ...enumsOf().map((e) => [tokenOf(e), enumType(e)]),
            ...TYPES.map((t) => [tokenOf(t), {
                type: "object", description: t.description, properties: properties(t.properties),
                ...(required(t.properties).length > 0 ? { required: required(t.properties) } : {}),
            }]),
        ]),
        resources: Object.fromEntries(RESOURCES.map((r) => [tokenOf(r), {
            description: r.description + examples(r.example),
            inputProperties: properties(r.inputs),
            requiredInputs: required(r.inputs),
            properties: properties({ ...r.inputs, ...r.outputs }),
            required: [...required(r.inputs), ...required(r.outputs)],
        }])),
        functions: Object.fromEntries(FUNCTIONS.map((f) => [tokenOf(f), {
            description: f.description + examples(f.example),
            inputs: { properties: properties(f.inputs), ...(required(f.inputs).length > 0 ? { required: required(f.inputs) } : {}) },
            outputs: { properties: properties(f.outputs), required: required(f.outputs) },
        }])),
        language: {
            go: { importBasePath: GO_IMPORT_BASE, generateResourceContainerTypes: true, respectSchemaVersion: true },
            python: { packageName: "pulumi_tencentcloud_purge", respectSchemaVersion: true, readme: PYTHON_README,
                requires: { pulumi: ">=3.0.0,<4.0.0" }, pyproject: { enabled: true } },
        },
    };
}
