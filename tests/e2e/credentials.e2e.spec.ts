/**
 * A role assumed from the official provider's stack config, on the real Pulumi engine: `pulumi up` of the gate
 * example with `tencentcloud:assumeRole` set as users set it (`pulumi config set --path`), base keys in
 * `tencentcloud:*`, and the emulator's STS issuing credentials that expire during the gate's wait.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { gateProgram } from "../../examples/gate/program";
import { LocalStack } from "../../scripts/localStack";

const BASE = { secretId: "AKIDe2eRoleBase0000000000000000000", secretKey: "e2e-role-base-SECRET-4d2a9c" };

describe("assumeRole on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let stack: LocalStack | undefined;

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 6000, temporaryCredentialSeconds: 3, credentials: [BASE] });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
    });

    it("pulumi up gates on the purge with the role's credentials, renewed while the gate waits, and stores none of them", async () => {
        const envVars = { TENCENTCLOUD_CDN_ENDPOINT: emu.url };
        // getPurgeTasksOutput runs in this process: it reads the same stack config and environment.
        Object.assign(process.env, envVars);
        stack = await LocalStack.create({ projectName: "purge-role", program: gateProgram, envVars });
        await stack.stack.setAllConfig({
            "tencentcloud:secretId": { value: BASE.secretId },
            "tencentcloud:secretKey": { value: BASE.secretKey, secret: true },
            "tencentcloud:assumeRole.roleArn": { value: emu.roleArns[0] },
            "tencentcloud:assumeRole.sessionName": { value: "pulumi-e2e" },
            "tencentcloud-purge:stsEndpoint": { value: emu.url },
        }, true);
        const { result } = await stack.up();
        assert.strictEqual(result.outputs.gateStatus.value, "done");
        assert.deepStrictEqual((result.outputs.purgeLogs.value as { status: string }[]).map((t) => t.status), ["done", "done"]);
        const issued = emu.temporaryCredentials.all();
        assert.ok(issued.length >= 2, `STS issued ${issued.length} credential(s): the wait did not renew them`);
        assert.ok(issued.every((c) => c.roleSessionName === "pulumi-e2e"));
        assert.deepStrictEqual(emu.stats.snapshot().errors, {}, "no call was refused");
        const { text } = await stack.exportStack();
        for (const secret of [BASE.secretKey, ...issued.flatMap((c) => [c.secretKey, c.token])]) {
            assert.ok(!text.includes(secret), "a key or token in the exported state");
        }
        assert.ok(!stack.lastLines.some((l) => issued.some((c) => l.includes(c.token))), "a token in pulumi's output");
    });
});
