/**
 * Each product's Go example program (`examples/go-gate` for CDN, `examples/go-edgeone` for EdgeOne, over the
 * generated Go SDK) on the real Pulumi engine against the emulator, through the provider plugin: the gate, the
 * prefetch after it (CDN `UrlPush` with a `PushTaskWaiter`, EdgeOne `edgeone.Prefetch`), and a prefetch of a URL the
 * origin lacks. Each Go test (`e2e_test.go`, over the shared `examples/go-enginetest` harness) runs as a Go
 * Automation API inline program: the engine runs the program in the test's process, so only the `pulumi` CLI is
 * needed, no Go language host. The Go test checks the outputs and the failure's message; this suite checks, at the
 * emulator, the order the engine sent things in. Needs Go: without it the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { runCommand } from "../../scripts/runCommand";

const COMPLETE_AFTER_MS = 2000;
/** How long a prefetch takes here: longer than a purge, as it is in the service. */
const PREFETCH_AFTER_MS = 3000;
const PAGE = "https://www.example.com/index.html";

/** When what the emulator holds was sent (epoch ms), by kind, for a task or job id. */
interface Sent {
    purges(id: string): number[];
    prefetches(id: string): number[];
    /** Whether the page (the release) was purged at all. */
    pagePurged(): boolean;
    prefetchCalls(): number;
}

/** One Go test of an example, and what this suite checks at the emulator after it passed. */
interface GoCase {
    readonly it: string;
    readonly goTest: string;
    /** `output` is the Go test's verbose output (its t.Logf lines name the ids). */
    check(sent: Sent, output: string): void;
}

/** What the suite needs to know of a product's Go example. */
interface GoExample {
    readonly title: string;
    readonly folder: string;
    /** The prefix of the example's own environment variables (`<PREFIX>_ENDPOINT`, ...). */
    readonly envPrefix: string;
    /** The product's endpoint variable, emptied so that only the example's settings count. */
    readonly endpointVar: string;
    readonly secretId: string;
    readonly secretKey: string;
    sent(emu: RunningEmulator): Sent;
    readonly cases: readonly GoCase[];
}

/** The ids a Go test logged as `name=value`. */
function logged(output: string, ...names: string[]): string[] {
    return names.map((name) => {
        const match = new RegExp(`\\b${name}=(\\S+)`).exec(output);
        assert.ok(match, `the Go test logged no ${name}:\n${output}`);
        return match[1];
    });
}

const latest = (times: number[]) => Math.max(...times);
const earliest = (times: number[]) => Math.min(...times);

/** The gate: the page is purged only once the gated purge is done. */
const gateCase = (goTest: string, it: string, ids: [string, string]): GoCase => ({
    it, goTest,
    check: (sent, output) => {
        const [gatedId, pageId] = logged(output, ...ids);
        assert.ok(earliest(sent.purges(pageId)) >= latest(sent.purges(gatedId)) + COMPLETE_AFTER_MS, "the page was purged before the assets' purge was done");
    },
});

/** The prefetch: sent once the assets' purge is done, and the page purged only once every asset is warm. */
const warmCase = (goTest: string, it: string, ids: [string, string, string]): GoCase => ({
    it, goTest,
    check: (sent, output) => {
        const [purgeId, warmId, pageId] = logged(output, ...ids);
        const purgedAt = latest(sent.purges(purgeId)) + COMPLETE_AFTER_MS;
        const warmAt = latest(sent.prefetches(warmId)) + PREFETCH_AFTER_MS;
        assert.ok(earliest(sent.prefetches(warmId)) >= purgedAt, "prefetched before the assets' purge was done");
        assert.ok(earliest(sent.purges(pageId)) >= warmAt, "the page was purged before every asset was warm");
        assert.strictEqual(sent.prefetchCalls(), 1);
    },
});

/** A prefetch of a URL the origin lacks: the Go test saw the failure name it; the page is never purged. */
const missingCase = (goTest: string, it: string): GoCase => ({
    it, goTest,
    check: (sent) => assert.deepStrictEqual([sent.prefetchCalls(), sent.pagePurged()], [1, false], "the page was purged after a failed prefetch"),
});

