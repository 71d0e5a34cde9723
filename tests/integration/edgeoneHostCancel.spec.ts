/**
 * The engine's Cancel sent to Pulumi's own dynamic-provider host while an EdgeOne purge or gate waits: the same
 * cancellation as CDN's. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { ProviderHost } from "../support/providerHost";

const ZONE = "zone-2noz78a8ev6k";

/** Resolves once `ready()` holds, checking every 50 ms. */
async function until(ready: () => boolean): Promise<void> {
    while (!ready()) {
        await new Promise((r) => setTimeout(r, 50));
    }
}

describe("the engine's Cancel for EdgeOne waits in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let host: ProviderHost;
    let purgeProvider: string;
    let waiterProvider: string;
    const reads = () => emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;

    before(async () => {
        // Purges that would take ten minutes: only the cancel can end a wait in time.
        emu = await startEmulator({ completeAfterMs: 600_000 });
        purgeProvider = await ProviderHost.serialize(hostedProvider("edgeOnePurge"));
        waiterProvider = await ProviderHost.serialize(hostedProvider("edgeOneWaiter"));
    });
    beforeEach(async () => {
        emu.reset();
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_TEO_ENDPOINT: emu.url });
        await host.configure({});
    });
    afterEach(() => host?.stop());
    after(async () => emu?.close());

    it("stops a purge's wait at once, keeping its job id for the next update", async () => {
        const creating = host.create({ __provider: purgeProvider, zoneId: ZONE, type: "purge_url", targets: ["https://www.example.com/c.html"] })
            .then(() => assert.fail("create should be cancelled"), (e) => e);
        await until(() => emu.teoStore.allRecords().length > 0);
        const cancelledAt = Date.now();
        await host.cancel();
        const err = await creating;
        assert.ok(Date.now() - cancelledAt < 5000, `create returned ${Date.now() - cancelledAt} ms after the cancel`);
        const jobId = emu.teoStore.allRecords()[0].jobId;
        assert.deepStrictEqual([/cancelled.*resumes the wait/.test(err.message), err.partial?.properties.jobIds, err.partial?.properties.status],
            [true, [jobId], "processing"]);
    });

    it("stops a PurgeTaskWaiter's wait at once", async () => {
        const jobId = emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets: ["https://www.example.com/w.html"] });
        const before = reads();
        const waiting = host.create({ __provider: waiterProvider, zoneId: ZONE, jobId, timeoutSeconds: 600 })
            .then(() => assert.fail("should be cancelled"), (e) => e);
        await until(() => reads() > before);
        await host.cancel();
        const err = await waiting;
        assert.deepStrictEqual([/cancelled/.test(err.message), err.partial?.properties.status], [true, "processing"]);
    });
});
