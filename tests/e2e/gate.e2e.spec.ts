/**
 * The real Pulumi engine, the real dynamic-provider host and the emulator, for every product: what users rely on
 * when a deployment is gated on a purge. A TypeScript program purges (CDN: `examples/gate`; EdgeOne: the test's
 * own program, which can also gate on a job from elsewhere) and creates its dependent only after the purge is
 * done. Never skipped: without a pulumi CLI the stack cannot be created and the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { RunningEmulator, startEmulator } from "../../emulator";
import { gateProgram } from "../../examples/gate/program";
import { LocalStack } from "../../scripts/localStack";
import { edgeOneGateProgram } from "./support/edgeOneGateProgram";

const ZONE = "zone-2noz78a8ev6k";

const created = (events: readonly EngineEvent[], type: string) =>
    events.some((e) => e.resOutputsEvent?.metadata.type.endsWith(type) && e.resOutputsEvent.metadata.op === "create");

/** What a test of one product gets. */
interface Ctx {
    readonly emu: RunningEmulator;
    open(config: Record<string, string>, e?: RunningEmulator): Promise<LocalStack>;
}
/** A test of one product only. */
type ProductTest = readonly [title: string, run: (ctx: Ctx) => Promise<void>];

/** What the suite needs to know of a product's gate program. */
interface GateProduct {
    readonly title: string;
    readonly projectName: string;
    readonly program: Parameters<typeof LocalStack.create>[0]["program"];
    readonly secretId: string;
    readonly secretKey: string;
    /** A session token given as secret config too, where the product's suite has one. */
    readonly token?: string;
    /** The environment variable of the product's endpoint. */
    readonly endpointVar: string;
    readonly completeAfterMs: number;
    readonly submitAction: string;
    /** The type of the purge resource in the exported state. */
    readonly purgeType: string;
    /** Whether a refresh after a passed gate reads the API (EdgeOne's done purge and gate are final: nothing to read). */
    readonly refreshReads: boolean;
    /** The first test (an up that succeeds), then the product's own tests, before the shared ones. */
    readonly tests: readonly ProductTest[];
    readonly timeout: {
        readonly title: string;
        /** The jobs the slow emulator holds. */
        jobs(emu: RunningEmulator): string[];
        complete(emu: RunningEmulator, id: string): void;
        /** The output with the gate's status, and its value once done. */
        readonly statusOutput: string;
        readonly doneStatus: string;
    };
}

const CDN_SECRET_ID = "AKIDe2e000000000000000000000000000000";
const CDN_SECRET_KEY = "e2e-secret-key-9b1f4c7d2a";
const TOKEN = "e2e-session-token-5e8a3c1f";
const CDN_COMPLETE_AFTER_MS = 4000;
const TEO_COMPLETE_AFTER_MS = 3000;

