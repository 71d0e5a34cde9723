/**
 * Never purge (or prefetch) twice, for every product, through Pulumi's own dynamic-provider host: a submission whose outcome is
 * unknown (an answer after the client's timeout, a cancel while the request hangs) is looked for before anything
 * is sent again, allowing for the API's listing lag; every failure of a purge is named in one message, and a
 * resubmission sends only what was not purged. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { HostError, ProviderHost } from "../support/providerHost";
import { retryWouldHaveShown } from "../support/retryBound";

const ZONE = "zone-2noz78a8ev6k";

/** Resolves once `ready()` holds, checking every 50 ms. */
async function until(ready: () => boolean): Promise<void> {
    while (!ready()) {
        await new Promise((r) => setTimeout(r, 50));
    }
}

/** What the scenarios need to know of a product. */
interface ProductUnderTest {
    readonly name: string;
    readonly provider: "urlPurge" | "edgeOnePurge" | "edgeOnePrefetch" | "urlPush";
    readonly submitAction: string;
    readonly idsKey: string;
    inputs(items: string[]): Record<string, unknown>;
    /** The jobs the emulator holds, hidden ones included. */
    jobs(emu: RunningEmulator): string[];
    /** Makes the API refuse `item` at submission, where the product can. */
    readonly refuse?: (emu: RunningEmulator, item: string, reason: string) => void;
    /** The items each submission sent, in order. */
    sent(emu: RunningEmulator): string[][];
}

const PRODUCTS: readonly ProductUnderTest[] = [
    {
        name: "CDN UrlPurge",
        provider: "urlPurge",
        submitAction: "PurgeUrlsCache",
        idsKey: "taskIds",
        inputs: (urls) => ({ urls }),
        jobs: (emu) => [...new Set(emu.store.allRecords().map((r) => r.taskId))],
        sent: (emu) => emu.stats.snapshot().recent.filter((r) => r.action === "PurgeUrlsCache").map((r) => (r.params as { Urls: string[] }).Urls),
    },
    {
        name: "edgeone.Purge",
        provider: "edgeOnePurge",
        submitAction: "CreatePurgeTask",
        idsKey: "jobIds",
        inputs: (targets) => ({ zoneId: ZONE, type: "purge_url", targets }),
        jobs: (emu) => [...new Set(emu.teoStore.allRecords().map((r) => r.jobId))],
        refuse: (emu, item, reason) => emu.teoStore.refuse(item, reason),
        sent: (emu) => emu.stats.snapshot().recent.filter((r) => r.action === "CreatePurgeTask").map((r) => (r.params as { Targets: string[] }).Targets),
    },
    {
        name: "edgeone.Prefetch",
        provider: "edgeOnePrefetch",
        submitAction: "CreatePrefetchTask",
        idsKey: "jobIds",
        inputs: (targets) => ({ zoneId: ZONE, targets }),
        jobs: (emu) => [...new Set(emu.teoPrefetchStore.allRecords().map((r) => r.jobId))],
        refuse: (emu, item, reason) => emu.teoPrefetchStore.refuse(item, reason),
        sent: (emu) => emu.stats.snapshot().recent.filter((r) => r.action === "CreatePrefetchTask").map((r) => (r.params as { Targets: string[] }).Targets),
    },
    {
        name: "CDN UrlPush",
        provider: "urlPush",
        submitAction: "PushUrlsCache",
        idsKey: "taskIds",
        inputs: (urls) => ({ urls }),
        jobs: (emu) => [...new Set(emu.pushes.allRecords().map((r) => r.taskId))],
        sent: (emu) => emu.stats.snapshot().recent.filter((r) => r.action === "PushUrlsCache").map((r) => (r.params as { Urls: string[] }).Urls),
    },
];

