/**
 * The Pulumi YAML language host for end-to-end tests and the demo, from `scripts/ensure-pulumi-yaml.sh` (one on
 * PATH, a cached build, or a build from the Go module proxy). Rejects with the script's explanation when there
 * is none, so a test that needs it fails rather than skips.
 */
import { spawn } from "child_process";
import * as path from "path";

let hostPath: Promise<string> | undefined;

/**
 * The absolute path of `pulumi-language-yaml` (the script runs once per process; its progress goes to stderr).
 *
 * @example
 * const dir = path.dirname(await pulumiYamlHostPath()); // put it on PATH for the CLI
 */
export function pulumiYamlHostPath(): Promise<string> {
    hostPath ??= new Promise<string>((resolve, reject) => {
        const script = path.join(__dirname, "ensure-pulumi-yaml.sh");
        const child = spawn("bash", [script], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => {
            err += d.toString();
            process.stderr.write(d);
        });
        child.on("error", (e) => reject(new Error(`cannot run ${script}: ${e.message}`)));
        child.on("close", (code) => (code === 0 && out.trim() !== "" ? resolve(out.trim())
            : reject(new Error(`no Pulumi YAML language host (${script} exited ${code}):\n${err}`))));
    });
    return hostPath;
}
