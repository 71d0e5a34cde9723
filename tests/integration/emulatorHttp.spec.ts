import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorClient, signedRequest } from "../../emulator/cdn/client";
import { rawRequest } from "../../emulator/client";

describe("emulator HTTP surface", () => {
    let emu: RunningEmulator;
    const lines: string[] = [];

    before(async () => {
        emu = await startEmulator({ maxBodyBytes: 1024, log: (l) => lines.push(l) });
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    const code = (res: { json: any }): string => res.json?.Response?.Error?.Code;
    const stillServes = async (): Promise<void> => {
        assert.ok(Array.isArray((await emulatorClient(emu).DescribePurgeQuota()).UrlPurge));
    };

    it("listens on loopback and reports its endpoint", () => {
        assert.deepStrictEqual([emu.host, emu.url, emu.endpoint], ["127.0.0.1", `http://127.0.0.1:${emu.port}`, `127.0.0.1:${emu.port}`]);
    });

    it("answers GET /healthz with ok", async () => {
        const res = await rawRequest(emu, "GET", "/healthz");
        assert.deepStrictEqual([res.status, res.text.trim()], [200, "ok"]);
    });

    it("answers 404 for other paths and methods", async () => {
        assert.deepStrictEqual([(await rawRequest(emu, "GET", "/other")).status, (await rawRequest(emu, "PUT", "/")).status],
            [404, 404]);
    });

    it("serves the API on GET / too, answering MissingParameter without an action", async () => {
        const res = await rawRequest(emu, "GET", "/");
        assert.deepStrictEqual([res.status, code(res)], [200, "MissingParameter"]);
    });

    it("answers an error envelope with a RequestId for an unknown action", async () => {
        const res = await signedRequest(emu, "DeleteEverything", "{}");
        assert.deepStrictEqual([res.status, code(res), typeof res.json.Response.RequestId], [200, "InvalidAction", "string"]);
    });

    it("answers NoSuchVersion for another API version", async () => {
        assert.strictEqual(code(await signedRequest(emu, "DescribePurgeQuota", "{}", { version: "2020-01-01" })), "NoSuchVersion");
    });

    it("answers MissingParameter without X-TC-Action", async () => {
        assert.strictEqual(code(await rawRequest(emu, "POST", "/", "{}", { "Content-Type": "application/json" })), "MissingParameter");
    });

    it("answers InvalidAuthorization for an unsigned request", async () => {
        const res = await rawRequest(emu, "POST", "/", "{}", { "Content-Type": "application/json", "X-TC-Action": "DescribePurgeQuota" });
        assert.strictEqual(code(res), "AuthFailure.InvalidAuthorization");
    });

    it("answers InvalidParameter for a signed body that is not JSON, and keeps serving", async () => {
        assert.strictEqual(code(await signedRequest(emu, "DescribePurgeTasks", "{not json")), "InvalidParameter");
        await stillServes();
    });

    it("answers InvalidParameter for a JSON body that is not an object", async () => {
        assert.strictEqual(code(await signedRequest(emu, "PurgeUrlsCache", "[1,2]")), "InvalidParameter");
    });

    it("answers 413 for a body over maxBodyBytes, and keeps serving", async () => {
        const big = JSON.stringify({ Urls: Array.from({ length: 200 }, (_, i) => `https://big.example.com/${i}`) });
        const res = await signedRequest(emu, "PurgeUrlsCache", big);
        assert.deepStrictEqual([res.status, code(res)], [413, "InvalidParameter"]);
        await stillServes();
    });

    it("answers InvalidParameter.CdnParamError for wrongly typed fields", async () => {
        assert.strictEqual(code(await signedRequest(emu, "PurgeUrlsCache", '{"Urls":"https://a.com/x"}')), "InvalidParameter.CdnParamError");
    });

    it("writes one log line per request", async () => {
        lines.length = 0;
        await signedRequest(emu, "DescribePurgeQuota", "{}");
        assert.deepStrictEqual([lines.length, /DescribePurgeQuota OK/.test(lines[0])], [1, true]);
    });
});

describe("emulator authClock", () => {
    it("checks signature timestamps against authClock", async () => {
        const emu = await startEmulator({ authClock: () => Date.now() + 3600_000 });
        try {
            const e = await emulatorClient(emu).DescribePurgeQuota().catch((err: { code?: string }) => err);
            assert.strictEqual((e as { code?: string }).code, "AuthFailure.SignatureExpire");
        } finally {
            await emu.close();
        }
    });
});
