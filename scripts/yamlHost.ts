/**
 * The Pulumi YAML language host for end-to-end tests and the demo, from `scripts/ensurePulumiYaml.sh` (one on
 * PATH, a cached build, or a build from the Go module proxy). Rejects with the script's explanation when there
 * is none, so a test that needs it fails rather than skips.
 */
import { ensuredTool } from "./pulumiSandbox";

/**
 * The absolute path of `pulumi-language-yaml`.
 *
 * @example
 * const dir = path.dirname(await pulumiYamlHostPath()); // put it on PATH for the CLI
 */
export function pulumiYamlHostPath(): Promise<string> {
    return ensuredTool("ensurePulumiYaml.sh", "Pulumi YAML language host");
}