for (const product of PRODUCTS) {
    describe(`a submission in doubt is never sent twice: ${product.name} in Pulumi's dynamic-provider host`, function () {
        this.timeout(60_000);
        let emu: RunningEmulator;
        let host: ProviderHost;
        let provider: string;
        const submissions = () => emu.stats.snapshot().requests[product.submitAction] ?? 0;
        const inputs = (items: string[], extra: Record<string, unknown> = {}) =>
            ({ __provider: provider, ...product.inputs(items), minDelaySeconds: 0.1, maxDelaySeconds: 0.5, timeoutSeconds: 600, ...extra });
        const startHost = async () => {
            const h = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
                TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url,
                TENCENTCLOUD_TEO_ENDPOINT: emu.url });
            await h.configure({});
            return h;
        };
        const failure = (p: Promise<unknown>) => p.then(() => assert.fail("the update should fail"), (e: HostError) => e);

        before(async () => {
            emu = await startEmulator({ completeAfterMs: 300, teoPrefetchCompleteAfterMs: 300, pushCompleteAfterMs: 300 });
            provider = await ProviderHost.serialize(hostedProvider(product.provider));
        });
        beforeEach(async () => {
            emu.reset();
            emu.store.setVisibleAfter(0);
            host = await startHost();
        });
        afterEach(() => host?.stop());
        after(async () => emu?.close());

        it("an answer after the client's timeout is not sent again: its task is found and waited for", async () => {
            // The API creates the task at once but answers only after the client's 10 s timeout.
            emu.faults.add({ action: product.submitAction, kind: "late", delayMs: 15_000 });
            const { properties: outs } = await host.create(inputs(["https://www.example.com/late.html"]));
            assert.deepStrictEqual([outs[product.idsKey], submissions(), product.jobs(emu).length], [product.jobs(emu), 1, 1]);
        });

        it("a cancel during a hanging submission ends the create at once and sends nothing after it", async () => {
            emu.faults.add({ action: product.submitAction, kind: "hang" });
            const creating = failure(host.create(inputs(["https://www.example.com/hang.html"])));
            await until(() => submissions() === 1);
            const cancelledAt = Date.now();
            await host.cancel();
            const err = await creating;
            const tookMs = Date.now() - cancelledAt;
            assert.ok(tookMs < 3000, `create returned ${tookMs} ms after the cancel`);
            assert.match(err.message, /cancelled while a batch of 1 \w+ was being submitted; the next `pulumi up` looks for its task/);
            assert.strictEqual((err.partial?.properties.inDoubt as { count: number }).count, 1);
            await retryWouldHaveShown(cancelledAt); // the client's own bound on a retry after the cancel
            assert.strictEqual(submissions(), 1);
        });

        it("after a cancel, the next update keeps looking through the listing lag and adopts the task created late", async () => {
            // Listed only 4 s after it is created, and created only after the cancel (the request was slow).
            emu.store.setVisibleAfter(4000);
            emu.faults.add({ action: product.submitAction, kind: "slow", delayMs: 1500 });
            const items = ["https://www.example.com/lagging.html"];
            const err = await (async () => {
                const creating = failure(host.create(inputs(items)));
                await until(() => submissions() === 1);
                await host.cancel();
                return creating;
            })();
            await until(() => product.jobs(emu).length > 0);
            const job = product.jobs(emu)[0];
            const next = await startHost();
            try {
                const outs = await next.update(err.partial!.id, err.partial!.properties, inputs(items));
                assert.deepStrictEqual([outs[product.idsKey], outs.inDoubt, submissions(), product.jobs(emu).length], [[job], undefined, 1, 1]);
            } finally {
                next.stop();
            }
        });

        it("one message names every failure, and a resubmission sends only what was not purged", async () => {
            const items = ["https://www.example.com/ok.html", "https://www.example.com/fail/bad.html"];
            const refused = "https://other.example.com/x.html";
            if (product.refuse) {
                product.refuse(emu, refused, "domain not in zone");
                items.push(refused);
            }
            const first = await failure(host.create(inputs(items)));
            assert.match(first.message, /fail\/bad\.html/);
            if (product.refuse) {
                assert.match(first.message, /refused 1 at submission: https:\/\/other\.example\.com\/x\.html \(domain not in zone\)/);
            }
            // ok.html is purged; the next update sends the rest alone, and fails again naming them.
            const again = await failure(host.update(first.partial!.id, first.partial!.properties, inputs(items)));
            assert.deepStrictEqual(product.sent(emu), [items, items.slice(1)]);
            assert.match(again.message, /fail\/bad\.html/);
            assert.deepStrictEqual(again.partial?.properties.attempt, 2);
        });
    });
}

describe("a CDN purge's own earlier tasks and unsent batches, in Pulumi's dynamic-provider host", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let host: ProviderHost;
    let provider: string;
    const purges = () => emu.stats.snapshot().requests.PurgeUrlsCache ?? 0;
    const inputs = (urls: string[], extra: Record<string, unknown> = {}) =>
        ({ __provider: provider, urls, minDelaySeconds: 0.1, maxDelaySeconds: 0.5, timeoutSeconds: 600, ...extra });

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 300 });
        provider = await ProviderHost.serialize(hostedProvider("urlPurge"));
    });
    beforeEach(async () => {
        emu.reset();
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
        await host.configure({});
    });
    afterEach(() => host?.stop());
    after(async () => emu?.close());

    it("a batch in doubt never takes the resource's own earlier task of the same URLs for its own", async () => {
        const urls = ["https://www.example.com/again.html"];
        const { id, properties } = await host.create(inputs(urls));
        // The purge again (triggers changed) hangs and is cancelled; the next up comes after the listing lag.
        emu.faults.add({ action: "PurgeUrlsCache", kind: "hang" });
        const updating = host.update(id, properties, inputs(urls, { triggers: ["release 2"] }))
            .then(() => assert.fail("the update should be cancelled"), (e: HostError) => e);
        await until(() => purges() === 2);
        await host.cancel();
        const { partial } = await updating;
        const inDoubt = partial!.properties.inDoubt as { sentAt: string };
        const sentAt = new Date(Date.parse(inDoubt.sentAt) - 120_000).toISOString();
        const next = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
        try {
            await next.configure({});
            const outs = await next.update(id, { ...partial!.properties, inDoubt: { ...inDoubt, sentAt } },
                inputs(urls, { triggers: ["release 2"] }));
            assert.deepStrictEqual([purges(), (outs.taskIds as string[]).includes(properties.taskId as string)], [3, false]);
        } finally {
            next.stop();
        }
    });

    it("a purge that does not wait and stopped after its first batch sends the rest on the next update", async () => {
        const urls = ["https://www.example.com/1.html", "https://www.example.com/2.html"];
        const first = emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: [urls[0]] });
        const olds = { ...inputs(urls, { wait: false }), taskId: first, taskIds: [first], submitted: 1, attempt: 1, status: "process", unsent: true };
        assert.strictEqual(await host.diff(first, olds, inputs(urls, { wait: false })), "some");
        const outs = await host.update(first, olds, inputs(urls, { wait: false }));
        assert.deepStrictEqual([(outs.taskIds as string[]).length, outs.submitted, outs.unsent, purges()], [2, 2, undefined, 1]);
    });
});
