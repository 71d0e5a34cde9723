/**
 * The hints of a failed call name the action that failed: the CDN client on the emulator's answers, a prefetch
 * (push) told about the push's rights, rate and quota, a purge about the purge's; EdgeOne's prefetch likewise.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { resolveConnection } from "../../provider/client/connection";
import { PurgeClient } from "../../provider/cdn/client";
import { EdgeOneClient } from "../../provider/edgeone/client";
import { PurgeApiError } from "../../provider/client/apiError";

const URL = "https://www.example.com/app.js";
/** No retry: a throttled call fails at once, with its hint. */
const NO_RETRY = { retry: { maxAttempts: 1, baseDelayMs: 1, throttledBaseDelayMs: 1, maxDelayMs: 1 } };

describe("hints by the failed action, on the emulator", function () {
    this.timeout(20_000);
    let emu: RunningEmulator;
    let client: PurgeClient;
    before(async () => {
        emu = await startEmulator({});
        client = new PurgeClient(resolveConnection({ ...EMULATOR_CREDENTIALS, endpoint: emu.url }, undefined, {}), NO_RETRY);
    });
    beforeEach(() => emu.reset());
    after(async () => emu?.close());

    const hintOf = (p: Promise<unknown>) => p.then(() => assert.fail("should fail"), (e: PurgeApiError) => e.hint ?? "");

    it("PushUrlsCache without CAM rights: grant the push's actions, not the purge's", async () => {
        emu.faults.add({ kind: "apiError", code: "UnauthorizedOperation.CdnCamUnauthorized", action: "PushUrlsCache", times: "always" });
        const hint = await hintOf(client.pushUrlsCache({ urls: [URL] }));
        assert.deepStrictEqual([/cdn:PushUrlsCache/.test(hint), /Purge/.test(hint)], [true, false], hint);
    });
    it("PurgeUrlsCache without CAM rights still names the purge's actions", async () => {
        emu.faults.add({ kind: "apiError", code: "UnauthorizedOperation.CdnCamUnauthorized", action: "PurgeUrlsCache", times: "always" });
        assert.match(await hintOf(client.purgeUrlsCache({ urls: [URL] })), /cdn:PurgeUrlsCache/);
    });
    it("DescribePushTasks throttled: the rate of DescribePushTasks, not of DescribePurgeTasks", async () => {
        emu.faults.add({ kind: "throttle", action: "DescribePushTasks", times: "always" });
        assert.match(await hintOf(client.describePushTasks({ taskId: "1" })), /20 DescribePushTasks requests per second/);
    });
    it("EdgeOne's CreatePrefetchTask over the daily quota: the prefetch quota, not the purge's", async () => {
        const teo = new EdgeOneClient(resolveConnection({ ...EMULATOR_CREDENTIALS, teoEndpoint: emu.url }, undefined, {}), NO_RETRY);
        emu.faults.add({ kind: "apiError", code: "LimitExceeded.DailyQuota", action: "CreatePrefetchTask", times: "always" });
        assert.match(await hintOf(teo.createPrefetchTask({ zoneId: "zone-2noz78a8ev6k", targets: [URL] })), /daily EdgeOne prefetch quota/);
    });
    it("today's push quota used up: says so and where to look", async () => {
        emu.faults.add({ kind: "apiError", code: "LimitExceeded.CdnPushExceedDayLimit", action: "PushUrlsCache", times: "always" });
        assert.match(await hintOf(client.pushUrlsCache({ urls: [URL] })), /prefetch quota .*DescribePushQuota/);
    });
});
