/**
 * Writes `schema.json` (the provider plugin's package schema) from `provider/plugin/schema.ts`, its one source.
 * Run it after changing the schema, then regenerate the SDKs with `bash scripts/genSdks.sh`.
 *
 * @example
 * npx ts-node --transpile-only scripts/writeSchema.ts
 */
import * as fs from "fs";
import * as path from "path";
import { schemaText } from "../provider/plugin/schemaText";

/** Where the schema file lives: the repository root. */
export const SCHEMA_FILE = path.join(__dirname, "..", "schema.json");

if (require.main === module) {
    fs.writeFileSync(SCHEMA_FILE, schemaText());
    process.stderr.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
