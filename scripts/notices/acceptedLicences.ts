/**
 * Which licences a bundled package may have: permissive ones whose terms the plugin archives meet by shipping the
 * licence text and notices beside the bundle. A package under any other licence, or with no licence the tools can
 * read, stops the release until someone has looked at it.
 */
// spdx-expression-parse has no type declarations of its own.
const parseSpdx: (expression: string) => SpdxNode = require("spdx-expression-parse");

type SpdxNode = { license: string; plus?: boolean; exception?: string } | { left: SpdxNode; conjunction: "and" | "or"; right: SpdxNode };

/** SPDX identifiers of the licences accepted in the bundle. */
export const ACCEPTED_LICENCES: ReadonlySet<string> = new Set([
    "0BSD", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MIT", "Python-2.0", "Unlicense", "CC0-1.0", "BlueOak-1.0.0",
]);

function accepted(node: SpdxNode): boolean {
    if ("license" in node) return ACCEPTED_LICENCES.has(node.license) && !node.exception;
    return node.conjunction === "and" ? accepted(node.left) && accepted(node.right) : accepted(node.left) || accepted(node.right);
}

/**
 * Why a licence expression (as a package declares it) is not accepted, or undefined when it is.
 *
 * @example
 * licenceProblem("(BSD-3-Clause AND Apache-2.0)"); // undefined
 * licenceProblem("UNKNOWN");                       // "not an SPDX licence expression: UNKNOWN"
 */
export function licenceProblem(expression: string): string | undefined {
    let node: SpdxNode;
    try {
        node = parseSpdx(expression);
    } catch {
        return `not an SPDX licence expression: ${expression}`;
    }
    return accepted(node) ? undefined : `not an accepted licence (${[...ACCEPTED_LICENCES].join(", ")}): ${expression}`;
}
