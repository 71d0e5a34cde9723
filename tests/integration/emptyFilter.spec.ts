/**
 * A PurgeTaskWaiter whose filter matches nothing says which part of the filter matched nothing and what to
 * check, through Pulumi's own dynamic-provider host. Needs the compiled provider.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { ProviderHost } from "../support/providerHost";

describe("a PurgeTaskWaiter whose filter finds nothing, in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let host: ProviderHost;
    const providers: Record<string, string> = {};
    const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
    const waitFor = (filter: Record<string, unknown>) =>
        host.create({ __provider: providers.waiter, timeoutSeconds: 2, minDelaySeconds: 0.2, maxDelaySeconds: 0.5, ...filter });

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 100 });
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
        providers.waiter = await ProviderHost.serialize(hostedProvider("waiter"));
        providers.urlPurge = await ProviderHost.serialize(hostedProvider("urlPurge"));
        await host.create({ __provider: providers.urlPurge, urls: ["https://www.example.com/f.html"], wait: false });
    });
    after(async () => {
        host?.stop();
        await emu?.close();
    });

    it("names the keyword that matches no record, and says what to check", async () => {
        await assert.rejects(waitFor({ keyword: "www.example.org", startTime: hourAgo() }), (e: Error) =>
            /the API lists 1 purge record from .* \(Beijing time\), but none with keyword "www\.example\.org": check that it is the domain/.test(e.message) &&
            !/task id/.test(e.message));
    });

    it("names the area that matches no record", async () => {
        await assert.rejects(waitFor({ keyword: "www.example.com", area: "overseas", startTime: hourAgo() }),
            /but none with area "overseas": check that it is the area the purge was submitted for/);
    });

    it("says when nothing at all was purged since startTime", async () => {
        await assert.rejects(waitFor({ keyword: "www.example.com", startTime: new Date(Date.now() + 3_600_000).toISOString() }),
            /the API lists no purge record at all from .* for these credentials: check startTime/);
    });
});
