/**
 * A copy of the Pulumi YAML example (`examples/yaml-gate`) in a sandbox with the YAML language host beside its
 * CLI, and a stack initialised there, for the end-to-end tests of the provider plugin.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox, repoRoot } from "../../../scripts/pulumiSandbox";
import { pulumiYamlHostPath } from "../../../scripts/yamlHost";
import { NO_ENV_CREDENTIALS } from "../../support/hostsUnderTest";

const EXAMPLE = path.join(repoRoot, "examples", "yaml-gate");

/**
 * The sandbox and the project folder: Pulumi.yaml edited by `edit`, then `pulumi config set` run with each of
 * `config` (e.g. `["--secret", "tencentcloud-purge:secretKey", key]`).
 *
 * @example
 * const { box, dir } = await yamlProject((t) => t, [["tencentcloud-purge:endpoint", emu.url]]);
 */
export async function yamlProject(edit: (pulumiYaml: string) => string, config: readonly (readonly string[])[]):
    Promise<{ box: PulumiSandbox; dir: string }> {
    const yamlHost = await pulumiYamlHostPath();
    const box = await PulumiSandbox.create({ envVars: NO_ENV_CREDENTIALS, plugins: [yamlHost] });
    const dir = path.join(box.tempDir, "yaml-gate");
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, "Pulumi.yaml");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
    await box.run(dir, ["stack", "init", "e2e"]);
    for (const args of config) {
        await box.run(dir, ["config", "set", ...args]);
    }
    return { box, dir };
}