const EXAMPLES: readonly GoExample[] = [
    {
        title: "the Go example on the real engine, through the generated Go SDK and the provider plugin",
        folder: "go-gate", envPrefix: "GO_GATE", endpointVar: "TENCENTCLOUD_CDN_ENDPOINT",
        secretId: "AKIDgogate000000000000000000000000000", secretKey: "go-gate-secret-key-7a3e1c",
        sent: (emu) => ({
            purges: (id) => emu.store.allRecords().filter((r) => r.taskId === id).map((r) => r.createdAtMs),
            prefetches: (id) => emu.pushes.allRecords().filter((r) => r.taskId === id).map((r) => r.createdAtMs),
            pagePurged: () => emu.store.allRecords().some((r) => r.url === PAGE),
            prefetchCalls: () => emu.stats.snapshot().requests.PushUrlsCache ?? 0,
        }),
        cases: [
            gateCase("TestGateOnTheEngine", "up gates the page's purge on the assets' purge and reads the records back; destroy cleans up",
                ["taskId", "pageTaskId"]),
            warmCase("TestWarmOnTheEngine", "with warm, up pushes the assets once purged (UrlPush), and purges the page only once the PushTaskWaiter saw every URL done",
                ["taskId", "warmTaskId", "pageTaskId"]),
            missingCase("TestWarmFailsNamingTheMissingUrl", "a push of a URL the origin lacks fails the update naming it, and the page is not purged"),
        ],
    },
    {
        title: "the Go EdgeOne example on the real engine, through the generated Go SDK and the provider plugin",
        folder: "go-edgeone", envPrefix: "GO_EDGEONE", endpointVar: "TENCENTCLOUD_TEO_ENDPOINT",
        secretId: "AKIDgoteo00000000000000000000000000000", secretKey: "go-edgeone-secret-key-2f6c9d",
        sent: (emu) => ({
            purges: (id) => emu.teoStore.allRecords().filter((r) => r.jobId === id).map((r) => r.createdAtMs),
            prefetches: (id) => emu.teoPrefetchStore.allRecords().filter((r) => r.jobId === id).map((r) => r.createdAtMs),
            pagePurged: () => emu.teoStore.allRecords().some((r) => r.target === PAGE),
            prefetchCalls: () => emu.stats.snapshot().requests.CreatePrefetchTask ?? 0,
        }),
        cases: [
            gateCase("TestEdgeOneGateOnTheEngine", "up purges the page only after every target of the gated job succeeded, and reads the tasks back; destroy cleans up",
                ["jobId", "pageJobId"]),
            warmCase("TestEdgeOnePrefetchOnTheEngine", "with warm, up prefetches the assets once purged (edgeone.Prefetch), and purges the page only once every target is warm",
                ["jobId", "warmJobId", "pageJobId"]),
            missingCase("TestEdgeOnePrefetchFailsNamingTheMissingTarget", "a prefetch of a target the origin lacks fails the update naming it, and the page is not purged"),
        ],
    },
];

for (const example of EXAMPLES) {
    describe(example.title, function () {
        this.timeout(600_000);
        let emu: RunningEmulator;
        let box: PulumiSandbox;

        before(async () => {
            assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
            emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, pushCompleteAfterMs: PREFETCH_AFTER_MS,
                teoPrefetchCompleteAfterMs: PREFETCH_AFTER_MS, credentials: [{ secretId: example.secretId, secretKey: example.secretKey }] });
            box = await PulumiSandbox.create({ envVars: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", [example.endpointVar]: "" } });
        });
        beforeEach(() => emu.reset());
        after(async () => {
            box?.cleanup();
            await emu?.close();
        });

        for (const c of example.cases) {
            it(c.it, async () => {
                const p = example.envPrefix;
                const env = {
                    ...process.env, ...box.env,
                    [`${p}_ENDPOINT`]: emu.url, [`${p}_SECRET_ID`]: example.secretId, [`${p}_SECRET_KEY`]: example.secretKey,
                    [`${p}_PLUGIN_DIR`]: path.join(repoRoot, "plugin"),
                    // Read-only modules (go.mod and go.sum are never rewritten); no cgo, as the CLI's build, to share its cache.
                    CGO_ENABLED: "0", GOFLAGS: "-mod=readonly",
                };
                const output = await runCommand("go", ["test", "-tags", "e2e", "-count=1", "-run", `^${c.goTest}$`, "-v", "."],
                    { cwd: path.join(repoRoot, "examples", example.folder), env });
                assert.match(output, new RegExp(`--- PASS: ${c.goTest}`));
                c.check(example.sent(emu), output);
                assert.ok(!output.includes(example.secretKey), "secret key in the output");
            });
        }
    });
}
