/**
 * A copy of a Pulumi YAML example (`examples/yaml-gate` unless named) in a sandbox with the YAML language host beside its
 * CLI, and a stack initialised there, for the end-to-end tests of the provider plugin.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox, repoRoot } from "../../../scripts/pulumiSandbox";
import { pulumiYamlHostPath } from "../../../scripts/yamlHost";
import { NO_ENV_CREDENTIALS } from "../../support/hostsUnderTest";

/**
 * The sandbox and the project folder: the example `example` (a folder of `examples/`) with its Pulumi.yaml edited
 * by `edit`, then `pulumi config set` run with each of `config` (e.g. `["--secret", "tencentcloud-purge:secretKey", key]`).
 * No credential or endpoint comes from this process's environment, so the stack config is what is tested.
 *
 * @example
 * const { box, dir } = await yamlProject((t) => t, [["tencentcloud-purge:endpoint", emu.url]]);
 */
export async function yamlProject(edit: (pulumiYaml: string) => string, config: readonly (readonly string[])[],
    example = "yaml-gate"): Promise<{ box: PulumiSandbox; dir: string }> {
    const yamlHost = await pulumiYamlHostPath();
    const box = await PulumiSandbox.create({ envVars: { ...NO_ENV_CREDENTIALS, TENCENTCLOUD_TEO_ENDPOINT: "" }, plugins: [yamlHost] });
    const dir = path.join(box.tempDir, example);
    fs.cpSync(path.join(repoRoot, "examples", example), dir, { recursive: true });
    const file = path.join(dir, "Pulumi.yaml");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
    await box.run(dir, ["stack", "init", "e2e"]);
    for (const args of config) {
        await box.run(dir, ["config", "set", ...args]);
    }
    return { box, dir };
}
