/**
 * The engine's Cancel (the first Ctrl-C of `pulumi up`) sent to Pulumi's own dynamic-provider host while a
 * purge or a gate waits. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { ProviderHost } from "../support/providerHost";
import { retryWouldHaveShown } from "../support/retryBound";

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

    it("abandons a hanging submission at once, never resends it, and the next update adopts the task it created", async () => {
        // The API received the request and creates its task, but answers only after the cancel.
        emu.faults.add({ action: "PurgeUrlsCache", kind: "slow", delayMs: 2500 });
        const inputs = urlPurge({ urls: ["https://www.example.com/h.html"], timeoutSeconds: 600 });
        const creating = host.create(inputs).then(() => assert.fail("create should be cancelled"), (e) => e);
        await until(() => purges() === 1);
        await new Promise((r) => setTimeout(r, 300));
        const cancelledAt = Date.now();
        await host.cancel();
        const err = await creating;
        const tookMs = Date.now() - cancelledAt;
        assert.ok(tookMs < 1500, `create returned ${tookMs} ms after the cancel`);
        assert.match(err.message, /cancelled while a batch of 1 URL was being submitted; the next `pulumi up` looks for its task/);
        assert.deepStrictEqual(err.partial?.properties.taskIds, []);
        assert.strictEqual(err.partial?.properties.inDoubt.count, 1);
        await until(() => emu.store.allRecords().length > 0); // the slow answer's task
        await retryWouldHaveShown(cancelledAt); // the client's own bound on a retry after the cancel
        assert.strictEqual(purges(), 1, "nothing is sent after the cancel");

        const taskId = emu.store.allRecords()[0].taskId;
        emu.store.complete(taskId, "done");
        const next = await startHost();
        try {
            assert.strictEqual(await next.diff(err.partial.id, err.partial.properties, inputs), "some");
            const outs = await next.update(err.partial.id, err.partial.properties, inputs);
            assert.deepStrictEqual([outs.status, outs.taskIds, outs.inDoubt, purges()], ["done", [taskId], undefined, 1]);
        } finally {
            next.stop();
        }
    });

    it("the next update, once the listing lag is over, submits a batch the cancel stopped on its way", async () => {
        emu.faults.add({ action: "PurgeUrlsCache", kind: "hang" });
        const inputs = urlPurge({ urls: ["https://www.example.com/lost.html"], timeoutSeconds: 600 });
        const creating = host.create(inputs).then(() => assert.fail("create should be cancelled"), (e) => e);
        await until(() => purges() === 1);
        await host.cancel();
        const { partial } = await creating;
        assert.strictEqual(emu.store.allRecords().length, 0);
        // The next `pulumi up` comes two minutes later: one read settles that the batch never arrived.
        const sentAt = new Date(Date.parse(partial.properties.inDoubt.sentAt) - 120_000).toISOString();
        const state = { ...partial.properties, inDoubt: { ...partial.properties.inDoubt, sentAt } };
        const next = await startHost();
        try {
            const creatingAgain = next.update(partial.id, state, inputs);
            await until(() => emu.store.allRecords().length > 0);
            emu.store.complete(emu.store.allRecords()[0].taskId, "done");
            const outs = await creatingAgain;
            assert.deepStrictEqual([outs.status, (outs.taskIds as string[]).length, purges()], ["done", 1, 2]);
        } finally {
            next.stop();
        }
    });

    it("submits nothing once the engine has cancelled", async () => {
        const inputs = urlPurge({ urls: ["https://www.example.com/n.html"] });
        await host.check({}, inputs);
        await host.cancel();
        await assert.rejects(host.create(inputs), /cancelled before the purge was submitted: nothing was purged/);
        assert.strictEqual(purges(), 0);
    });
});
