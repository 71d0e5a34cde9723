/**
 * Python project folders for the end-to-end tests: a sandbox with Pulumi's Python language host beside its CLI
 * (from `scripts/ensurePulumiPython.sh`), a project's files copied or written into it, its virtualenv made with
 * the `pulumi` package and the generated SDK (`sdk-python/`), and a stack initialised there.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox, repoRoot } from "../../../scripts/pulumiSandbox";
import { inCi } from "../../support/ci";
import { NO_ENV_CREDENTIALS } from "../../support/hostsUnderTest";

const SCRIPT = path.join(repoRoot, "scripts", "ensurePulumiPython.sh");
/** The script's exit code for a missing piece (see its header). */
const MISSING = 3;
/** The three files of the Python language host, which must stay in one folder. */
const HOST_FILES = ["pulumi-language-python", "pulumi-language-python-exec", "pulumi-resource-pulumi-python"];

/** What the script said when it found no toolchain; `missing` when it named a piece to get, not a fault. */
class ToolchainError extends Error {
    constructor(message: string, readonly missing: boolean) {
        super(message);
    }
}

/** Runs the script (with `project`, it also makes that project's virtualenv); resolves to the host's path. */
function ensurePulumiPython(project?: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile("bash", [SCRIPT, ...(project ? [project] : [])], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
            if (err) {
                const missing = (err as { code?: unknown }).code === MISSING;
                reject(new ToolchainError(`no Pulumi Python toolchain (${SCRIPT} exited ${String((err as { code?: unknown }).code)}):\n${stderr}`, missing));
            } else {
                resolve(stdout.trim());
            }
        });
    });
}

let host: Promise<string> | undefined;

/**
 * The Python language host's path, found or set up once per process. Outside CI a missing piece skips the calling
 * suite with the script's explanation (what is missing and how to get it); in CI it fails it.
 *
 * @example
 * before(async function () { hostPath = await pythonHostOrSkip(this); });
 */
export async function pythonHostOrSkip(ctx: Mocha.Context): Promise<string> {
    host ??= ensurePulumiPython();
    try {
        return await host;
    } catch (e) {
        if (e instanceof ToolchainError && e.missing && !inCi()) {
            console.warn(`    skipped: ${e.message}`);
            ctx.skip();
        }
        throw e;
    }
}

/** What to put in the project folder. */
export interface PythonProjectFiles {
    /** A folder of `examples/` to copy, e.g. `python-gate`. */
    readonly example?: string;
    /** Files to write (name to content) after the copy, e.g. a README's `Pulumi.yaml` and `__main__.py`. */
    readonly files?: Readonly<Record<string, string>>;
    /** An edit of the Pulumi.yaml (e.g. naming this repository's plugin folder). */
    readonly editPulumiYaml?: (text: string) => string;
    /** Initialise the stack `e2e` (default); false leaves it to the caller's commands. */
    readonly initStack?: boolean;
}

/**
 * A sandbox and a Python project folder in it, with its virtualenv made and the stack `e2e` initialised (unless
 * `initStack` is false); then `pulumi config set` with each of `config`. No credential or endpoint comes from this
 * process's environment.
 * Call {@link pythonHostOrSkip} first (in the suite's `before`).
 *
 * @example
 * const { box, dir } = await pythonProject({ example: "python-gate" }, [["tencentcloud-purge:endpoint", emu.url]]);
 */
export async function pythonProject(files: PythonProjectFiles, config: readonly (readonly string[])[] = []): Promise<{ box: PulumiSandbox; dir: string }> {
    const hostPath = await (host ??= ensurePulumiPython());
    const plugins = HOST_FILES.map((f) => path.join(path.dirname(hostPath), f));
    const box = await PulumiSandbox.create({ envVars: { ...NO_ENV_CREDENTIALS, TENCENTCLOUD_TEO_ENDPOINT: "" }, plugins });
    try {
        const dir = path.join(box.tempDir, files.example ?? "project");
        if (files.example) {
            fs.cpSync(path.join(repoRoot, "examples", files.example), dir, { recursive: true });
        }
        fs.mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(files.files ?? {})) {
            fs.writeFileSync(path.join(dir, name), text);
        }
        if (files.editPulumiYaml) {
            const file = path.join(dir, "Pulumi.yaml");
            fs.writeFileSync(file, files.editPulumiYaml(fs.readFileSync(file, "utf8")));
        }
        await ensurePulumiPython(dir);
        if (files.initStack !== false) {
            await box.run(dir, ["stack", "init", "e2e"]);
        }
        for (const args of config) {
            await box.run(dir, ["config", "set", ...args]);
        }
        return { box, dir };
    } catch (e) {
        box.cleanup();
        throw e;
    }
}
