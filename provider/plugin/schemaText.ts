/**
 * The schema as the text the plugin serves and `schema.json` holds: one formatting, so the file and the plugin
 * can be compared byte for byte.
 */
import { packageSchema } from "./schema";

/**
 * The schema as pretty-printed JSON with a final newline.
 *
 * @example
 * fs.writeFileSync("schema.json", schemaText());
 */
export function schemaText(): string {
    return `${JSON.stringify(packageSchema(), null, 2)}\n`;
}
