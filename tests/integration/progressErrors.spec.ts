/**
 * A wait's progress line tells why it is not moving while the API keeps failing, and stops saying so once calls
 * succeed again; seen through Pulumi's own dynamic-provider host. Needs the compiled provider.
 */
import * as assert from "assert";
import * as grpc from "@grpc/grpc-js";
import { EMULATOR_CREDENTIALS, FaultRule, RunningEmulator, startEmulator } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { resolveConnection } from "../../provider/client/connection";
import { formatProgress } from "../../provider/resources/progress";
import { hostedProvider } from "../../sdk/hostedProvider";
import { ProviderHost } from "../support/providerHost";

describe("progress of a wait through an outage, in Pulumi's dynamic-provider host", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let host: ProviderHost;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000 });
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
    });
    after(async () => {
        host?.stop();
        await emu?.close();
    });

    it("shows the last error and for how long while retrying, and clears it when reads answer again", async () => {
        // Without a resource URN the host writes progress to standard error, one line per check. No delay inputs:
        // the wait goes through the shared poller, as waits do by default.
        emu.faults.add({ action: "DescribePurgeTasks", kind: "reset", times: "always" });
        const creating = host.create({ __provider: await ProviderHost.serialize(hostedProvider("urlPurge")),
            urls: ["https://www.example.com/o.html"], timeoutSeconds: 60 });
        // Each check retries its read a few times before it fails; the first failed check comes within seconds.
        const giveUpAt = Date.now() + 30_000;
        while (!/API unreachable/.test(host.stderr) && Date.now() < giveUpAt) {
            await new Promise((r) => setTimeout(r, 100));
        }
        emu.faults.clear();
        const { properties } = await creating;
        const lines = host.stderr.split("\n").filter((l) => l.startsWith("purge task"));
        assert.ok(lines.some((l) => /0\/1 done, 1 pending, 0 failed after \d+ s, next check in [\d.]+ s; API unreachable for \d+ s: .*socket hang up.*; retrying$/.test(l)),
            lines.join("\n"));
        assert.deepStrictEqual([properties.status, lines[lines.length - 1].replace(/after \d+ s/, "after N s")],
            ["done", `purge task ${properties.taskId}: 1/1 done, 0 pending, 0 failed after N s`]);
    });
});

describe("the progress line while the API fails, for each fault the emulator injects", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let client: PurgeClient;
    before(async () => {
        emu = await startEmulator({});
        client = new PurgeClient(resolveConnection({ ...EMULATOR_CREDENTIALS, endpoint: emu.url, requestTimeoutSeconds: 1 }, undefined, {}),
            { retry: { maxAttempts: 1, baseDelayMs: 0, throttledBaseDelayMs: 0, maxDelayMs: 0 } });
    });
    after(async () => emu?.close());

    /** The line a wait shows after a read failed with `rule` for 12 s. */
    const lineAfter = async (rule: FaultRule) => {
        emu.faults.clear();
        emu.faults.add({ ...rule, action: "DescribePurgeTasks" });
        const error = await client.describePurgeTasks({ taskId: "1" }).then(() => assert.fail("the read should fail"), (e) => e);
        return formatProgress({ done: 0, failed: 0, pending: 1, total: 1, attempt: 3, nextCheckInMs: 2000, elapsedMs: 12_000,
            retrying: { error, forMs: 12_000 } });
    };
    const HEAD = "0/1 done, 1 pending, 0 failed after 12 s, next check in 2 s; ";
    const cases: Array<[string, FaultRule, string | RegExp]> = [
        ["throttled", { kind: "throttle" }, /^API calls failing for 12 s: UnauthorizedOperation\.OperationTooOften: .+; retrying$/],
        ["an API error", { kind: "apiError", code: "InternalError.CdnDbError", message: "db down." },
            "API calls failing for 12 s: InternalError.CdnDbError: db down.; retrying"],
        ["an HTML error page", { kind: "http", status: 502 }, "API calls failing for 12 s: HTTP502: HTTP 502 Bad Gateway; retrying"],
        ["an HTML page with status 200", { kind: "http", status: 200 },
            /^API calls failing for 12 s: InvalidResponse: not a Tencent Cloud API answer: Unexpected token '<', "<html><hea"\.\.\. is not valid JSON; retrying$/],
        ["a truncated JSON answer", { kind: "badJson" },
            "API calls failing for 12 s: InvalidResponse: not a Tencent Cloud API answer: Unexpected end of JSON input; retrying"],
        ["an empty JSON object", { kind: "emptyJson" },
            "API calls failing for 12 s: InvalidResponse: not a Tencent Cloud API answer: it holds no Response object; retrying"],
        ["a dropped connection", { kind: "reset" }, /^API unreachable for 12 s: (socket hang up|.*ECONNRESET.*); retrying$/],
        ["an answer slower than the request timeout", { kind: "slow", delayMs: 2500 }, /^API unreachable for 12 s: .*timeout.*; retrying$/i],
        ["a request that never gets an answer", { kind: "hang" }, /^API unreachable for 12 s: .*timeout.*; retrying$/i],
    ];
    for (const [what, rule, expected] of cases) {
        it(`reads cleanly after ${what}`, async () => {
            const line = await lineAfter(rule);
            assert.ok(line.startsWith(HEAD), line);
            const tail = line.slice(HEAD.length);
            if (typeof expected === "string") {
                assert.strictEqual(tail, expected);
            } else {
                assert.match(tail, expected);
            }
            const opened = (line.match(/\(/g) ?? []).length;
            const closed = (line.match(/\)/g) ?? []).length;
            assert.deepStrictEqual([opened, closed, /undefined|reason:|\n/.test(line)], [opened, opened, false], line);
        });
    }
});

describe("the last progress line of a wait, in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const emptyProto = require("google-protobuf/google/protobuf/empty_pb");
    const URN = "urn:pulumi:dev::site::pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge::site";
    let emu: RunningEmulator;
    let host: ProviderHost;
    let engine: grpc.Server;
    /** The engine's Log requests in order, with when the engine had handled each (it takes 300 ms per line). */
    const logs: Array<{ message: string; ephemeral: boolean; handledAt?: number }> = [];

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000 });
        engine = new grpc.Server();
        engine.addService(engineRpc.EngineService, {
            log: (call: any, done: (e: null, r: unknown) => void) => {
                const entry: { message: string; ephemeral: boolean; handledAt?: number } =
                    { message: call.request.getMessage(), ephemeral: call.request.getEphemeral() };
                logs.push(entry);
                setTimeout(() => { entry.handledAt = Date.now(); done(null, new emptyProto.Empty()); }, 300);
            },
        });
        const port = await new Promise<number>((resolve, reject) => engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(),
            (e, p) => (e ? reject(e) : resolve(p))));
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url }, process.cwd(), `127.0.0.1:${port}`);
    });
    after(async () => {
        host?.stop();
        engine?.forceShutdown();
        await emu?.close();
    });

    it("has reached the engine when the step ends, so the created line shows the final count, not a stale one", async () => {
        const { properties } = await host.create({ __provider: await ProviderHost.serialize(hostedProvider("urlPurge")),
            urls: ["https://www.example.com/final.html"], resourceUrn: URN });
        const returnedAt = Date.now();
        const progress = logs.filter((l) => l.ephemeral);
        const last = progress[progress.length - 1];
        assert.match(last.message, new RegExp(`^purge task ${properties.taskId}: 1/1 done, 0 pending, 0 failed after \\d+ s$`));
        assert.ok(last.handledAt !== undefined && last.handledAt <= returnedAt,
            "the engine had not handled the last line when the step ended");
    });
});
