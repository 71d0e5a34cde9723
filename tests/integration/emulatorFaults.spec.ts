import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorClient, CdnClient } from "../../emulator/cdn/client";
import { INTERNAL_ERROR_CODES } from "../../emulator/cdn/errors";

type SdkError = { code?: string; httpCode?: number; type?: string; name?: string; message: string };
const failure = async (p: Promise<unknown>): Promise<SdkError> => {
    try {
        await p;
    } catch (e) {
        return e as SdkError;
    }
    throw new Error("expected the call to fail");
};

describe("emulator fault injection as the SDK sees it", () => {
    let emu: RunningEmulator;
    let client: CdnClient;
    const describe1 = () => client.DescribePurgeTasks({ TaskId: "1" });

    before(async () => {
        emu = await startEmulator();
        client = emulatorClient(emu, { reqTimeout: 2 });
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("throttle answers OperationTooOften for DescribePurgeTasks", async () => {
        emu.faults.add({ kind: "throttle" });
        assert.strictEqual((await failure(describe1())).code, "UnauthorizedOperation.OperationTooOften");
    });

    it("throttle answers RequestLimitExceeded for PurgeUrlsCache", async () => {
        emu.faults.add({ kind: "throttle" });
        assert.strictEqual((await failure(client.PurgeUrlsCache({ Urls: ["https://a.com/x"] }))).code, "RequestLimitExceeded");
    });

    it("apiError answers each documented InternalError code", async () => {
        emu.faults.add(INTERNAL_ERROR_CODES.map((code) => ({ kind: "apiError" as const, code })));
        const codes: Array<string | undefined> = [];
        for (let i = 0; i < INTERNAL_ERROR_CODES.length; i++) {
            codes.push((await failure(describe1())).code);
        }
        assert.deepStrictEqual(codes, INTERNAL_ERROR_CODES);
    });

    it("http 502 reaches the SDK as an error with httpCode 502", async () => {
        emu.faults.add({ kind: "http", status: 502 });
        const e = await failure(describe1());
        assert.deepStrictEqual([e.httpCode, e.code], [502, undefined]);
    });

    it("http 503 reaches the SDK as an error with httpCode 503", async () => {
        emu.faults.add({ kind: "http", status: 503 });
        assert.strictEqual((await failure(describe1())).httpCode, 503);
    });

    it("slow delays the answer by delayMs", async () => {
        emu.faults.add({ kind: "slow", delayMs: 150 });
        const started = Date.now();
        await describe1();
        assert.ok(Date.now() - started >= 140);
    });

    it("slow past the SDK's reqTimeout makes the call fail without a code", async () => {
        emu.faults.add({ kind: "slow", delayMs: 1500 });
        const fast = emulatorClient(emu, { reqTimeout: 1 });
        const e = await failure(fast.DescribePurgeTasks({ TaskId: "1" }));
        assert.deepStrictEqual([e.code, e.httpCode], [undefined, undefined]);
    });

    it("reset drops the connection: an error without code or httpCode", async () => {
        emu.faults.add({ kind: "reset" });
        const e = await failure(describe1());
        assert.deepStrictEqual([e.code, e.httpCode, /socket hang up|ECONNRESET/.test(e.message)], [undefined, undefined, true]);
    });

    it("badJson makes the SDK throw a FetchError of type invalid-json", async () => {
        emu.faults.add({ kind: "badJson" });
        const e = await failure(describe1());
        assert.deepStrictEqual([e.name, e.type], ["FetchError", "invalid-json"]);
    });

    it("emptyJson makes the SDK throw a TypeError", async () => {
        emu.faults.add({ kind: "emptyJson" });
        assert.ok((await failure(describe1())) instanceof TypeError);
    });

    it("nullFields answers records whose fields are all null and TotalCount null", async () => {
        emu.faults.add({ kind: "nullFields" });
        const res = await describe1();
        assert.deepStrictEqual([res.TotalCount, Object.values(res.PurgeLogs?.[0] ?? { x: 1 }).every((v) => v === null)], [null, true]);
    });

    it("nullList answers PurgeLogs null and TotalCount null", async () => {
        emu.faults.add({ kind: "nullList" });
        const res = await describe1();
        assert.deepStrictEqual([res.PurgeLogs, res.TotalCount], [null, null]);
    });

    it("applies a rule only to its action", async () => {
        emu.faults.add({ action: "PurgeUrlsCache", kind: "apiError", code: "InternalError.Error" });
        await describe1();
        assert.strictEqual(emu.faults.pending().length, 1);
    });

    it("wears a rule out after times uses", async () => {
        emu.faults.add({ kind: "http", status: 500, times: 2 });
        const codes = [(await failure(describe1())).httpCode, (await failure(describe1())).httpCode];
        await describe1();
        assert.deepStrictEqual(codes, [500, 500]);
    });

    it("keeps an always rule", async () => {
        emu.faults.add({ kind: "throttle", times: "always" });
        for (let i = 0; i < 3; i++) {
            await failure(describe1());
        }
        assert.deepStrictEqual(emu.faults.pending().map((r) => r.remaining), ["always"]);
    });

    it("counts injected faults in the stats", async () => {
        emu.faults.add([{ kind: "emptyJson" }, { kind: "nullList" }]);
        await failure(describe1());
        await describe1();
        assert.strictEqual(emu.stats.snapshot().faults, 2);
    });
});
