/**
 * Parts of the repository's Markdown for pages published elsewhere (the Pulumi Registry): a section by its
 * heading, headings moved down a level, and relative links made to point at the repository.
 */
import * as path from "path";

/**
 * The body of the `## heading` section (up to the next heading of the same or a higher level, outside code
 * blocks, where `# ` starts a shell comment), trimmed; throws
 * when the heading is missing, so a renamed section fails the generation instead of leaving a gap.
 *
 * @example
 * sectionOf(readme, "## Install"); // "| language | install |\n|---|---|\n..."
 */
export function sectionOf(markdown: string, heading: string): string {
    const level = /^#+/.exec(heading)![0].length;
    const lines = markdown.split("\n");
    const start = lines.findIndex((l) => l.trim() === heading);
    if (start < 0) throw new Error(`no section "${heading}"`);
    const rest = lines.slice(start + 1);
    let inCode = false;
    const end = rest.findIndex((l) => {
        if (l.startsWith("```")) inCode = !inCode;
        return !inCode && new RegExp(`^#{1,${level}} `).test(l);
    });
    return rest.slice(0, end < 0 ? undefined : end).join("\n").trim();
}

/**
 * The text before the first `## ` heading, without the title line.
 *
 * @example
 * introOf("# Title\n\nIntro.\n\n## Next"); // "Intro."
 */
export function introOf(markdown: string): string {
    const body = markdown.replace(/^# .*\n/, "");
    const end = body.search(/^## /m);
    return (end < 0 ? body : body.slice(0, end)).trim();
}

/**
 * Every heading moved `by` levels down (`##` becomes `###` for 1), outside code blocks.
 *
 * @example
 * demoteHeadings("## Permissions", 1); // "### Permissions"
 */
export function demoteHeadings(markdown: string, by: number): string {
    let inCode = false;
    return markdown.split("\n").map((line) => {
        if (line.startsWith("```")) inCode = !inCode;
        return !inCode && /^#+ /.test(line) ? "#".repeat(by) + line : line;
    }).join("\n");
}

/**
 * Relative links (`[x](docs/plugin.md)`, `[y](reference.md#configuration)`) as links into the repository at
 * `base` (e.g. `<repository>/blob/v1.2.3`), resolved from the folder `fromDir` of the file they came from;
 * absolute URLs and in-page anchors are left alone.
 *
 * @example
 * absoluteLinks("[usage](usage.md)", "docs", "https://github.com/o/r/blob/v1.0.0"); // "[usage](https://github.com/o/r/blob/v1.0.0/docs/usage.md)"
 */
export function absoluteLinks(markdown: string, fromDir: string, base: string): string {
    return markdown.replace(/\]\(([^)#][^)]*)\)/g, (whole, target: string) => {
        if (/^[a-z]+:/i.test(target)) return whole;
        return `](${base}/${path.posix.join(fromDir, target)})`;
    });
}
