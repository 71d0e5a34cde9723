/**
 * The Go EdgeOne example's program (`examples/go-edgeone`, over the generated Go SDK's `edgeone` package) on the
 * real Pulumi engine against the emulator's EdgeOne API, through the provider plugin. It runs as a Go Automation
 * API inline program (`e2e_test.go`), so only the `pulumi` CLI is needed, no Go language host. Needs Go: without it
 * the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { runCommand } from "../../scripts/runCommand";

const SECRET_ID = "AKIDgoteo00000000000000000000000000000";
const SECRET_KEY = "go-edgeone-secret-key-2f6c9d";
const COMPLETE_AFTER_MS = 2000;

describe("the Go EdgeOne example on the real engine, through the generated Go SDK and the provider plugin", function () {
    this.timeout(600_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        box = await PulumiSandbox.create({ envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_TEO_ENDPOINT: "" } });
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("up purges the page only after every target of the gated job succeeded, and reads the tasks back; destroy cleans up", async () => {
        const env = {
            ...process.env, ...box.env,
            GO_EDGEONE_ENDPOINT: emu.url, GO_EDGEONE_SECRET_ID: SECRET_ID, GO_EDGEONE_SECRET_KEY: SECRET_KEY,
            GO_EDGEONE_PLUGIN_DIR: path.join(repoRoot, "plugin"),
            // Read-only modules (go.mod and go.sum are never rewritten); no cgo, as the CLI's build, to share its cache.
            CGO_ENABLED: "0", GOFLAGS: "-mod=readonly",
        };
        const output = await runCommand("go", ["test", "-tags", "e2e", "-count=1", "-run", "TestEdgeOneGateOnTheEngine", "-v", "."],
            { cwd: path.join(repoRoot, "examples", "go-edgeone"), env });
        assert.match(output, /--- PASS: TestEdgeOneGateOnTheEngine/);
        const [, jobId, pageJobId] = /jobId=(\S+) pageJobId=(\S+)/.exec(output) ?? [];
        const tasks = (id: string) => emu.teoStore.allRecords().filter((r) => r.jobId === id);
        const assetsDoneAt = Math.max(...tasks(jobId).map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
        assert.ok(tasks(pageJobId)[0].createdAtMs >= assetsDoneAt, "the page was purged before every asset succeeded");
    });
});
