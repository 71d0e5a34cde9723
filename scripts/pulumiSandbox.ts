/**
 * An isolated, offline place to run the real `pulumi` CLI: a temp folder with its own file backend and
 * `PULUMI_HOME`, a passphrase secrets provider, no update check and no plugin downloads. Nothing reaches the
 * network and nothing touches the user's own Pulumi login. The demo and the end-to-end tests build on it.
 *
 * The CLI comes from `scripts/ensurePulumi.sh` (the one on PATH, a cached build, or a build from the Go module
 * proxy); the dynamic-provider plugin from `node_modules/@pulumi/pulumi`; the Node.js language host (needed to
 * run a project folder, not an inline program) from beside the CLI, from PATH, or from the gzipped binary named
 * by `PULUMI_LANGUAGE_NODEJS_GZ`.
 *
 * @example
 * const box = await PulumiSandbox.create();
 * try { ... spawn(box.cli, ["up"], { env: { ...process.env, ...box.env } }) ... } finally { box.cleanup(); }
 */
import { spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { runCommand } from "./runCommand";

/** The repository root (this file lives in `scripts/`). */
export const repoRoot = path.resolve(__dirname, "..");
/** The folder holding `pulumi-resource-pulumi-nodejs`, the dynamic-provider plugin. */
export const dynamicProviderPluginDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
/** The passphrase of every sandbox stack's secrets provider. Test-only; it protects nothing. */
export const testPassphrase = "tencentcloud-purge-e2e-passphrase";

const LANGUAGE_HOST = "pulumi-language-nodejs";

const tools = new Map<string, Promise<string>>();

/**
 * The absolute path that `scripts/<script>` prints once it has found or built a tool (run once per process; its
 * progress is forwarded to stderr). Rejects with the script's explanation when there is none, so a test that
 * needs the tool fails rather than skips.
 *
 * @example
 * const yamlHost = await ensuredTool("ensurePulumiYaml.sh", "Pulumi YAML language host");
 */
export function ensuredTool(script: string, what: string): Promise<string> {
    let found = tools.get(script);
    if (!found) {
        found = new Promise<string>((resolve, reject) => {
            const file = path.join(repoRoot, "scripts", script);
            const child = spawn("bash", [file], { stdio: ["ignore", "pipe", "pipe"] });
            let out = "";
            let err = "";
            child.stdout.on("data", (d: Buffer) => (out += d.toString()));
            child.stderr.on("data", (d: Buffer) => {
                err += d.toString();
                process.stderr.write(d);
            });
            child.on("error", (e) => reject(new Error(`cannot run ${file}: ${e.message}`)));
            child.on("close", (code) => (code === 0 && out.trim() !== "" ? resolve(out.trim())
                : reject(new Error(`no ${what} (${file} exited ${code}):\n${err}`))));
        });
        tools.set(script, found);
    }
    return found;
}

/**
 * The absolute path of the `pulumi` CLI, from `scripts/ensurePulumi.sh`.
 *
 * @example
 * const cli = await pulumiCliPath();
 */
export function pulumiCliPath(): Promise<string> {
    return ensuredTool("ensurePulumi.sh", "pulumi CLI for the end-to-end tests");
}

/**
 * The Node.js language host's path, or `undefined` when none can be had: beside the CLI (an official install
 * ships it there), on PATH, or unpacked once from `PULUMI_LANGUAGE_NODEJS_GZ` into the user's cache.
 *
 * @example
 * const host = languageHostPath(await pulumiCliPath());
 */
function languageHostPath(cli: string): string | undefined {
    const beside = path.join(path.dirname(fs.realpathSync(cli)), LANGUAGE_HOST);
    if (fs.existsSync(beside)) {
        return beside;
    }
    const onPath = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, LANGUAGE_HOST)).find((p) => fs.existsSync(p));
    if (onPath) {
        return onPath;
    }
    const archive = process.env.PULUMI_LANGUAGE_NODEJS_GZ;
    if (!archive) {
        return undefined;
    }
    const bytes = fs.readFileSync(archive);
    const digest = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-tencentcloud-purge");
    const target = path.join(cache, `${LANGUAGE_HOST}-${digest}`, LANGUAGE_HOST);
    if (!fs.existsSync(target)) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const partial = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(partial, zlib.gunzipSync(bytes), { mode: 0o755 });
        fs.renameSync(partial, target);
    }
    return target;
}

