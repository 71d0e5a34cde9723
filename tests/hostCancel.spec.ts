/**
 * The engine's Cancel (the first Ctrl-C of `pulumi up`) sent to Pulumi's own dynamic-provider host while a
 * purge or a gate waits. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../emulator";
import { hostedProvider } from "../sdk/hostedProvider";
import { ProviderHost } from "./support/providerHost";

const NO_ENV = { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_SECURITY_TOKEN: "", TENCENTCLOUD_CDN_ENDPOINT: "" };

/** Resolves once `ready()` holds, checking every 50 ms. */
async function until(ready: () => boolean): Promise<void> {
    while (!ready()) {
        await new Promise((r) => setTimeout(r, 50));
    }
}

describe("the engine's Cancel in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let host: ProviderHost;
    const providers: Record<string, string> = {};
    const purges = () => emu.stats.snapshot().requests.PurgeUrlsCache ?? 0;
    const urlPurge = (props: Record<string, unknown>) => ({ __provider: providers.urlPurge, ...props });
    const waiter = (props: Record<string, unknown>) => ({ __provider: providers.waiter, ...props });
    const startHost = async () => {
        const h = await ProviderHost.start({ ...NO_ENV, TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
        await h.configure({});
        return h;
    };

    before(async () => {
        // Purges that would take ten minutes: only the cancel can end a wait in time.
        emu = await startEmulator({ completeAfterMs: 600_000 });
        providers.urlPurge = await ProviderHost.serialize(hostedProvider("urlPurge"));
        providers.waiter = await ProviderHost.serialize(hostedProvider("waiter"));
    });
    beforeEach(async () => {
        emu.reset();
        host = await startHost();
    });
    afterEach(() => host?.stop());
    after(async () => emu?.close());

    it("stops a purge's wait at once, keeping its task id for the next update", async () => {
        const inputs = urlPurge({ urls: ["https://www.example.com/c.html"], timeoutSeconds: 600 });
        const creating = host.create(inputs).then(() => assert.fail("create should be cancelled"), (e) => e);
        await until(() => emu.store.allRecords().length > 0);
        const cancelledAt = Date.now();
        await host.cancel();
        const err = await creating;
        assert.ok(Date.now() - cancelledAt < 5000, `create returned ${Date.now() - cancelledAt} ms after the cancel`);
        assert.match(err.message, /cancelled.*the next `pulumi up` resumes the wait/);
        const taskId = emu.store.allRecords()[0].taskId;
        assert.deepStrictEqual([err.partial?.properties.taskIds, err.partial?.properties.status], [[taskId], "process"]);
    });

    it("the next update resumes a cancelled purge's wait without purging again", async () => {
        const inputs = urlPurge({ urls: ["https://www.example.com/r.html"], timeoutSeconds: 600 });
        const creating = host.create(inputs).then(() => assert.fail("create should be cancelled"), (e) => e);
        await until(() => emu.store.allRecords().length > 0);
        await host.cancel();
        const { partial } = await creating;
        emu.store.complete(partial.id, "done");
        const next = await startHost(); // the next `pulumi up` runs a new host
        try {
            const outs = await next.update(partial.id, partial.properties, inputs);
            assert.deepStrictEqual([outs.status, outs.taskId, purges()], ["done", partial.id, 1]);
        } finally {
            next.stop();
        }
    });

    it("stops a PurgeTaskWaiter's wait at once", async () => {
        const { id } = await host.create(urlPurge({ urls: ["https://www.example.com/w.html"], wait: false }));
        const readsBefore = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
        const waiting = host.create(waiter({ taskId: id, timeoutSeconds: 600 })).then(() => assert.fail("should be cancelled"), (e) => e);
        // Cancel only once the wait is running: its first read has reached the API.
        await until(() => (emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > readsBefore);
        const cancelledAt = Date.now();
        await host.cancel();
        const err = await waiting;
        assert.ok(Date.now() - cancelledAt < 5000, `the waiter returned ${Date.now() - cancelledAt} ms after the cancel`);
        assert.deepStrictEqual([/cancelled/.test(err.message), err.partial?.properties.status], [true, "process"]);
    });

    it("submits nothing once the engine has cancelled", async () => {
        const inputs = urlPurge({ urls: ["https://www.example.com/n.html"] });
        await host.check({}, inputs);
        await host.cancel();
        await assert.rejects(host.create(inputs), /cancelled before the purge was submitted: nothing was purged/);
        assert.strictEqual(purges(), 0);
    });
});
