/**
 * Writes what follows from the package's one description (`provider/description`): `schema.json` (the provider
 * plugin's package schema), `docs/reference.md` and the Pulumi Registry's two pages (`docs/_index.md`,
 * `docs/installation-configuration.md`, which also follow the README and `docs/configuration.md`). Run it after changing a description, then regenerate the
 * SDKs with `bash scripts/genSdks.sh`.
 *
 * @example
 * npx ts-node --transpile-only scripts/writeSchema.ts
 */
import * as fs from "fs";
import * as path from "path";
import { schemaText } from "../provider/plugin/schemaText";
import { referenceMarkdown } from "./referenceDocs";
import { installationConfigurationMarkdown, registryIndexMarkdown } from "./registryDocs";

/** Where the schema file lives: the repository root. */
export const SCHEMA_FILE = path.join(__dirname, "..", "schema.json");
/** Where the reference page lives. */
export const REFERENCE_FILE = path.join(__dirname, "..", "docs", "reference.md");
/** The Pulumi Registry's pages, with what writes each. */
export const REGISTRY_FILES: Record<string, () => string> = {
    [path.join(__dirname, "..", "docs", "_index.md")]: registryIndexMarkdown,
    [path.join(__dirname, "..", "docs", "installation-configuration.md")]: installationConfigurationMarkdown,
};

if (require.main === module) {
    fs.writeFileSync(SCHEMA_FILE, schemaText());
    fs.writeFileSync(REFERENCE_FILE, referenceMarkdown());
    for (const [file, text] of Object.entries(REGISTRY_FILES)) fs.writeFileSync(file, text());
    process.stderr.write(`wrote ${[SCHEMA_FILE, REFERENCE_FILE, ...Object.keys(REGISTRY_FILES)].map((f) => path.relative(process.cwd(), f)).join(", ")}\n`);
}