const PRODUCTS: readonly GateProduct[] = [
    {
        title: "gating a deployment on a purge, on the real Pulumi engine",
        projectName: "purge-gate", program: gateProgram, secretId: CDN_SECRET_ID, secretKey: CDN_SECRET_KEY, token: TOKEN,
        endpointVar: "TENCENTCLOUD_CDN_ENDPOINT", completeAfterMs: CDN_COMPLETE_AFTER_MS, submitAction: "PurgeUrlsCache",
        purgeType: "tencentcloud-purge:UrlPurge", refreshReads: true,
        tests: [
            ["creates the dependent only after the emulator turned the purge done, and exports the task", async ({ emu, open }) => {
                const stack = await open({ urls: JSON.stringify(["https://www.example.com/a.html", "https://www.example.com/b.js"]) });
                const { result } = await stack.up();
                const taskId = result.outputs.taskId.value as string;
                const records = emu.store.allRecords().filter((r) => r.taskId === taskId);
                const doneAt = records[0].createdAtMs + CDN_COMPLETE_AFTER_MS;
                const releaseAt = Date.parse(result.outputs.releaseCreatedAt.value);
                assert.ok(releaseAt >= doneAt, `release created at ${new Date(releaseAt).toISOString()}, purge done at ${new Date(doneAt).toISOString()}`);
                assert.deepStrictEqual((result.outputs.purgeLogs.value as { status: string }[]).map((t) => t.status), ["done", "done"]);
                assert.strictEqual(emu.stats.snapshot().throttled, 0);
            }],
            ["shows the wait's progress on the gate's own line", async ({ open }) => {
                const stack = await open({});
                const { lines } = await stack.up();
                assert.ok(lines.some((l) => /PurgeTaskWaiter gate creating .*purge task \d+: 0\/2 done, 2 pending/.test(l)), lines.join("\n"));
            }],
            ["fails the update with the failed URL, and does not create the dependent", async ({ open }) => {
                const stack = await open({ urls: JSON.stringify(["https://www.example.com/ok.html", "https://www.example.com/fail/x.html"]) });
                await assert.rejects(stack.up(), /https:\/\/www\.example\.com\/fail\/x\.html/);
                assert.ok(!created(stack.lastEvents, "ReleaseMarker"), "the release must not be created");
            }],
        ],
        timeout: {
            title: "fails on timeout; the next up resumes the wait without a second purge",
            jobs: (emu) => [...new Set(emu.store.allRecords().map((r) => r.taskId))],
            complete: (emu, taskId) => emu.store.complete(taskId, "done"),
            statusOutput: "gateStatus", doneStatus: "done",
        },
    },
    {
        title: "gating a deployment on an EdgeOne purge, on the real Pulumi engine",
        projectName: "edgeone-gate", program: edgeOneGateProgram, secretId: "AKIDe2eteo00000000000000000000000000",
        secretKey: "e2e-teo-secret-key-4c1d9e7a", endpointVar: "TENCENTCLOUD_TEO_ENDPOINT", completeAfterMs: TEO_COMPLETE_AFTER_MS,
        submitAction: "CreatePurgeTask", purgeType: "tencentcloud-purge:EdgeOnePurge", refreshReads: false,
        tests: [
            ["creates the dependent only after every target succeeded, and reads the tasks back", async ({ emu, open }) => {
                const stack = await open({});
                const { result } = await stack.up();
                const jobId = result.outputs.jobId.value as string;
                const [task] = emu.teoStore.allRecords().filter((r) => r.jobId === jobId);
                const releaseAt = Date.parse(result.outputs.releaseCreatedAt.value);
                assert.ok(releaseAt >= task.createdAtMs + TEO_COMPLETE_AFTER_MS, `release at ${new Date(releaseAt).toISOString()}`);
                assert.deepStrictEqual((result.outputs.tasks.value as { status: string }[]).map((t) => t.status), ["success", "success"]);
                assert.strictEqual(emu.stats.snapshot().throttled, 0);
            }],
            ["fails the update naming the failed target and its reason, without creating the dependent", async ({ emu, open }) => {
                emu.teoStore.setOutcome("https://www.example.com/broken.js", { status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
                const stack = await open({ targets: JSON.stringify(["https://www.example.com/ok.js", "https://www.example.com/broken.js"]) });
                await assert.rejects(stack.up(), /https:\/\/www\.example\.com\/broken\.js \(originPullFailed: origin answered 502\)/);
                assert.ok(!created(stack.lastEvents, "ReleaseMarker"), "the release must not be created");
            }],
            ["gates on a job submitted elsewhere", async ({ emu, open }) => {
                const jobId = emu.teoStore.submit({ zoneId: ZONE, type: "purge_prefix", method: "delete", targets: ["https://www.example.com/static/"] });
                const stack = await open({ gateJobId: jobId });
                const { result } = await stack.up();
                assert.deepStrictEqual([result.outputs.status.value, result.outputs.jobId.value], ["success", jobId]);
            }],
        ],
        timeout: {
            title: "fails on timeout; the next up resumes the wait without purging again",
            jobs: (emu) => [...new Set(emu.teoStore.allRecords().map((r) => r.jobId))],
            complete: (emu, jobId) => emu.teoStore.complete(jobId, "success"),
            statusOutput: "status", doneStatus: "success",
        },
    },
];

for (const product of PRODUCTS) {
    describe(product.title, function () {
        this.timeout(300_000);
        let emu: RunningEmulator;
        const stacks: LocalStack[] = [];
        const credentials = [{ secretId: product.secretId, secretKey: product.secretKey, ...(product.token ? { token: product.token } : {}) }];
        /** A stack running the product's program against `e`, the key (and token) given as secret stack config. */
        const open = async (config: Record<string, string>, e: RunningEmulator = emu) => {
            const envVars = { TENCENTCLOUD_SECRET_ID: product.secretId, [product.endpointVar]: e.url };
            // getPurgeTasksOutput runs in this process: it reads the same stack config and environment.
            Object.assign(process.env, envVars);
            const stack = await LocalStack.create({ projectName: product.projectName, program: product.program, envVars });
            await stack.stack.setAllConfig({
                "tencentcloud-purge:secretId": { value: product.secretId },
                "tencentcloud-purge:secretKey": { value: product.secretKey, secret: true },
                ...(product.token ? { "tencentcloud-purge:securityToken": { value: product.token, secret: true } } : {}),
                ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`${product.projectName}:${k}`, { value: v }])),
            });
            stacks.push(stack);
            return stack;
        };

        before(async () => {
            assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
            emu = await startEmulator({ completeAfterMs: product.completeAfterMs, credentials });
        });
        after(async () => {
            for (const s of stacks) {
                await s.cleanup();
            }
            await emu?.close();
        });

        for (const [title, run] of product.tests) {
            it(title, () => run({ emu, open }));
        }

        it(product.timeout.title, async () => {
            const slow = await startEmulator({ completeAfterMs: 3_600_000, credentials });
            try {
                const stack = await open({ timeoutSeconds: "3" }, slow);
                await assert.rejects(stack.up(), /timed out after 3 s/);
                assert.ok(!created(stack.lastEvents, "ReleaseMarker"));
                const [id] = product.timeout.jobs(slow);
                product.timeout.complete(slow, id);
                const { result } = await stack.up();
                assert.deepStrictEqual([result.outputs[product.timeout.statusOutput].value, slow.stats.snapshot().requests[product.submitAction]],
                    [product.timeout.doneStatus, 1]);
            } finally {
                process.env[product.endpointVar] = emu.url;
                await slow.close();
            }
        });

        it("preview neither purges nor waits", async () => {
            const stack = await open({});
            const before = emu.stats.snapshot().requests;
            await stack.preview();
            assert.deepStrictEqual(emu.stats.snapshot().requests, before);
        });

        it(product.refreshReads ? "refresh re-reads the status and destroy removes everything" : "refresh works and destroy removes everything", async () => {
            const stack = await open({});
            await stack.up();
            const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
            const refreshed = await stack.refresh();
            assert.strictEqual(refreshed.result.summary.result, "succeeded");
            if (product.refreshReads) {
                assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
            }
            await stack.destroy();
            const { deployment } = await stack.exportStack();
            assert.strictEqual((deployment.deployment.resources ?? []).length, 0);
        });

        it(`keeps no secret key${product.token ? " nor the session token" : ""} in the exported state`, async () => {
            const stack = await open({});
            await stack.up();
            const { text } = await stack.exportStack();
            assert.ok(text.includes(product.purgeType), "the export holds the purge");
            assert.ok(!text.includes(product.secretKey), "secret key in state");
            if (product.token) {
                assert.ok(!text.includes(product.token), "session token in state");
            }
        });
    });
}
