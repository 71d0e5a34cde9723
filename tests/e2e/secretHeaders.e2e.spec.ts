/**
 * A prefetch's `headers` may carry the origin's credentials (`Authorization: Bearer ...`): on the real Pulumi
 * engine, `UrlPush` and `edgeone.Prefetch` given them in plain text send them to the API, yet the exported state
 * (inputs and outputs) holds them only encrypted.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LocalStack } from "../../scripts/localStack";
import * as purge from "../../sdk";

const SECRET_ID = "AKIDe2eheaders000000000000000000000";
const SECRET_KEY = "e2e-headers-secret-key-3b7e";
const BEARER = "Bearer e2e-origin-SECRET-6f1c0a9d";
const ZONE = "zone-2noz78a8ev6k";
const URL = "https://www.example.com/app.js";
/** Quick pacing: the emulator ends a prefetch in a second. */
const QUICK = { minDelaySeconds: 0.2, maxDelaySeconds: 0.5 };

/** The program: one prefetch of each product, each with an Authorization header in plain text. */
const program = async () => {
    const headers = [{ name: "Authorization", value: BEARER }];
    const warm = new purge.UrlPush("warm", { urls: [URL], headers, ...QUICK });
    const edge = new purge.edgeone.Prefetch("edge-warm", { zoneId: ZONE, targets: [URL], headers, ...QUICK });
    return { pushStatus: warm.status, prefetchStatus: edge.status } as Record<string, pulumi.Output<string>>;
};

describe("a prefetch's headers on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let stack: LocalStack | undefined;

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 500, pushCompleteAfterMs: 1000, teoPrefetchCompleteAfterMs: 1000,
            credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        const envVars = { TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_TEO_ENDPOINT: emu.url };
        Object.assign(process.env, envVars);
        stack = await LocalStack.create({ projectName: "secret-headers", program, envVars });
        await stack.stack.setAllConfig({ "tencentcloud-purge:secretId": { value: SECRET_ID },
            "tencentcloud-purge:secretKey": { value: SECRET_KEY, secret: true } });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
    });

    it("sends the headers, and stores their values only encrypted in the state's inputs and outputs", async () => {
        const { result } = await stack!.up();
        assert.deepStrictEqual([result.outputs.pushStatus.value, result.outputs.prefetchStatus.value], ["done", "success"]);
        const sent = emu.stats.snapshot().recent.filter((r) => r.action === "PushUrlsCache" || r.action === "CreatePrefetchTask")
            .map((r) => [r.action, (r.params as { Headers?: unknown }).Headers]);
        assert.deepStrictEqual(sent.sort(), [["CreatePrefetchTask", [{ Name: "Authorization", Value: BEARER }]],
            ["PushUrlsCache", [{ Name: "Authorization", Value: BEARER }]]]);
        const { deployment, text } = await stack!.exportStack();
        assert.ok(!text.includes(BEARER.split(" ")[1]), "a header value in plain text in the exported state");
        const prefetches = (deployment.deployment.resources ?? []).filter((r) => /UrlPush|EdgeOnePrefetch/.test(r.type));
        const sigOf = (h: unknown) => (h as Record<string, unknown> | undefined)?.[specialSigKey];
        assert.deepStrictEqual(prefetches.map((r) => [sigOf(r.inputs?.headers), sigOf(r.outputs?.headers)]),
            [[specialSecretSig, specialSecretSig], [specialSecretSig, specialSecretSig]]);
    });
});
