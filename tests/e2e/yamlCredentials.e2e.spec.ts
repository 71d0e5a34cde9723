/**
 * A role assumed through the provider plugin on the real engine, from another language: the Pulumi YAML example
 * with `tencentcloud-purge:assumeRole` set by path, base keys in stack config, and the emulator's STS issuing
 * credentials that expire while the gate waits.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { yamlProject } from "./support/yamlProject";

const BASE = { secretId: "AKIDyamlrole0000000000000000000000000", secretKey: "yaml-role-base-SECRET-8e21f0" };

describe("assumeRole through the provider plugin on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox | undefined;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 5000, temporaryCredentialSeconds: 2, credentials: [BASE] });
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("pulumi up of the YAML example signs with the role's renewed credentials and stores none of them", async () => {
        const project = await yamlProject((t) => t.replace("path: ../../plugin", `path: ${path.join(repoRoot, "plugin")}`), [
            ["--plaintext", "tencentcloud-purge:secretId", BASE.secretId], ["--secret", "tencentcloud-purge:secretKey", BASE.secretKey],
            ["--path", "tencentcloud-purge:assumeRole.roleArn", emu.roleArns[0]],
            ["--path", "tencentcloud-purge:assumeRole.sessionName", "yaml-e2e"],
            ["tencentcloud-purge:endpoint", emu.url], ["tencentcloud-purge:stsEndpoint", emu.url], ["timeoutSeconds", "120"]]);
        box = project.box;
        await box.run(project.dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
        const issued = emu.temporaryCredentials.all();
        assert.ok(issued.length >= 2 && issued.every((c) => c.roleSessionName === "yaml-e2e"), `issued ${issued.length}`);
        assert.deepStrictEqual(emu.stats.snapshot().errors, {}, "no call was refused");
        const state = await box.run(project.dir, ["stack", "export", "--non-interactive"]);
        for (const secret of [BASE.secretKey, ...issued.flatMap((c) => [c.secretKey, c.token])]) {
            assert.ok(!state.includes(secret), "a key or token in the exported state");
        }
    });
});
