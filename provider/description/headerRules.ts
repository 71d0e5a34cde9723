/**
 * The check of a list of HTTP headers a prefetch sends to the origin (`headers: [{ name, value }]`), the same for
 * every product but for its limits and how it measures them.
 */
import { Rules } from "./property";
import { InvalidArgumentError } from "./validation";

/** An HTTP header name (RFC 9110's token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** How long a header's name and value may be, and in what: the CDN counts bytes, EdgeOne characters. */
export interface HeaderLimits {
    readonly name: number;
    readonly value: number;
    readonly unit: "bytes" | "characters";
}

/**
 * The rule for `headers`: each an object of exactly `name` (an HTTP header name) and `value` (text), within
 * `limits`. A key beside them is refused, not dropped: a typo (`vaule`) would otherwise send a header without
 * what the user meant.
 *
 * @example
 * const rules = headerRules({ name: 128, value: 1024, unit: "bytes" });
 * rules({ headers: [{ name: "X-A", value: "1", extra: "2" }] }, new Set()); // throws on headers[0]
 */
export function headerRules(limits: HeaderLimits): Rules {
    const size = (text: string) => (limits.unit === "bytes" ? Buffer.byteLength(text) : text.length);
    return (known) => {
        const headers = known.headers as readonly unknown[] | undefined;
        (headers ?? []).forEach((h, i) => {
            if (typeof h !== "object" || h === null || Array.isArray(h)) {
                throw new InvalidArgumentError(`headers[${i}]`, `must be an object { name, value }, got ${JSON.stringify(h) ?? "nothing"}`);
            }
            const header = h as Record<string, unknown>;
            const { name, value } = header;
            if (typeof name !== "string" || !HEADER_NAME.test(name) || size(name) > limits.name) {
                throw new InvalidArgumentError(`headers[${i}].name`, `must be an HTTP header name of 1 to ${limits.name} ${limits.unit} ` +
                    `(letters, digits and !#$%&'*+.^_\`|~-), got ${JSON.stringify(name)}`);
            }
            if (typeof value !== "string" || size(value) > limits.value) {
                // The length only: the value may be a credential.
                throw new InvalidArgumentError(`headers[${i}].value`, `must be text of at most ${limits.value} ${limits.unit}, got ` +
                    (typeof value === "string" ? `${size(value)} ${limits.unit}` : JSON.stringify(value) ?? "nothing"));
            }
            const extra = Object.keys(header).filter((k) => k !== "name" && k !== "value");
            if (extra.length > 0) {
                throw new InvalidArgumentError(`headers[${i}]`, `takes only name and value, got ${extra.join(", ")}`);
            }
        });
    };
}
