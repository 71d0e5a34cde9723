/**
 * The Go example's program (`examples/go-gate`, over the generated Go SDK) on the real Pulumi engine against the
 * emulator, through the provider plugin. It runs as a Go Automation API inline program (`e2e_test.go`): the engine
 * runs the program in the test's process, so only the `pulumi` CLI is needed, no Go language host. Needs Go:
 * without it the suite fails with the reason.
 */
import * as assert from "assert";
import { runCommand } from "../../scripts/runCommand";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";

const SECRET_ID = "AKIDgogate000000000000000000000000000";
const SECRET_KEY = "go-gate-secret-key-7a3e1c";
const COMPLETE_AFTER_MS = 2000;

describe("the Go example on the real engine, through the generated Go SDK and the provider plugin", function () {
    this.timeout(600_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        box = await PulumiSandbox.create({ envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: "" } });
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("up gates the page's purge on the assets' purge and reads the records back; destroy cleans up", async () => {
        const env = {
            ...process.env, ...box.env,
            GO_GATE_ENDPOINT: emu.url, GO_GATE_SECRET_ID: SECRET_ID, GO_GATE_SECRET_KEY: SECRET_KEY,
            GO_GATE_PLUGIN_DIR: path.join(repoRoot, "plugin"),
            // Read-only modules (go.mod and go.sum are never rewritten); no cgo, as the CLI's build, to share its cache.
            CGO_ENABLED: "0", GOFLAGS: "-mod=readonly",
        };
        const output = await runCommand("go", ["test", "-tags", "e2e", "-count=1", "-run", "TestGateOnTheEngine", "-v", "."],
            { cwd: path.join(repoRoot, "examples", "go-gate"), env });
        assert.match(output, /--- PASS: TestGateOnTheEngine/);
        const [, taskId, pageTaskId] = /taskId=(\S+) pageTaskId=(\S+)/.exec(output) ?? [];
        const records = (id: string) => emu.store.allRecords().filter((r) => r.taskId === id);
        const assetsDoneAt = Math.max(...records(taskId).map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(records(pageTaskId)[0].createdAtMs >= assetsDoneAt, "the page was purged before the assets' purge was done");
    });
});
