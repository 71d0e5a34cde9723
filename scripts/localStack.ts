/**
 * Offline, isolated runs of the real Pulumi engine for end-to-end tests and the demo.
 *
 * A run is an Automation API inline program (only the `pulumi` CLI is needed, no language host)
 * on a stack of its own: a file backend, a `PULUMI_HOME` and a work dir, all in one temp folder,
 * a passphrase secrets provider, no update check, no plugin downloads. Nothing reaches the
 * network and nothing touches the user's own Pulumi login.
 *
 * The CLI comes from `scripts/ensure-pulumi.sh` (the one on PATH, a cached build, or a build from
 * the Go module proxy); the dynamic-provider plugin from `node_modules/@pulumi/pulumi`. If the CLI
 * cannot be had, {@link LocalStack.create} throws with the script's explanation.
 *
 * @example
 * const h = await LocalStack.create({ program: async () => ({ answer: 42 }) });
 * try {
 *     const up = await h.up();
 *     assert.strictEqual(up.result.outputs.answer.value, 42);
 *     assert.ok(up.lines.some(l => l.includes("Resources:")));
 * } finally {
 *     await h.cleanup();
 * }
 */
import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    DestroyResult,
    EngineEvent,
    LocalWorkspace,
    PreviewResult,
    PulumiCommand,
    PulumiFn,
    RefreshResult,
    Stack,
    UpResult,
} from "@pulumi/pulumi/automation";

/** The repository root (this file lives in `scripts/`). */
export const repoRoot = path.resolve(__dirname, "..");
/** The folder holding `pulumi-resource-pulumi-nodejs`, the dynamic-provider plugin. */
export const dynamicProviderPluginDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
/** The passphrase of every test stack's secrets provider. Test-only; it protects nothing. */
export const testPassphrase = "tencentcloud-purge-e2e-passphrase";

let cliPath: Promise<string> | undefined;

/**
 * The absolute path of the `pulumi` CLI, from `scripts/ensure-pulumi.sh` (run once per process;
 * its progress is forwarded to stderr). Rejects with the script's explanation when there is none.
 */
export function pulumiCliPath(): Promise<string> {
    cliPath ??= new Promise<string>((resolve, reject) => {
        const script = path.join(repoRoot, "scripts", "ensure-pulumi.sh");
        const child = spawn("bash", [script], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => {
            err += d.toString();
            process.stderr.write(d);
        });
        child.on("error", (e) => reject(new Error(`cannot run ${script}: ${e.message}`)));
        child.on("close", (code) => {
            const bin = out.trim();
            if (code === 0 && bin !== "") {
                resolve(bin);
            } else {
                reject(new Error(`no pulumi CLI for the end-to-end tests (${script} exited ${code}):\n${err}`));
            }
        });
    });
    return cliPath;
}

/**
 * Lays out `dir` as PulumiCommand.get's `<root>/bin` (it runs `<root>/bin/pulumi`): the CLI, and
 * the dynamic-provider plugin next to it. The engine takes a plugin found next to its own
 * executable as bundled; one found only on PATH works too but earns a warning in every run.
 * The CLI is hard-linked when possible, since the engine resolves symlinks to find its folder.
 */
function linkCli(cli: string, dir: string): void {
    const target = path.join(dir, "pulumi");
    try {
        fs.linkSync(fs.realpathSync(cli), target);
    } catch {
        fs.symlinkSync(cli, target); // another file system or not ours: works, with that warning
    }
    const plugin = "pulumi-resource-pulumi-nodejs";
    fs.symlinkSync(path.join(dynamicProviderPluginDir, plugin), path.join(dir, plugin));
}

/**
 * Runs `f` with `vars` set in this process's environment, then restores it. For
 * PulumiCommand.get, whose `pulumi version` takes no env of ours and would otherwise write a
 * log file into the user's ~/.pulumi.
 */
async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
        return await f();
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    }
}

