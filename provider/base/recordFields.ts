/**
 * How a field of an API record is read, for every product's records: the API gives ids as text or numbers and
 * enums in any case, and may leave a field out.
 */

/**
 * The field as text (a number as its digits), or `null`.
 *
 * @example
 * textField(12345); // "12345"
 */
export const textField = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);

/**
 * The field as lower-case text, or `null`: the vendor's own examples answer `"Status": "Done"`.
 *
 * @example
 * lowerField("Done"); // "done"
 */
export const lowerField = (v: unknown): string | null => textField(v)?.toLowerCase() ?? null;
