/**
 * The provider plugin's release archives as the end-to-end tests build and pick them: built with the script a
 * release runs (`scripts/packPlugin.sh`), named as Pulumi downloads them.
 */
import * as path from "path";
import { repoRoot } from "../../../scripts/pulumiSandbox";
import { runCommand } from "../../../scripts/runCommand";

/** This machine's OS and architecture as Pulumi names them in archive names (`linux-amd64`, `darwin-arm64`). */
export const THIS_PLATFORM = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;

/**
 * Builds every archive into `dist`; resolves with their paths, in the order the script writes them.
 *
 * @example
 * const archives = await packPluginArchives(path.join(box.tempDir, "dist"));
 */
export async function packPluginArchives(dist: string): Promise<string[]> {
    return (await runCommand("bash", [path.join(repoRoot, "scripts", "packPlugin.sh"), dist])).trim().split("\n");
}

/**
 * The archive for this machine among `archives`; throws when there is none.
 *
 * @example
 * await box.run(dir, ["plugin", "install", "resource", "tencentcloud-purge", version, "--file", archiveForThisPlatform(archives)]);
 */
export function archiveForThisPlatform(archives: readonly string[]): string {
    const found = archives.find((a) => a.endsWith(`-${THIS_PLATFORM}.tar.gz`));
    if (!found) {
        throw new Error(`no archive for ${THIS_PLATFORM} among ${archives.join(", ")}`);
    }
    return found;
}