/** What to run and how. */
export interface LocalStackOptions {
    /** The inline Pulumi program; what it returns becomes the stack outputs. */
    readonly program?: PulumiFn;
    /**
     * Instead of `program`: a project folder (its `Pulumi.yaml` and files), copied into the work dir and run by
     * its language host, as `pulumi up` in that folder would. `edit` may change the copy first.
     */
    readonly project?: { readonly dir: string; readonly edit?: (workDir: string) => void };
    /** Folders put first on PATH, e.g. where a language host is. */
    readonly pathDirs?: readonly string[];
    /** Default `purge-e2e`. */
    readonly projectName?: string;
    /** Default `e2e`. */
    readonly stackName?: string;
    /** Extra environment for the CLI, the program's engine and the provider host (e.g. emulator URL). */
    readonly envVars?: Record<string, string>;
    /** Receives each output line as it arrives (the demo shows them live). */
    readonly onLine?: (line: string) => void;
}

/** One operation's result with everything it printed. */
export interface OpOutcome<T> {
    readonly result: T;
    /** stdout and stderr of the CLI, split into lines, in arrival order (stderr lines interleaved). */
    readonly lines: readonly string[];
    /** The engine events of the operation (resource steps, diagnostics, outputs). */
    readonly events: readonly EngineEvent[];
}

/** An isolated stack driven through the Automation API. Call {@link cleanup} when done. */
export class LocalStack {
    /** Output lines of the last operation, also after it threw (the error carries them too). */
    lastLines: string[] = [];
    /** Engine events of the last operation, also after it threw. */
    lastEvents: EngineEvent[] = [];

    private constructor(
        /** The Automation API stack, for anything not wrapped here (e.g. `setConfig`, `outputs`). */
        readonly stack: Stack,
        /** The temp folder holding backend, PULUMI_HOME and work dir; removed by {@link cleanup}. */
        readonly tempDir: string,
        /** The CLI binary in use. */
        readonly cli: string,
        /** The full environment overrides passed to every CLI call. */
        readonly env: Readonly<Record<string, string>>,
        private readonly onLine?: (line: string) => void,
    ) {}

