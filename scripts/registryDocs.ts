/**
 * The two pages the Pulumi Registry publishes from `docs/`: `_index.md` (what the package is, with an example per
 * language) and `installation-configuration.md` (install and configure, per language). Both are put together
 * from the README, `docs/configuration.md` and the package's one description of its configuration and examples,
 * so they say what those say; `scripts/writeSchema.ts` writes them and a test compares the files with this text.
 */
import * as fs from "fs";
import * as path from "path";
import { CONNECTION, PACKAGE_NAME, RESOURCES } from "../provider/description";
import { DISPLAY_NAME, PACKAGE_VERSION, packageSchema, REPOSITORY } from "../provider/plugin/schema";
import { absoluteLinks, demoteHeadings, introOf, sectionOf } from "./markdownParts";

const ROOT = path.join(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
/** Links in the pages point at the files of the release they describe. */
const linked = (markdown: string, fromDir: string) => absoluteLinks(markdown, fromDir, `${REPOSITORY}/blob/v${PACKAGE_VERSION}`);

const REGISTRY_TITLE = DISPLAY_NAME;

const frontMatter = (title: string, metaDesc: string) =>
    `---\ntitle: ${JSON.stringify(title)}\nmeta_desc: ${JSON.stringify(metaDesc)}\nlayout: package\n---\n\n` +
    "<!-- Written by scripts/writeSchema.ts from README.md, docs/configuration.md and provider/description/; do not edit by hand. -->";

const LANGUAGES = [["typescript", "ts"], ["python", "python"], ["go", "go"], ["yaml", "yaml"]] as const;

/** The gate (a purge that does not wait, then a waiter on its task) in each language, in the registry's language chooser. */
function gateExample(): string {
    const gate = RESOURCES.find((r) => r.module === "index" && r.name === "PurgeTaskWaiter")!;
    return `{{< chooser language "${LANGUAGES.map(([l]) => l).join(",")}" >}}\n` + LANGUAGES.map(([lang, fence]) =>
        `{{% choosable language ${lang} %}}\n\n\`\`\`${fence}\n${gate.example[lang].trim()}\n\`\`\`\n\n{{% /choosable %}}\n`).join("") +
        "{{< /chooser >}}\n\nThe gate is created only once the purge is done; resources that depend on it wait for it.";
}

/**
 * `docs/_index.md`.
 *
 * @example
 * fs.writeFileSync("docs/_index.md", registryIndexMarkdown());
 */
export function registryIndexMarkdown(): string {
    const readme = read("README.md");
    return [
        frontMatter(REGISTRY_TITLE, packageSchema().description),
        linked(introOf(readme), ""),
        "## Example",
        gateExample(),
        "## When to use this instead of the official provider",
        linked(sectionOf(readme, "## When to use this instead of the official provider"), ""),
        "## EdgeOne",
        linked(sectionOf(readme, "## EdgeOne"), ""),
    ].join("\n\n") + "\n";
}

/** Every configuration key, with what it is and its environment variable (in its description). */
const keyTable = () => "| key | secret | description |\n|---|---|---|\n" + Object.entries(CONNECTION)
    .map(([name, p]) => `| \`${PACKAGE_NAME}:${name}\` | ${p.secret ? "yes" : ""} | ${p.description.replace(/\|/g, "\\|")} |`).join("\n");

/**
 * `docs/installation-configuration.md`.
 *
 * @example
 * fs.writeFileSync("docs/installation-configuration.md", installationConfigurationMarkdown());
 */
export function installationConfigurationMarkdown(): string {
    const readme = read("README.md");
    const configuration = read("docs/configuration.md").replace(/^# .*\n/, "").trim();
    return [
        frontMatter(`${REGISTRY_TITLE} Installation & Configuration`,
            `How to install the ${REGISTRY_TITLE} package for TypeScript, JavaScript, Python, Go and YAML, and configure its credentials and endpoints.`),
        "## Installation",
        linked(sectionOf(readme, "## Install"), ""),
        "## Credentials",
        linked(sectionOf(readme, "## Credentials"), ""),
        "## Configuration",
        linked(demoteHeadings(configuration, 1), "docs"),
        "### Configuration keys",
        `Stack config \`${PACKAGE_NAME}:<key>\` (the provider plugin: Python, Go, YAML; TypeScript reads these and the ` +
        "official provider's `tencentcloud:<key>`); each falls back to the environment variable it names.",
        keyTable(),
    ].join("\n\n") + "\n";
}
