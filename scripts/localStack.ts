/**
 * Offline, isolated runs of the real Pulumi engine for end-to-end tests and the demo: an Automation API inline
 * program (only the `pulumi` CLI is needed, no language host) on a stack of its own in a {@link PulumiSandbox}.
 *
 * The provider host runs in the sandbox's work folder, where this package is linked in as an installed package
 * would be, so the providers are found by name as in a user's project. If the CLI cannot be had,
 * {@link LocalStack.create} throws with the explanation.
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
import * as fs from "fs";
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
import { PulumiSandbox, repoRoot } from "./pulumiSandbox";

export { pulumiCliPath, repoRoot, testPassphrase } from "./pulumiSandbox";

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
    readonly program: PulumiFn;
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
        /** The sandbox holding backend, PULUMI_HOME and work dir; removed by {@link cleanup}. */
        readonly sandbox: PulumiSandbox,
        private readonly onLine?: (line: string) => void,
    ) {}

    /** The temp folder holding backend, PULUMI_HOME and work dir. */
    get tempDir(): string {
        return this.sandbox.tempDir;
    }

    /** The CLI binary in use. */
    get cli(): string {
        return this.sandbox.cli;
    }

    /** The full environment overrides passed to every CLI call. */
    get env(): Readonly<Record<string, string>> {
        return this.sandbox.env;
    }

    /** Creates the temp folders and the stack. Throws if no CLI can be had. */
    static async create(opts: LocalStackOptions): Promise<LocalStack> {
        const sandbox = await PulumiSandbox.create({
            // The provider host runs in the work dir; let it resolve this repo's dependencies.
            envVars: { NODE_PATH: path.join(repoRoot, "node_modules"), ...opts.envVars },
        });
        try {
            const workDir = path.join(sandbox.tempDir, "work");
            // This package, linked in as `npm install` would place it, so the serialized providers find it by name.
            fs.mkdirSync(path.join(workDir, "node_modules"), { recursive: true });
            fs.symlinkSync(repoRoot, path.join(workDir, "node_modules", "pulumi-tencentcloud-purge"));
            const projectName = opts.projectName ?? "purge-e2e";
            const pulumiCommand = await withEnv({ PULUMI_HOME: sandbox.env.PULUMI_HOME }, () =>
                PulumiCommand.get({ root: path.dirname(path.dirname(sandbox.cli)), skipVersionCheck: true }),
            );
            const stack = await LocalWorkspace.createOrSelectStack(
                { stackName: opts.stackName ?? "e2e", projectName, program: opts.program },
                {
                    workDir,
                    pulumiHome: sandbox.env.PULUMI_HOME,
                    envVars: { ...sandbox.env },
                    pulumiCommand,
                    projectSettings: { name: projectName, runtime: "nodejs", backend: { url: sandbox.env.PULUMI_BACKEND_URL } },
                },
            );
            return new LocalStack(stack, sandbox, opts.onLine);
        } catch (e) {
            sandbox.cleanup();
            throw e;
        }
    }

    /**
     * `pulumi up`. Throws (a CommandError with the CLI's output) when the update fails. Aborting `signal` sends
     * the CLI one SIGINT, as one Ctrl-C in a terminal does.
     */
    up(opts: { signal?: AbortSignal } = {}): Promise<OpOutcome<UpResult>> {
        return this.capture((o) => this.stack.up({ ...o, signal: opts.signal }));
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
        const text = await this.sandbox.run(this.stack.workspace.workDir, ["stack", "export", "--stack", this.stack.name, "--non-interactive"]);
        return { deployment: JSON.parse(text) as StackExport, text };
    }

    /** Removes the stack (even with resources left in it) and the temp folder. Never throws. */
    async cleanup(): Promise<void> {
        try {
            await this.stack.workspace.removeStack(this.stack.name, { force: true });
        } catch {
            // The folder goes anyway.
        }
        this.sandbox.cleanup();
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
