/**
 * Writes what follows from the package's one description (`provider/description`): `schema.json` (the provider
 * plugin's package schema) and `docs/reference.md`. Run it after changing a description, then regenerate the
 * SDKs with `bash scripts/genSdks.sh`.
 *
 * @example
 * npx ts-node --transpile-only scripts/writeSchema.ts
 */
import * as fs from "fs";
import * as path from "path";
import { schemaText } from "../provider/plugin/schemaText";
import { referenceMarkdown } from "./referenceDocs";

/** Where the schema file lives: the repository root. */
export const SCHEMA_FILE = path.join(__dirname, "..", "schema.json");
/** Where the reference page lives. */
export const REFERENCE_FILE = path.join(__dirname, "..", "docs", "reference.md");

if (require.main === module) {
    fs.writeFileSync(SCHEMA_FILE, schemaText());
    fs.writeFileSync(REFERENCE_FILE, referenceMarkdown());
    process.stderr.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)} and ${path.relative(process.cwd(), REFERENCE_FILE)}\n`);
}