/** Places `source` at `target`: a hard link where possible (the engine resolves symlinks to find its folder). */
function link(source: string, target: string): void {
    try {
        fs.linkSync(fs.realpathSync(source), target);
    } catch {
        fs.symlinkSync(source, target); // another file system or not ours: works, with a warning from the engine
    }
}

/** What to set up. */
export interface SandboxOptions {
    /** Extra environment for the CLI, the program and the provider host (e.g. the emulator's URL). */
    readonly envVars?: Record<string, string>;
    /** Also provide the Node.js language host, to run project folders. Throws when there is none. */
    readonly languageHost?: boolean;
    /** Other plugins to place beside the CLI, where the engine finds them (e.g. `pulumi-language-yaml`). */
    readonly plugins?: readonly string[];
}

/**
 * A temp folder laid out for offline Pulumi runs.
 *
 * @example
 * const box = await PulumiSandbox.create({ languageHost: true, envVars: { TENCENTCLOUD_CDN_ENDPOINT: emu.url } });
 * try { await box.run(projectDir, ["up", "--yes", "--non-interactive"]); } finally { box.cleanup(); }
 */
export class PulumiSandbox {
    private constructor(
        /** The temp folder; removed by {@link cleanup}. */
        readonly tempDir: string,
        /** The `pulumi` binary to run (a link inside `tempDir`, with its plugins beside it). */
        readonly cli: string,
        /** The environment overrides for every CLI call. */
        readonly env: Readonly<Record<string, string>>,
    ) {}

    /** The backend folder, `PULUMI_HOME` and the CLI with its plugins, in a new temp folder. */
    static async create(opts: SandboxOptions = {}): Promise<PulumiSandbox> {
        const cli = await pulumiCliPath();
        const host = opts.languageHost ? languageHostPath(cli) : undefined;
        if (opts.languageHost && !host) {
            throw new Error(`no ${LANGUAGE_HOST} to run a project folder: install Pulumi (it ships the host beside the CLI), ` +
                `put ${LANGUAGE_HOST} on PATH, or set PULUMI_LANGUAGE_NODEJS_GZ to a gzipped build of it`);
        }
        const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-e2e-"));
        try {
            const cliDir = path.join(tempDir, "cli", "bin");
            for (const d of ["backend", "home", cliDir]) fs.mkdirSync(path.resolve(tempDir, d), { recursive: true });
            link(cli, path.join(cliDir, "pulumi"));
            for (const plugin of [...(host ? [host] : []), ...(opts.plugins ?? [])]) {
                link(plugin, path.join(cliDir, path.basename(plugin)));
            }
            const plugin = "pulumi-resource-pulumi-nodejs";
            fs.symlinkSync(path.join(dynamicProviderPluginDir, plugin), path.join(cliDir, plugin));
            const env: Record<string, string> = {
                PULUMI_HOME: path.join(tempDir, "home"),
                PULUMI_BACKEND_URL: `file://${path.join(tempDir, "backend")}`,
                PULUMI_CONFIG_PASSPHRASE: testPassphrase,
                PULUMI_SKIP_UPDATE_CHECK: "true",
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
                // The CLI inherits this process's environment; blank out a login token it may hold.
                PULUMI_ACCESS_TOKEN: "",
                PATH: [cliDir, path.dirname(fs.realpathSync(cli)), dynamicProviderPluginDir, process.env.PATH ?? ""].join(path.delimiter),
                ...opts.envVars,
            };
            return new PulumiSandbox(tempDir, path.join(cliDir, "pulumi"), env);
        } catch (e) {
            fs.rmSync(tempDir, { recursive: true, force: true });
            throw e;
        }
    }

    /**
     * Runs the CLI in `cwd` and resolves to what it printed on stdout; rejects with all its output when it fails.
     * Asynchronous, so that an emulator in this process keeps answering meanwhile.
     *
     * @example
     * await box.run(projectDir, ["stack", "output", "--json"]);
     */
    run(cwd: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<string> {
        return runCommand(this.cli, args, { cwd, env: { ...this.env, ...extraEnv } });
    }

    /** Removes the temp folder. Never throws. */
    cleanup(): void {
        fs.rmSync(this.tempDir, { recursive: true, force: true });
    }
}
