/**
 * A project as a document shows it, so that a test runs what users read: each fenced block right after a line
 * ending with a file name in backquotes and a colon (`` `__main__.py`: ``) is that file, and the lines of the
 * `sh` blocks that start with `pulumi ` are the commands.
 */

/** What one part of a Markdown document shows. */
export interface DocumentedProject {
    /** File name to content, as the document shows them. */
    readonly files: Record<string, string>;
    /** The `pulumi` commands of its `sh` blocks, in order, split into words (without the leading `pulumi`). */
    readonly commands: string[][];
}

/**
 * The files and commands in `markdown` from the first line holding `from` to the next line holding `to` (the
 * end without it). Throws when `from` is not there.
 *
 * @example
 * const { files, commands } = documentedProject(readme, "## A first program", "## Without a cloud account");
 */
export function documentedProject(markdown: string, from: string, to?: string): DocumentedProject {
    const lines = markdown.split("\n");
    const start = lines.findIndex((l) => l.includes(from));
    if (start < 0) {
        throw new Error(`the document has no line holding ${JSON.stringify(from)}`);
    }
    const stop = to === undefined ? -1 : lines.findIndex((l, i) => i > start && l.includes(to));
    const part = lines.slice(start, stop < 0 ? lines.length : stop);
    const files: Record<string, string> = {};
    const commands: string[][] = [];
    let lastText = "";
    for (let i = 0; i < part.length; i++) {
        const fence = /^```(\w*)\s*$/.exec(part[i]);
        if (!fence) {
            if (part[i].trim() !== "") lastText = part[i];
            continue;
        }
        const end = part.findIndex((l, j) => j > i && l.startsWith("```"));
        if (end < 0) {
            throw new Error(`a code block from line ${start + i + 1} is never closed`);
        }
        const body = part.slice(i + 1, end);
        const named = /`([^`]+)`:\s*$/.exec(lastText);
        if (fence[1] === "sh") {
            commands.push(...body.map((l) => l.replace(/\s+#.*$/, "").trim()).filter((l) => l.startsWith("pulumi "))
                .map((l) => l.split(/\s+/).slice(1)));
        } else if (named) {
            files[named[1]] = body.join("\n") + "\n";
        }
        lastText = "";
        i = end;
    }
    return { files, commands };
}
