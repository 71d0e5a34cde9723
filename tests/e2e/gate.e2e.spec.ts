/**
 * The real Pulumi engine, the real dynamic-provider host and the emulator: what users rely on when a
 * deployment is gated on a purge. Never skipped: without a pulumi CLI the stack cannot be created and the
 * suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { RunningEmulator, startEmulator } from "../../emulator";
import { gateProgram } from "../../examples/gate/program";
import { LocalStack } from "../../scripts/localStack";

const SECRET_ID = "AKIDe2e000000000000000000000000000000";
const SECRET_KEY = "e2e-secret-key-9b1f4c7d2a";
const TOKEN = "e2e-session-token-5e8a3c1f";
const COMPLETE_AFTER_MS = 4000;

/** A stack running the gate example against `emu`, the key and token given as secret stack config. */
async function gateStack(emu: RunningEmulator, config: Record<string, string>): Promise<LocalStack> {
    const envVars = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_CDN_ENDPOINT: emu.url };
    // getPurgeTasksOutput runs in this process: it reads the same stack config and environment.
    Object.assign(process.env, envVars);
    const stack = await LocalStack.create({ projectName: "purge-gate", program: gateProgram, envVars });
    await stack.stack.setAllConfig({
        "tencentcloud-purge:secretId": { value: SECRET_ID },
        "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true },
        "tencentcloud-purge:securityToken": { value: TOKEN, secret: true },
        ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`purge-gate:${k}`, { value: v }])),
    });
    return stack;
}

const created = (events: readonly EngineEvent[], type: string) =>
    events.some((e) => e.resOutputsEvent?.metadata.type.endsWith(type) && e.resOutputsEvent.metadata.op === "create");

describe("gating a deployment on a purge, on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const stacks: LocalStack[] = [];
    const open = async (config: Record<string, string>, e: RunningEmulator = emu) => {
        const s = await gateStack(e, config);
        stacks.push(s);
        return s;
    };

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN }] });
    });
    after(async () => {
        for (const s of stacks) {
            await s.cleanup();
        }
        await emu?.close();
    });

    it("creates the dependent only after the emulator turned the purge done, and exports the task", async () => {
        const stack = await open({ urls: JSON.stringify(["https://www.example.com/a.html", "https://www.example.com/b.js"]) });
        const { result } = await stack.up();
        const taskId = result.outputs.taskId.value as string;
        const records = emu.store.allRecords().filter((r) => r.taskId === taskId);
        const doneAt = records[0].createdAtMs + COMPLETE_AFTER_MS;
        const releaseAt = Date.parse(result.outputs.releaseCreatedAt.value);
        assert.ok(releaseAt >= doneAt, `release created at ${new Date(releaseAt).toISOString()}, purge done at ${new Date(doneAt).toISOString()}`);
        assert.deepStrictEqual((result.outputs.purgeLogs.value as { status: string }[]).map((t) => t.status), ["done", "done"]);
        assert.strictEqual(emu.stats.snapshot().throttled, 0);
    });

    it("shows the wait's progress on the gate's own line", async () => {
        const stack = await open({});
        const { lines } = await stack.up();
        assert.ok(lines.some((l) => /PurgeTaskWaiter gate creating .*purge task \d+: 0\/2 done, 2 pending/.test(l)), lines.join("\n"));
    });

    it("fails the update with the failed URL, and does not create the dependent", async () => {
        const stack = await open({ urls: JSON.stringify(["https://www.example.com/ok.html", "https://www.example.com/fail/x.html"]) });
        await assert.rejects(stack.up(), /https:\/\/www\.example\.com\/fail\/x\.html/);
        assert.ok(!created(stack.lastEvents, "ReleaseMarker"), "the release must not be created");
    });

    it("fails on timeout; the next up resumes the wait without a second purge", async () => {
        const slow = await startEmulator({ completeAfterMs: 3_600_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN }] });
        try {
            const stack = await open({ timeoutSeconds: "3" }, slow);
            await assert.rejects(stack.up(), /timed out after 3 s/);
            assert.ok(!created(stack.lastEvents, "ReleaseMarker"));
            const [taskId] = [...new Set(slow.store.allRecords().map((r) => r.taskId))];
            slow.store.complete(taskId, "done");
            const { result } = await stack.up();
            assert.deepStrictEqual([result.outputs.gateStatus.value, slow.stats.snapshot().requests.PurgeUrlsCache], ["done", 1]);
        } finally {
            process.env.TENCENTCLOUD_CDN_ENDPOINT = emu.url;
            await slow.close();
        }
    });

    it("preview neither purges nor waits", async () => {
        const stack = await open({});
        const before = emu.stats.snapshot().requests;
        await stack.preview();
        assert.deepStrictEqual(emu.stats.snapshot().requests, before);
    });

    it("refresh re-reads the status and destroy removes everything", async () => {
        const stack = await open({});
        await stack.up();
        const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
        const refreshed = await stack.refresh();
        assert.strictEqual(refreshed.result.summary.result, "succeeded");
        assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
        await stack.destroy();
        const { deployment } = await stack.exportStack();
        assert.strictEqual((deployment.deployment.resources ?? []).length, 0);
    });

    it("keeps neither the secret key nor the session token in the exported state", async () => {
        const stack = await open({});
        await stack.up();
        const { text } = await stack.exportStack();
        assert.ok(text.includes("tencentcloud-purge:UrlPurge"), "the export holds the purge");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
        assert.ok(!text.includes(TOKEN), "session token in state");
    });
});
