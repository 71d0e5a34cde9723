/**
 * The reference pages (`docs/reference.md`), written from the package's one description: every resource and
 * function with its inputs and outputs, and the configuration keys. A test compares the file with this text, so
 * the docs cannot fall behind the code.
 */
import { CONNECTION, limitsOf, PACKAGE_NAME, Properties, PropertySpec, tokenOf } from "../provider/description";
import { enumsOf, FUNCTIONS, RESOURCES, TYPES } from "../provider/products";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** An enum's name, with its module outside `index` (CDN's and EdgeOne's `PurgeType` differ). */
const enumName = (e: { readonly module?: string; readonly name: string }) => (e.module && e.module !== "index" ? `${e.module}.${e.name}` : e.name);

/** A property's type as TypeScript users read it. */
function typeOf(p: PropertySpec): string {
    if (p.enum) return enumName(p.enum);
    if (p.ref) return p.ref;
    if (p.type === "array") return `${p.items ? typeOf(p.items) : "any"}[]`;
    if (p.format === "time" || p.format === "isoTime") return "string \\| Date";
    return p.type === "integer" ? "number (whole)" : p.type;
}

function table(ps: Properties, withRedo: boolean): string {
    const head = withRedo ? "| name | type | required | limits and default | purges or waits again | description |\n|---|---|---|---|---|---|\n"
        : "| name | type | required | limits and default | description |\n|---|---|---|---|---|\n";
    return head + Object.entries(ps).map(([name, p]) => {
        const limits = [limitsOf(p), p.default !== undefined ? `default \`${p.default}\`` : ""].filter(Boolean).join("; ");
        const description = `${p.description}${p.secret ? " Secret." : ""} Example: \`${p.example}\`.`;
        return `| \`${name}\` | ${typeOf(p)} | ${p.required ? "yes" : ""} | ${cell(limits)} |` +
            `${withRedo ? ` ${p.redoes ? "yes" : ""} |` : ""} ${cell(description)} |`;
    }).join("\n") + "\n";
}

/**
 * The whole reference page as Markdown.
 *
 * @example
 * fs.writeFileSync("docs/reference.md", referenceMarkdown());
 */
export function referenceMarkdown(): string {
    const parts = [
        "# Reference\n",
        "Written by `scripts/writeSchema.ts` from the package's one description of each resource and function " +
        "(`provider/description/`); do not edit by hand. Every language has the same names: TypeScript and " +
        "JavaScript through the dynamic provider, Python, Go and YAML through the provider plugin (tokens below).\n",
        ...RESOURCES.map((r) => `## ${r.module === "index" ? "" : `${r.module}.`}${r.name} (resource)\n\n` +
            `Token \`${tokenOf(r)}\`. ${r.description}\n\n\`\`\`ts\n${r.example.typescript}\n\`\`\`\n\n` +
            `### Inputs\n\n${table(r.inputs, true)}\n### Outputs\n\nEvery input, and:\n\n${table(r.outputs, false)}`),
        ...FUNCTIONS.map((f) => `## ${f.module === "index" ? "" : `${f.module}.`}${f.name} (function)\n\n` +
            `Token \`${tokenOf(f)}\`. ${f.description}\n\n\`\`\`ts\n${f.example.typescript}\n\`\`\`\n\n` +
            `### Arguments\n\n${table(f.inputs, false)}\n### Result\n\n${table(f.outputs, false)}`),
        ...TYPES.map((t) => `## ${t.name} (type)\n\n${t.description}\n\n${table(t.properties, false)}`),
        `## Enums\n\n${enumsOf().map((e) => `- \`${enumName(e)}\`: ${e.values.map((v) => `\`${v}\``).join(", ")}. ${e.description}`).join("\n")}\n`,
        `## Configuration\n\nStack config \`${PACKAGE_NAME}:<name>\` (for the plugin, and for the dynamic provider's ` +
        "connection); each falls back to the environment variable it names.\n\n" + table(CONNECTION, false),
    ];
    return parts.join("\n");
}
