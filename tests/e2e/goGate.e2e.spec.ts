/**
 * Each product's Go example program (`examples/go-gate` for CDN, `examples/go-edgeone` for EdgeOne, over the
 * generated Go SDK) on the real Pulumi engine against the emulator, through the provider plugin. Each runs as a Go
 * Automation API inline program (`e2e_test.go`): the engine runs the program in the test's process, so only the
 * `pulumi` CLI is needed, no Go language host. Needs Go: without it the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { runCommand } from "../../scripts/runCommand";

const COMPLETE_AFTER_MS = 2000;

/** What the suite needs to know of a product's Go example. */
interface GoExample {
    readonly title: string;
    readonly it: string;
    readonly folder: string;
    /** The prefix of the example's own environment variables (`<PREFIX>_ENDPOINT`, ...). */
    readonly envPrefix: string;
    /** The product's endpoint variable, emptied so that only the example's settings count. */
    readonly endpointVar: string;
    readonly goTest: string;
    readonly secretId: string;
    readonly secretKey: string;
    /** The gated purge's id and the page's, from the test's output. */
    readonly ids: RegExp;
    /** When each record of purge `id` was created (epoch ms). */
    createdAt(emu: RunningEmulator, id: string): number[];
    readonly purgedEarly: string;
}

const EXAMPLES: readonly GoExample[] = [
    {
        title: "the Go example on the real engine, through the generated Go SDK and the provider plugin",
        it: "up gates the page's purge on the assets' purge and reads the records back; destroy cleans up",
        folder: "go-gate", envPrefix: "GO_GATE", endpointVar: "TENCENTCLOUD_CDN_ENDPOINT", goTest: "TestGateOnTheEngine",
        secretId: "AKIDgogate000000000000000000000000000", secretKey: "go-gate-secret-key-7a3e1c",
        ids: /taskId=(\S+) pageTaskId=(\S+)/,
        createdAt: (emu, id) => emu.store.allRecords().filter((r) => r.taskId === id).map((r) => r.createdAtMs),
        purgedEarly: "the page was purged before the assets' purge was done",
    },
    {
        title: "the Go EdgeOne example on the real engine, through the generated Go SDK and the provider plugin",
        it: "up purges the page only after every target of the gated job succeeded, and reads the tasks back; destroy cleans up",
        folder: "go-edgeone", envPrefix: "GO_EDGEONE", endpointVar: "TENCENTCLOUD_TEO_ENDPOINT", goTest: "TestEdgeOneGateOnTheEngine",
        secretId: "AKIDgoteo00000000000000000000000000000", secretKey: "go-edgeone-secret-key-2f6c9d",
        ids: /jobId=(\S+) pageJobId=(\S+)/,
        createdAt: (emu, id) => emu.teoStore.allRecords().filter((r) => r.jobId === id).map((r) => r.createdAtMs),
        purgedEarly: "the page was purged before every asset succeeded",
    },
];

for (const example of EXAMPLES) {
    describe(example.title, function () {
        this.timeout(600_000);
        let emu: RunningEmulator;
        let box: PulumiSandbox;

        before(async () => {
            assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
            emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: example.secretId, secretKey: example.secretKey }] });
            box = await PulumiSandbox.create({ envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", [example.endpointVar]: "" } });
        });
        after(async () => {
            box?.cleanup();
            await emu?.close();
        });

        it(example.it, async () => {
            const p = example.envPrefix;
            const env = {
                ...process.env, ...box.env,
                [`${p}_ENDPOINT`]: emu.url, [`${p}_SECRET_ID`]: example.secretId, [`${p}_SECRET_KEY`]: example.secretKey,
                [`${p}_PLUGIN_DIR`]: path.join(repoRoot, "plugin"),
                // Read-only modules (go.mod and go.sum are never rewritten); no cgo, as the CLI's build, to share its cache.
                CGO_ENABLED: "0", GOFLAGS: "-mod=readonly",
            };
            const output = await runCommand("go", ["test", "-tags", "e2e", "-count=1", "-run", example.goTest, "-v", "."],
                { cwd: path.join(repoRoot, "examples", example.folder), env });
            assert.match(output, new RegExp(`--- PASS: ${example.goTest}`));
            const [, gatedId, pageId] = example.ids.exec(output) ?? [];
            const assetsDoneAt = Math.max(...example.createdAt(emu, gatedId)) + COMPLETE_AFTER_MS;
            assert.ok(example.createdAt(emu, pageId)[0] >= assetsDoneAt, example.purgedEarly);
        });
    });
}