    /** Creates the temp folders and the stack. Throws if no CLI can be had. */
    static async create(opts: LocalStackOptions): Promise<LocalStack> {
        const cli = await pulumiCliPath();
        const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-e2e-"));
        try {
            const dirs = { backend: "backend", home: "home", work: "work", cliRoot: "cli/bin" };
            for (const d of Object.values(dirs)) fs.mkdirSync(path.join(tempDir, d), { recursive: true });
            linkCli(cli, path.join(tempDir, dirs.cliRoot));
            const backendUrl = `file://${path.join(tempDir, dirs.backend)}`;
            const env: Record<string, string> = {
                PULUMI_HOME: path.join(tempDir, dirs.home),
                PULUMI_BACKEND_URL: backendUrl,
                PULUMI_CONFIG_PASSPHRASE: testPassphrase,
                PULUMI_SKIP_UPDATE_CHECK: "true",
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
                // The CLI inherits this process's environment; blank out a login token it may hold.
                PULUMI_ACCESS_TOKEN: "",
                // The provider host runs in the temp work dir; let it resolve this repo's packages.
                NODE_PATH: path.join(repoRoot, "node_modules"),
                PATH: [
                    ...(opts.pathDirs ?? []),
                    path.join(tempDir, dirs.cliRoot),
                    path.dirname(fs.realpathSync(cli)),
                    dynamicProviderPluginDir,
                    process.env.PATH ?? "",
                ].join(path.delimiter),
                ...opts.envVars,
            };
            const projectName = opts.projectName ?? "purge-e2e";
            const pulumiCommand = await withEnv({ PULUMI_HOME: env.PULUMI_HOME }, () =>
                PulumiCommand.get({ root: path.join(tempDir, "cli"), skipVersionCheck: true }),
            );
            const workDir = path.join(tempDir, dirs.work);
            const common = { workDir, pulumiHome: env.PULUMI_HOME, envVars: env, pulumiCommand };
            const stackName = opts.stackName ?? "e2e";
            let stack: Stack;
            if (opts.project) {
                fs.cpSync(opts.project.dir, workDir, { recursive: true });
                opts.project.edit?.(workDir);
                stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir }, common);
            } else if (opts.program) {
                stack = await LocalWorkspace.createOrSelectStack(
                    { stackName, projectName, program: opts.program },
                    { ...common, projectSettings: { name: projectName, runtime: "nodejs", backend: { url: backendUrl } } },
                );
            } else {
                throw new Error("LocalStack.create needs a program or a project");
            }
            return new LocalStack(stack, tempDir, cli, env, opts.onLine);
        } catch (e) {
            fs.rmSync(tempDir, { recursive: true, force: true });
            throw e;
        }
    }

    /** `pulumi up`. Throws (a CommandError with the CLI's output) when the update fails. */
    up(): Promise<OpOutcome<UpResult>> {
        return this.capture((o) => this.stack.up(o));
    }

    /** `pulumi preview`. */
    preview(): Promise<OpOutcome<PreviewResult>> {
        return this.capture((o) => this.stack.preview(o));
    }

    /** `pulumi refresh`. */
    refresh(): Promise<OpOutcome<RefreshResult>> {
        return this.capture((o) => this.stack.refresh(o));
    }

    /** `pulumi destroy`. */
    destroy(): Promise<OpOutcome<DestroyResult>> {
        return this.capture((o) => this.stack.destroy(o));
    }

    /**
     * `pulumi stack export` as stored: secrets stay encrypted (unlike the Automation API's
     * `exportStack`, which shows them). `text` is the raw JSON, for grepping for leaked secrets.
     */
    async exportStack(): Promise<{ readonly deployment: StackExport; readonly text: string }> {
        const text = await new Promise<string>((resolve, reject) => {
            execFile(
                this.cli,
                ["stack", "export", "--stack", this.stack.name, "--non-interactive"],
                { cwd: this.stack.workspace.workDir, env: { ...process.env, ...this.env }, maxBuffer: 64 << 20 },
                (err, stdout, stderr) => (err ? reject(new Error(`pulumi stack export: ${err.message}\n${stderr}`)) : resolve(stdout)),
            );
        });
        return { deployment: JSON.parse(text) as StackExport, text };
    }

    /** Removes the stack (even with resources left in it) and the temp folder. Never throws. */
    async cleanup(): Promise<void> {
        try {
            await this.stack.workspace.removeStack(this.stack.name, { force: true });
        } catch {
            // The folder goes anyway.
        }
        fs.rmSync(this.tempDir, { recursive: true, force: true });
    }

    private async capture<T>(run: (o: CaptureOptions) => Promise<T>): Promise<OpOutcome<T>> {
        const lines: string[] = [];
        const events: EngineEvent[] = [];
        this.lastLines = lines;
        this.lastEvents = events;
        const out = lineSplitter(lines, this.onLine);
        const err = lineSplitter(lines, this.onLine);
        try {
            const result = await run({ onOutput: out.push, onError: err.push, onEvent: (e) => events.push(e), color: "never" });
            return { result, lines, events };
        } finally {
            out.flush();
            err.flush();
        }
    }
}

interface CaptureOptions {
    onOutput(s: string): void;
    onError(s: string): void;
    onEvent(e: EngineEvent): void;
    color: "never";
}

/** Appends the complete lines of a chunked stream to `lines`. */
function lineSplitter(lines: string[], onLine?: (line: string) => void): { push(chunk: string): void; flush(): void } {
    let partial = "";
    const add = (line: string) => {
        lines.push(line);
        onLine?.(line);
    };
    return {
        push(chunk: string) {
            const parts = (partial + chunk).split(/\r?\n/);
            partial = parts.pop() ?? "";
            parts.forEach(add);
        },
        flush() {
            if (partial !== "") add(partial);
            partial = "";
        },
    };
}

/** The parts of `pulumi stack export` the tests look at. */
export interface StackExport {
    readonly version: number;
    readonly deployment: {
        readonly resources?: ReadonlyArray<{
            readonly urn: string;
            readonly type: string;
            readonly id?: string;
            readonly inputs?: Record<string, unknown>;
            readonly outputs?: Record<string, unknown>;
        }>;
    };
}
