/**
 * The release archives for the bench, built by the script a release runs, and this platform's unpacked.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "..");
const run = promisify(execFile);

/**
 * Writes every archive into `dir/dist` and unpacks this platform's into `dir/plugin`; resolves with the archives'
 * paths and the unpacked launcher's.
 *
 * @example
 * const { launcher } = await packPlugin(tempDir);
 */
export async function packPlugin(dir: string): Promise<{ archives: string[]; launcher: string }> {
    const { stdout } = await run("bash", [path.join(ROOT, "scripts", "packPlugin.sh"), path.join(dir, "dist")], { cwd: ROOT });
    const archives = stdout.trim().split("\n");
    const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
    const mine = archives.find((a) => a.endsWith(`-${platform}.tar.gz`));
    if (!mine) {
        throw new Error(`no archive for ${platform} among ${archives.join(", ")}`);
    }
    const unpacked = path.join(dir, "plugin");
    fs.mkdirSync(unpacked);
    await run("tar", ["-xzf", mine, "-C", unpacked]);
    return { archives, launcher: path.join(unpacked, "pulumi-resource-tencentcloud-purge") };
}
