import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorClient, CdnClient } from "../../emulator/cdn/client";

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
    try {
        await p;
    } catch (e) {
        return (e as { code?: string }).code;
    }
    return "no error";
};
const urls = (n: number, prefix = "https://q.example.com/"): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("emulator rate limit", () => {
    let emu: RunningEmulator;
    let client: CdnClient;
    let now = Date.now();

    before(async () => {
        emu = await startEmulator({ now: () => now });
        client = emulatorClient(emu);
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("throttles the 21st DescribePurgeTasks in one second with OperationTooOften", async () => {
        const codes = await Promise.all(Array.from({ length: 21 }, () => codeOf(client.DescribePurgeTasks({ TaskId: "1" }))));
        assert.deepStrictEqual([codes.filter((c) => c === "no error").length,
            codes.filter((c) => c === "UnauthorizedOperation.OperationTooOften").length], [20, 1]);
    });

    it("answers RequestLimitExceeded for other actions over the limit", async () => {
        const codes = await Promise.all(Array.from({ length: 21 }, () => codeOf(client.DescribePurgeQuota())));
        assert.strictEqual(codes.filter((c) => c === "RequestLimitExceeded").length, 1);
    });

    it("counts throttled answers in the stats", async () => {
        await Promise.all(Array.from({ length: 22 }, () => codeOf(client.DescribePurgeTasks({ TaskId: "1" }))));
        assert.strictEqual(emu.stats.snapshot().throttled, 2);
    });

    it("accepts requests again once the window has slid by", async () => {
        await Promise.all(Array.from({ length: 20 }, () => codeOf(client.DescribePurgeTasks({ TaskId: "1" }))));
        now += 1000;
        assert.strictEqual(await codeOf(client.DescribePurgeTasks({ TaskId: "1" })), "no error");
    });

    it("limits each action separately", async () => {
        await Promise.all(Array.from({ length: 20 }, () => codeOf(client.DescribePurgeTasks({ TaskId: "1" }))));
        assert.strictEqual(await codeOf(client.DescribePurgeQuota()), "no error");
    });
});

describe("emulator quota and submission checks", () => {
    let emu: RunningEmulator;
    let client: CdnClient;
    let now = Date.UTC(2026, 10, 29, 4, 0, 0);

    before(async () => {
        emu = await startEmulator({ now: () => now, urlBatch: 3, urlTotal: 5, pathBatch: 2, pathTotal: 2 });
        client = emulatorClient(emu);
    });
    beforeEach(() => {
        emu.reset();
        now = Date.now();
    });
    after(() => emu.close());

    it("decreases Available by each URL submitted", async () => {
        await client.PurgeUrlsCache({ Urls: urls(2) });
        const quota = await client.DescribePurgeQuota();
        assert.strictEqual(quota.UrlPurge?.find((q) => q.Area === "mainland")?.Available, 3);
    });

    it("rejects more URLs than Batch with CdnPurgeExceedBatchLimit", async () => {
        assert.strictEqual(await codeOf(client.PurgeUrlsCache({ Urls: urls(4) })), "LimitExceeded.CdnPurgeExceedBatchLimit");
    });

    it("rejects more URLs than Available with CdnPurgeExceedDayLimit", async () => {
        await client.PurgeUrlsCache({ Urls: urls(3) });
        assert.strictEqual(await codeOf(client.PurgeUrlsCache({ Urls: urls(3) })), "LimitExceeded.CdnPurgeExceedDayLimit");
    });

    it("restores the daily quota after midnight Beijing time", async () => {
        now = Date.UTC(2026, 10, 29, 15, 59, 0); // 23:59 Beijing
        await client.PurgeUrlsCache({ Urls: urls(3) });
        now += 120_000;
        assert.strictEqual((await client.DescribePurgeQuota()).UrlPurge?.[0].Available, 5);
    });

    it("counts directory purges against the path quota", async () => {
        await client.PurgePathCache({ Paths: urls(2), FlushType: "flush" });
        assert.strictEqual(await codeOf(client.PurgePathCache({ Paths: urls(1), FlushType: "flush" })),
            "LimitExceeded.CdnPurgeExceedDayLimit");
    });

    it("rejects an empty URL list with CdnParamError", async () => {
        assert.strictEqual(await codeOf(client.PurgeUrlsCache({ Urls: [] })), "InvalidParameter.CdnParamError");
    });

    it("rejects a URL without http(s):// with CdnUrlInvalid", async () => {
        assert.strictEqual(await codeOf(client.PurgeUrlsCache({ Urls: ["www.example.com/a"] })), "InvalidParameter.CdnUrlInvalid");
    });

    it("rejects a path that is not a full URL with CdnUrlInvalid", async () => {
        assert.strictEqual(await codeOf(client.PurgePathCache({ Paths: ["/img/"], FlushType: "flush" })), "InvalidParameter.CdnUrlInvalid");
    });

    it("answers MissingParameter for a directory purge without FlushType, as for any required field", async () => {
        assert.strictEqual(await codeOf(client.PurgePathCache({ Paths: urls(1) } as never)), "MissingParameter");
    });

    it("answers MissingParameter for a URL purge without Urls", async () => {
        assert.strictEqual(await codeOf(client.PurgeUrlsCache({} as never)), "MissingParameter");
    });

    it("rejects a FlushType other than flush or delete with CdnParamError", async () => {
        assert.strictEqual(await codeOf(client.PurgePathCache({ Paths: urls(1), FlushType: "wipe" })), "InvalidParameter.CdnParamError");
    });

    it("does not take quota for a rejected submission", async () => {
        await codeOf(client.PurgeUrlsCache({ Urls: urls(4) }));
        assert.strictEqual((await client.DescribePurgeQuota()).UrlPurge?.[0].Available, 5);
    });
});
