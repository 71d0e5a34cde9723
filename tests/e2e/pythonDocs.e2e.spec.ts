/**
 * The Python user's path as the documents show it, run on the real Pulumi engine against the emulator: the
 * project files and `pulumi` commands of the Python SDK's README (`sdk-python/README.md`) and of `docs/plugin.md`,
 * with the provider plugin installed from its release archive as the README says (`pulumi plugin install`).
 * Two steps stand in for what needs the network: the virtualenv is made by `scripts/ensurePulumiPython.sh` (a
 * user's first `pulumi up` makes it from a package index), and the plugin comes from a locally packed archive.
 * Without the Python toolchain the suite skips with what is missing and how to get it, except in CI.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { DocumentedProject, documentedProject } from "./support/markdownProject";
import { archiveForThisPlatform, packPluginArchives } from "./support/pluginArchives";
import { pythonHostOrSkip, pythonProject } from "./support/pythonProject";

const SECRET_ID = "AKIDpydocs000000000000000000000000000";
const SECRET_KEY = "python-docs-secret-key-3e9a1c";
const VERSION: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");

/** A documented command with the test's values for its placeholders, run without prompts. */
function asRun(command: readonly string[], emu: RunningEmulator): string[] {
    const words = command.map((w) => (w === "AKID..." ? SECRET_ID : w === "..." ? SECRET_KEY : w.replace(/^http:\/\/127\.0\.0\.1:<port>$/, emu.url)));
    return words[0] === "up" ? [...words, "--yes", "--non-interactive"] : words;
}

describe("the Python SDK's documents, run as a user would on the real engine", function () {
    this.timeout(300_000);
    const COMPLETE_AFTER_MS = 2000;
    let emu: RunningEmulator;
    let archive: string;
    let dist: string;
    const boxes: PulumiSandbox[] = [];

    before(async function () {
        await pythonHostOrSkip(this);
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        dist = fs.mkdtempSync(path.join(os.tmpdir(), "purge-python-docs-"));
        archive = archiveForThisPlatform(await packPluginArchives(dist));
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        if (dist) fs.rmSync(dist, { recursive: true, force: true });
        await emu?.close();
    });

    /**
     * Writes the document's files into a new project, installs the plugin, runs its commands (every one but `up`
     * in order, then `up`, so that settings shown after the program still apply) and resolves to the outputs.
     */
    async function runDocumented(doc: DocumentedProject, extraCommands: readonly string[][] = []): Promise<Record<string, unknown>> {
        assert.deepStrictEqual(Object.keys(doc.files).sort(), ["Pulumi.yaml", "__main__.py", "requirements.txt"]);
        assert.match(doc.files["requirements.txt"], /^pulumi_tencentcloud_purge @ /m);
        const { box, dir } = await pythonProject({ files: doc.files, initStack: false });
        boxes.push(box);
        await box.run(dir, ["plugin", "install", "resource", "tencentcloud-purge", VERSION, "--file", archive]);
        const commands = [...doc.commands, ...extraCommands];
        const ups = commands.filter((c) => c[0] === "up");
        assert.strictEqual(ups.length, 1, `one pulumi up among ${JSON.stringify(commands)}`);
        for (const command of [...commands.filter((c) => c[0] !== "up"), ...ups]) {
            await box.run(dir, asRun(command, emu));
        }
        const state = await box.run(dir, ["stack", "export"]);
        assert.ok(!state.includes(SECRET_KEY), "secret key in state");
        return JSON.parse(await box.run(dir, ["stack", "output", "--json"]));
    }

    /** The purge of `page` was created only once every URL of `gated` was done. */
    function purgedAfter(page: string, gated: string): void {
        const records = emu.store.allRecords();
        const gatedDoneAt = Math.max(...records.filter((r) => r.url === gated).map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        const [pageRecord] = records.filter((r) => r.url === page);
        assert.ok(pageRecord && pageRecord.createdAtMs >= gatedDoneAt, `${page} purged before ${gated} was done`);
    }

    it("the README's program and commands gate the page and read the records back", async () => {
        emu.reset();
        const readme = read("sdk-python/README.md");
        const doc = documentedProject(readme, "## A first program");
        // The README's endpoint command for the emulator is among its commands.
        assert.ok(doc.commands.some((c) => c.join(" ") === "config set tencentcloud-purge:endpoint http://127.0.0.1:<port>"), JSON.stringify(doc.commands));
        assert.match(readme, new RegExp("`pulumi plugin install resource tencentcloud-purge <version>`"));
        const out = await runDocumented(doc);
        purgedAfter("https://www.example.com/index.html", "https://www.example.com/app.js");
        assert.deepStrictEqual([out.gateStatus, (out.assetRecords as { url: string; status: string }[]).map((r) => [r.url, r.status])],
            ["done", [["https://www.example.com/app.js", "done"]]]);
    });

    it("docs/plugin.md's Python program and commands gate the second purge", async () => {
        emu.reset();
        const doc = documentedProject(read("docs/plugin.md"), "**Python**", "**Go**");
        // docs/plugin.md leaves the endpoint to the configuration page: the emulator's is set here.
        const out = await runDocumented(doc, [["config", "set", "tencentcloud-purge:endpoint", "http://127.0.0.1:<port>"]]);
        purgedAfter("https://www.example.com/", "https://www.example.com/index.html");
        assert.strictEqual(out.gateStatus, "done");
    });
});
