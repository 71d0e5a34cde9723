/**
 * EdgeOne on the real Pulumi engine and its real dynamic-provider host, against the emulator: a TypeScript
 * program purges (or gates on a job from elsewhere) and creates its dependent only after every target succeeded.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LocalStack } from "../../scripts/localStack";
import { edgeOneGateProgram } from "./support/edgeOneGateProgram";

const SECRET_ID = "AKIDe2eteo00000000000000000000000000";
const SECRET_KEY = "e2e-teo-secret-key-4c1d9e7a";
const ZONE = "zone-2noz78a8ev6k";
const COMPLETE_AFTER_MS = 3000;

const created = (events: readonly EngineEvent[], type: string) =>
    events.some((e) => e.resOutputsEvent?.metadata.type.endsWith(type) && e.resOutputsEvent.metadata.op === "create");

describe("gating a deployment on an EdgeOne purge, on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const stacks: LocalStack[] = [];
    const credentials = [{ secretId: SECRET_ID, secretKey: SECRET_KEY }];
    const open = async (config: Record<string, string>, e: RunningEmulator = emu) => {
        const envVars = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_TEO_ENDPOINT: e.url };
        // getPurgeTasksOutput runs in this process: it reads the same stack config and environment.
        Object.assign(process.env, envVars);
        const stack = await LocalStack.create({ projectName: "edgeone-gate", program: edgeOneGateProgram, envVars });
        await stack.stack.setAllConfig({
            "tencentcloud-purge:secretId": { value: SECRET_ID },
            "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true },
            ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`edgeone-gate:${k}`, { value: v }])),
        });
        stacks.push(stack);
        return stack;
    };

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials });
    });
    after(async () => {
        for (const s of stacks) {
            await s.cleanup();
        }
        await emu?.close();
    });

    it("creates the dependent only after every target succeeded, and reads the tasks back", async () => {
        const stack = await open({});
        const { result } = await stack.up();
        const jobId = result.outputs.jobId.value as string;
        const [task] = emu.teoStore.allRecords().filter((r) => r.jobId === jobId);
        const releaseAt = Date.parse(result.outputs.releaseCreatedAt.value);
        assert.ok(releaseAt >= task.createdAtMs + COMPLETE_AFTER_MS, `release at ${new Date(releaseAt).toISOString()}`);
        assert.deepStrictEqual((result.outputs.tasks.value as { status: string }[]).map((t) => t.status), ["success", "success"]);
        assert.strictEqual(emu.stats.snapshot().throttled, 0);
    });

    it("fails the update naming the failed target and its reason, without creating the dependent", async () => {
        emu.teoStore.setOutcome("https://www.example.com/broken.js", { status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
        const stack = await open({ targets: JSON.stringify(["https://www.example.com/ok.js", "https://www.example.com/broken.js"]) });
        await assert.rejects(stack.up(), /https:\/\/www\.example\.com\/broken\.js \(originPullFailed: origin answered 502\)/);
        assert.ok(!created(stack.lastEvents, "ReleaseMarker"), "the release must not be created");
    });

    it("fails on timeout; the next up resumes the wait without purging again", async () => {
        const slow = await startEmulator({ completeAfterMs: 3_600_000, credentials });
        try {
            const stack = await open({ timeoutSeconds: "3" }, slow);
            await assert.rejects(stack.up(), /timed out after 3 s/);
            assert.ok(!created(stack.lastEvents, "ReleaseMarker"));
            const [jobId] = [...new Set(slow.teoStore.allRecords().map((r) => r.jobId))];
            slow.teoStore.complete(jobId, "success");
            const { result } = await stack.up();
            assert.deepStrictEqual([result.outputs.status.value, slow.stats.snapshot().requests.CreatePurgeTask], ["success", 1]);
        } finally {
            process.env.TENCENTCLOUD_TEO_ENDPOINT = emu.url;
            await slow.close();
        }
    });

    it("gates on a job submitted elsewhere", async () => {
        const jobId = emu.teoStore.submit({ zoneId: ZONE, type: "purge_prefix", method: "delete", targets: ["https://www.example.com/static/"] });
        const stack = await open({ gateJobId: jobId });
        const { result } = await stack.up();
        assert.deepStrictEqual([result.outputs.status.value, result.outputs.jobId.value], ["success", jobId]);
    });

    it("refresh works and destroy removes everything", async () => {
        const stack = await open({});
        await stack.up();
        const refreshed = await stack.refresh();
        assert.strictEqual(refreshed.result.summary.result, "succeeded");
        await stack.destroy();
        const { deployment } = await stack.exportStack();
        assert.strictEqual((deployment.deployment.resources ?? []).length, 0);
    });

    it("keeps no secret key in the exported state", async () => {
        const stack = await open({});
        await stack.up();
        const { text } = await stack.exportStack();
        assert.ok(text.includes("tencentcloud-purge:EdgeOnePurge"), "the export holds the purge");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
    });
});
