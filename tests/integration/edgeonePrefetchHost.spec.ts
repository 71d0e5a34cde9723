/**
 * `edgeone.Prefetch` and `edgeone.PrefetchTaskWaiter` driven through Pulumi's own dynamic-provider host over gRPC,
 * as the engine drives them, against the emulator's EdgeOne prefetch actions. Needs the compiled provider
 * (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, startEmulator } from "../../emulator";
import { ProviderHost } from "../support/providerHost";
import { hostOnEmulator } from "../support/hostOnEmulator";

/**
 * A zone of its own for each spec: the provider host counts a zone's quota down across the prefetches that start
 * within moments of each other, and that count outlives the emulator's reset between specs.
 */
let zoneNumber = 0;
let ZONE = "zone-2noz78a8ev6k";

describe("EdgeOne prefetch providers in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    const t = hostOnEmulator({ teoPrefetchCompleteAfterMs: 300, teoQuota: { prefetch_url: { batch: 2, daily: 5 } } },
        ["edgeOnePrefetch", "edgeOnePrefetchWaiter"], "teoEndpoint");
    const { calls, failure } = t;
    beforeEach(() => { ZONE = `zone-prefetch${String(++zoneNumber).padStart(4, "0")}`; });
    const prefetch = (props: Record<string, unknown>) =>
        ({ __provider: t.providers.edgeOnePrefetch, zoneId: ZONE, minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...props });
    const waiter = (props: Record<string, unknown>) =>
        ({ __provider: t.providers.edgeOnePrefetchWaiter, zoneId: ZONE, minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...props });
    const prefetchElsewhere = (targets: string[]) =>
        t.emu.teoPrefetchStore.submit({ zoneId: ZONE, type: "prefetch_url", method: "default", targets });

    it("check accepts good inputs without calling the API", async () => {
        const { failures } = await t.host.check({}, prefetch({ targets: ["https://www.example.com/a"], mode: "edge",
            headers: [{ name: "X-Warm", value: "1" }], prefetchMediaSegments: "on" }));
        assert.deepStrictEqual([failures, t.emu.stats.snapshot().requests], [[], {}]);
    });
    for (const [what, props, property] of [
        ["a URL without its protocol", { targets: ["www.example.com/a"] }, "targets"],
        ["no targets", { targets: [] }, "targets"],
        ["a bad mode", { targets: ["https://www.example.com/a"], mode: "middle" }, "mode"],
        ["a bad prefetchMediaSegments", { targets: ["https://www.example.com/a"], prefetchMediaSegments: "yes" }, "prefetchMediaSegments"],
        ["a header without a name", { targets: ["https://www.example.com/a"], headers: [{ value: "1" }] }, "headers[0].name"],
        ["more than 20 headers", { targets: ["https://www.example.com/a"], headers: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "1" })) }, "headers"],
        ["a bad zone id", { zoneId: "www.example.com", targets: ["https://www.example.com/a"] }, "zoneId"],
    ] as const) {
        it(`check names ${what}`, async () => {
            const { failures } = await t.host.check({}, prefetch(props));
            assert.deepStrictEqual(failures.map((f) => f.property), [property.replace(/\[\d+\]$/, "")]);
            assert.match(failures[0].reason, new RegExp(property.replace(/[[\].]/g, "\\$&")));
            assert.strictEqual(calls("CreatePrefetchTask"), 0);
        });
    }
    it("create reads the prefetch quota, submits with the headers, and returns only when every URL is warm", async () => {
        const { id, properties } = await t.host.create(prefetch({ targets: ["https://www.example.com/a"], headers: [{ name: "X-Warm", value: "1" }] }));
        const tasks = t.emu.teoPrefetchStore.allRecords().filter((r) => r.jobId === id);
        assert.deepStrictEqual([properties.status, properties.jobId, properties.attempt, calls("DescribeContentQuota"), calls("CreatePrefetchTask"),
            tasks.map((t) => t.status)], ["success", id, 1, 1, 1, ["success"]]);
        assert.strictEqual(calls("CreatePurgeTask"), 0);
    });
    it("create splits URLs into jobs of the quota's batch", async () => {
        const { properties } = await t.host.create(prefetch({ targets: ["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3"] }));
        assert.deepStrictEqual([(properties.jobIds as string[]).length, properties.submitted, calls("CreatePrefetchTask")], [2, 3, 2]);
    });
    it("create refuses before sending anything when the daily prefetch quota is short", async () => {
        const targets = Array.from({ length: 6 }, (_, i) => `https://www.example.com/${i}`);
        const e = await failure(t.host.create(prefetch({ targets })));
        assert.match(e.message, /needs 6 URL prefetches but only 5 of 5 are left today.*nothing was submitted/);
        assert.strictEqual(calls("CreatePrefetchTask"), 0);
    });
    it("create fails on a URL the origin lacks (invalid), naming it and why, and keeps the job ids", async () => {
        const e = await failure(t.host.create(prefetch({ targets: ["https://www.example.com/ok", "https://www.example.com/missing.js"] })));
        assert.match(e.message, /https:\/\/www\.example\.com\/missing\.js \(invalid: the origin answered 4xx\/5xx, originPullFailed: the origin answered 404\)/);
        assert.doesNotMatch(e.message, /example\.com\/ok/);
        assert.deepStrictEqual([e.partial?.properties.status, (e.partial?.properties.jobIds as string[]).length], ["failed", 1]);
    });
    it("create fails on a URL that ends canceled, naming it and FailType: FailMessage", async () => {
        t.emu.teoPrefetchStore.setOutcome("https://www.example.com/c", { status: "canceled", failType: "taskFailed", failMessage: "canceled by ops" });
        const e = await failure(t.host.create(prefetch({ targets: ["https://www.example.com/c"] })));
        assert.match(e.message, /https:\/\/www\.example\.com\/c \(canceled, taskFailed: canceled by ops\)/);
    });
    it("create fails on a URL refused at submission (FailedList), naming it and the reason", async () => {
        t.emu.teoPrefetchStore.refuse("https://other.example.com/x", "domain not in zone");
        const e = await failure(t.host.create(prefetch({ targets: ["https://www.example.com/a", "https://other.example.com/x"] })));
        assert.match(e.message, /refused 1 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\)/);
    });
    it("a batch refused whole is not waited for: the create ends naming it, with the other batch's job", async () => {
        ["https://other.example.com/x", "https://other.example.com/y"].forEach((x) => t.emu.teoPrefetchStore.refuse(x, "domain not in zone"));
        // Without delays: the wait through the zone's poller, which is done only once every job is listed.
        const { minDelaySeconds: _min, maxDelaySeconds: _max, ...paced } = prefetch({ timeoutSeconds: 5,
            targets: ["https://www.example.com/a", "https://www.example.com/b", "https://other.example.com/x", "https://other.example.com/y"] });
        const e = await failure(t.host.create(paced));
        assert.match(e.message, /refused 2 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\), .*; the other 2 succeeded/);
        assert.deepStrictEqual([e.partial?.properties.status, (e.partial?.properties.jobIds as string[]).length], ["failed", 1]);
    });
    it("a prefetch whose every URL is refused fails naming them, and waits for no job", async () => {
        t.emu.teoPrefetchStore.refuse("https://other.example.com/x", "domain not in zone");
        const e = await failure(t.host.create(prefetch({ targets: ["https://other.example.com/x"] })));
        assert.match(e.message, /refused 1 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\); nothing was prefetched/);
        assert.deepStrictEqual([e.partial, calls("DescribePrefetchTasks")], [undefined, 0]);
    });
    it("a resumed wait on its own delays is done only once every one of its jobs is listed", async () => {
        const listed = prefetchElsewhere(["https://www.example.com/a"]);
        const inputs = prefetch({ targets: ["https://www.example.com/a"], timeoutSeconds: 2 });
        // A second job not listed (yet): the first one's records alone cover the targets.
        const olds = { ...inputs, jobId: listed, jobIds: [listed, "2f0unlisted0job"], submitted: 1, attempt: 1, status: "processing" };
        await new Promise((r) => setTimeout(r, 400)); // the listed job is done by now
        const e = await failure(t.host.update(listed, olds, inputs));
        assert.match(e.message, /timed out/);
        assert.strictEqual(e.partial?.properties.status, "processing");
    });
    it("the next update prefetches again only the URL that failed", async () => {
        t.emu.teoPrefetchStore.setOutcome("https://www.example.com/bad", { status: "timeout", failType: "originPullFailed", failMessage: "slow origin" });
        const inputs = prefetch({ targets: ["https://www.example.com/ok", "https://www.example.com/bad"] });
        const first = await failure(t.host.create(inputs));
        const second = await failure(t.host.update(first.partial!.id, first.partial!.properties, inputs));
        const resent = t.emu.teoPrefetchStore.allRecords().filter((r) => (second.partial!.properties.jobIds as string[]).includes(r.jobId));
        assert.deepStrictEqual([calls("CreatePrefetchTask"), second.partial?.properties.attempt, resent.map((r) => r.target)],
            [2, 2, ["https://www.example.com/bad"]]);
    });
    it("a timed-out create resumes on the next update without prefetching again", async () => {
        const slow = await startEmulator({ teoPrefetchCompleteAfterMs: 4000 });
        const h = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_TEO_ENDPOINT: slow.url });
        try {
            const inputs = prefetch({ targets: ["https://www.example.com/a"], timeoutSeconds: 1 });
            const e = await failure(h.create(inputs));
            assert.match(e.message, /timed out .*the next `pulumi up` resumes the wait without prefetching again/);
            assert.doesNotMatch(e.message, /purg/i);
            const outs = await h.update(e.partial!.id, e.partial!.properties, { ...inputs, timeoutSeconds: 10 });
            assert.deepStrictEqual([outs.status, slow.stats.snapshot().requests.CreatePrefetchTask], ["success", 1]);
        } finally {
            h.stop();
            await slow.close();
        }
    });
    it("read refreshes a processing prefetch to success once it finished, and delete calls nothing", async () => {
        const { id, properties } = await t.host.create(prefetch({ targets: ["https://www.example.com/a"], wait: false }));
        await new Promise((r) => setTimeout(r, 400));
        assert.deepStrictEqual([properties.status, (await t.host.read(id, properties)).properties.status], ["processing", "success"]);
        const before = t.emu.stats.snapshot().requests;
        await t.host.delete(id, properties);
        assert.deepStrictEqual(t.emu.stats.snapshot().requests, before);
    });
    it("the waiter passes once every URL of prefetch jobs from elsewhere is warm", async () => {
        const jobIds = [prefetchElsewhere(["https://www.example.com/1"]), prefetchElsewhere(["https://www.example.com/2"])];
        const { properties } = await t.host.create(waiter({ jobIds }));
        assert.deepStrictEqual([properties.status, properties.jobIds, calls("DescribePurgeTasks")], ["success", jobIds, 0]);
    });
    it("the waiter fails naming an invalid URL", async () => {
        const jobId = prefetchElsewhere(["https://www.example.com/missing/logo.png"]);
        const e = await failure(t.host.create(waiter({ jobId })));
        assert.match(e.message, /https:\/\/www\.example\.com\/missing\/logo\.png \(invalid/);
        assert.doesNotMatch(e.message, /purg/i);
    });
    it("the waiter check requires jobId or jobIds", async () => {
        const { failures } = await t.host.check({}, waiter({}));
        assert.deepStrictEqual(failures.map((f) => f.property), ["jobId"]);
    });
    it("nothing secret is in the outputs", async () => {
        const { properties } = await t.host.create(prefetch({ targets: ["https://www.example.com/a"] }));
        assert.ok(!JSON.stringify(properties).includes(EMULATOR_CREDENTIALS.secretKey));
    });
});
