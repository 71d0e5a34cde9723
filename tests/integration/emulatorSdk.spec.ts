import * as assert from "assert";
import { startEmulator, RunningEmulator, EMULATOR_CREDENTIALS } from "../../emulator/server";
import { emulatorClient, signedRequest } from "../../emulator/cdn/client";
import { parseApiTime } from "../../provider/base/time";

const SDK_CODE = (e: unknown): string | undefined => (e as { code?: string }).code;

describe("emulator with the official SDK", () => {
    let emu: RunningEmulator;
    let now = Date.now();
    const clock = () => now;

    before(async () => {
        emu = await startEmulator({ now: clock, completeAfterMs: 1000 });
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("answers PurgeUrlsCache with a numeric-looking TaskId and a RequestId", async () => {
        const res = await emulatorClient(emu).PurgeUrlsCache({ Urls: ["https://www.example.com/a.png"] });
        assert.match(res.TaskId ?? "", /^\d+$/);
        assert.match(res.RequestId ?? "", /^[0-9a-f-]{36}$/);
    });

    it("answers PurgePathCache with a TaskId", async () => {
        const res = await emulatorClient(emu).PurgePathCache({ Paths: ["https://www.example.com/img/"], FlushType: "delete" });
        assert.match(res.TaskId ?? "", /^\d+$/);
    });

    it("answers DescribePurgeTasks with one record per URL of a task", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://a.example.com/1", "https://a.example.com/2"] });
        const res = await client.DescribePurgeTasks({ TaskId });
        assert.strictEqual(res.TotalCount, 2);
        assert.deepStrictEqual(res.PurgeLogs?.map((r) => [r.TaskId, r.Url, r.Status, r.PurgeType, r.FlushType]), [
            [TaskId, "https://a.example.com/1", "process", "url", "flush"],
            [TaskId, "https://a.example.com/2", "process", "url", "flush"],
        ]);
        assert.strictEqual(parseApiTime(res.PurgeLogs?.[0].CreateTime ?? "")?.getTime(), Math.floor(now / 1000) * 1000);
    });

    it("answers DescribePurgeQuota for mainland with the default sizes", async () => {
        const res = await emulatorClient(emu).DescribePurgeQuota();
        const url = res.UrlPurge?.find((q) => q.Area === "mainland");
        const path = res.PathPurge?.find((q) => q.Area === "mainland");
        assert.deepStrictEqual(url, { Batch: 1000, Total: 10000, Available: 10000, Area: "mainland" });
        assert.deepStrictEqual(path, { Batch: 500, Total: 100, Available: 100, Area: "mainland" });
    });

    it("shows a task done to the SDK once the clock passes completeAfterMs", async () => {
        const client = emulatorClient(emu);
        const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://www.example.com/a.png"] });
        now += 1000;
        const res = await client.DescribePurgeTasks({ TaskId });
        now -= 1000;
        assert.strictEqual(res.PurgeLogs?.[0].Status, "done");
    });

    it("rejects a client with the wrong secret key as SignatureFailure", async () => {
        const client = emulatorClient(emu, { credential: { ...EMULATOR_CREDENTIALS, secretKey: "wrong" } });
        await assert.rejects(client.DescribePurgeQuota(), (e) => SDK_CODE(e) === "AuthFailure.SignatureFailure");
    });

    it("rejects a client with an unknown SecretId as SecretIdNotFound", async () => {
        const client = emulatorClient(emu, { credential: { secretId: "AKIDnobody", secretKey: "x" } });
        await assert.rejects(client.DescribePurgeQuota(), (e) => SDK_CODE(e) === "AuthFailure.SecretIdNotFound");
    });

    it("rejects a request signed an hour ago as SignatureExpire", async () => {
        const res = await signedRequest(emu, "DescribePurgeQuota", "{}", { timestamp: Math.floor(now / 1000) - 3600 });
        assert.strictEqual(res.json.Response.Error.Code, "AuthFailure.SignatureExpire");
    });

    it("counts the request and its error code in the stats without keys", async () => {
        const client = emulatorClient(emu, { credential: { ...EMULATOR_CREDENTIALS, secretKey: "wrong" } });
        await assert.rejects(client.DescribePurgeTasks({ TaskId: "1" }));
        const stats = emu.stats.snapshot();
        assert.strictEqual(stats.requests.DescribePurgeTasks, 1);
        assert.strictEqual(stats.errors["AuthFailure.SignatureFailure"], 1);
        assert.deepStrictEqual(stats.recent[0].params, { TaskId: "1" });
        assert.ok(!JSON.stringify(stats).includes(EMULATOR_CREDENTIALS.secretId));
    });
});

describe("emulator with a session token", () => {
    let emu: RunningEmulator;
    const cred = { secretId: "AKIDtokenuser", secretKey: "k", token: "tok-123" };

    before(async () => {
        emu = await startEmulator({ credentials: [cred] });
    });
    after(() => emu.close());

    it("accepts the SDK when it sends the matching token", async () => {
        const res = await emulatorClient(emu).DescribePurgeQuota();
        assert.ok(Array.isArray(res.UrlPurge));
    });

    it("rejects the SDK with a different token as TokenFailure", async () => {
        const client = emulatorClient(emu, { credential: { ...cred, token: "other" } });
        await assert.rejects(client.DescribePurgeQuota(), (e) => SDK_CODE(e) === "AuthFailure.TokenFailure");
    });

    it("rejects the SDK without a token as TokenFailure", async () => {
        const client = emulatorClient(emu, { credential: { secretId: cred.secretId, secretKey: cred.secretKey } });
        await assert.rejects(client.DescribePurgeQuota(), (e) => SDK_CODE(e) === "AuthFailure.TokenFailure");
    });
});
