/**
 * The dual-gate example (`examples/dual-gate`) on the real Pulumi engine and its real dynamic-provider host: a
 * site purged on both CDN and EdgeOne, one emulator serving both APIs on one address, and the release created
 * only once both gates have passed. The emulator's jobs never finish by themselves here: each test ends them in the
 * order it needs, so that the release waiting for the later one is what is seen, not a coincidence of timing.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { RunningEmulator, startEmulator } from "../../emulator";
import { dualGateProgram } from "../../examples/dual-gate/program";
import { LocalStack } from "../../scripts/localStack";

const SECRET_ID = "AKIDe2edual0000000000000000000000000";
const SECRET_KEY = "e2e-dual-secret-key-6d0a3b";

const created = (events: readonly EngineEvent[], name: string) =>
    events.some((e) => e.resOutputsEvent?.metadata.urn.endsWith(`::${name}`) && e.resOutputsEvent.metadata.op === "create");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("gating a deployment on both a CDN and an EdgeOne purge, on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    const stacks: LocalStack[] = [];
    const open = async (config: Record<string, string> = {}) => {
        const envVars = { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_TEO_ENDPOINT: emu.url };
        const stack = await LocalStack.create({ projectName: "dual-gate", program: dualGateProgram, envVars });
        await stack.stack.setAllConfig({
            "tencentcloud-purge:secretId": { value: SECRET_ID },
            "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true },
            "dual-gate:timeoutSeconds": { value: "120" },
            ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`dual-gate:${k}`, { value: v }])),
        });
        stacks.push(stack);
        return stack;
    };

    /**
     * Runs `up` while ending the purges in turn: `first` as soon as both are submitted, the other one second after
     * `first`'s gate has passed (seen in the engine's events). Resolves to when the later one was ended.
     */
    const upEnding = async (stack: LocalStack, first: "cdn" | "edgeone") => {
        let stop = false;
        const driver = (async () => {
            const submitted = () => emu.store.allRecords().length > 0 && emu.teoStore.allRecords().length > 0;
            while (!stop && !submitted()) await sleep(100);
            const end = (which: "cdn" | "edgeone") => (which === "cdn"
                ? emu.store.complete(emu.store.allRecords()[0].taskId, "done")
                : emu.teoStore.complete(emu.teoStore.allRecords()[0].jobId, "success"));
            if (stop) return 0;
            end(first);
            while (!stop && !created(stack.lastEvents, `${first}-gate`)) await sleep(100);
            if (stop) return 0;
            await sleep(1000);
            end(first === "cdn" ? "edgeone" : "cdn");
            return Date.now();
        })();
        try {
            const outcome = await stack.up();
            return { outcome, laterEndedAt: await driver };
        } finally {
            stop = true;
        }
    };

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 3_600_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    beforeEach(() => emu.reset());
    after(async () => {
        for (const s of stacks) {
            await s.cleanup();
        }
        await emu?.close();
    });

    it("preview calls neither API", async () => {
        const stack = await open();
        await stack.preview();
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });

    it("with EdgeOne finishing last, creates the release only after the EdgeOne purge succeeded", async () => {
        const stack = await open();
        const { outcome, laterEndedAt } = await upEnding(stack, "cdn");
        const out = outcome.result.outputs;
        const releaseAt = Date.parse(out.releaseCreatedAt.value);
        assert.ok(releaseAt >= laterEndedAt, `release at ${new Date(releaseAt).toISOString()}, EdgeOne done at ${new Date(laterEndedAt).toISOString()}`);
        assert.deepStrictEqual([out.cdnStatus.value, out.edgeOneStatus.value], ["done", "success"]);
    });

    it("with CDN finishing last, creates the release only after the CDN purge was done", async () => {
        const stack = await open();
        const { outcome, laterEndedAt } = await upEnding(stack, "edgeone");
        const out = outcome.result.outputs;
        const releaseAt = Date.parse(out.releaseCreatedAt.value);
        assert.ok(releaseAt >= laterEndedAt, `release at ${new Date(releaseAt).toISOString()}, CDN done at ${new Date(laterEndedAt).toISOString()}`);
        assert.deepStrictEqual([out.cdnStatus.value, out.edgeOneStatus.value], ["done", "success"]);
    });

    it("submits both purges on the one emulator address, each once", async () => {
        const stack = await open();
        await upEnding(stack, "cdn");
        const { requests } = emu.stats.snapshot();
        assert.deepStrictEqual([requests.PurgeUrlsCache, requests.CreatePurgeTask], [1, 1]);
    });

    it("a failed EdgeOne target fails the update, and the release is not created though the CDN purge was done", async () => {
        const broken = "https://www.example.com/broken.css";
        emu.teoStore.setOutcome(broken, { status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
        const stack = await open({ urls: JSON.stringify(["https://www.example.com/app.js", broken]) });
        await assert.rejects(upEnding(stack, "cdn"), /https:\/\/www\.example\.com\/broken\.css \(originPullFailed: origin answered 502\)/);
        assert.deepStrictEqual([created(stack.lastEvents, "cdn-gate"), created(stack.lastEvents, "release")], [true, false]);
    });

    it("keeps no secret key in the exported state", async () => {
        const stack = await open();
        await upEnding(stack, "cdn");
        const { text } = await stack.exportStack();
        assert.ok(text.includes("tencentcloud-purge:EdgeOnePurge"), "the export holds the EdgeOne purge");
        assert.ok(!text.includes(SECRET_KEY), "secret key in state");
    });
});
