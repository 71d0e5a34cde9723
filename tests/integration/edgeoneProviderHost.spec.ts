/**
 * `edgeone.Purge` and `edgeone.PurgeTaskWaiter` driven through Pulumi's own dynamic-provider host over gRPC, as
 * the engine drives them, against the emulator's EdgeOne actions. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, startEmulator } from "../../emulator";
import { ProviderHost } from "../support/providerHost";
import { hostOnEmulator } from "../support/hostOnEmulator";

const ZONE = "zone-2noz78a8ev6k";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("EdgeOne providers in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    const t = hostOnEmulator({ completeAfterMs: 300, teoQuota: { purge_url: { batch: 2, daily: 1000 }, purge_prefix: { batch: 100, daily: 3 } } },
        ["edgeOnePurge", "edgeOneWaiter"], "teoEndpoint");
    const { calls, failure } = t;
    const purge = (props: Record<string, unknown>) =>
        ({ __provider: t.providers.edgeOnePurge, zoneId: ZONE, type: "purge_url", minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...props });
    const waiter = (props: Record<string, unknown>) =>
        ({ __provider: t.providers.edgeOneWaiter, zoneId: ZONE, minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...props });
    const submitElsewhere = (targets: string[]) =>
        t.emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets });

    it("check accepts good inputs without calling the API", async () => {
        const { failures } = await t.host.check({}, purge({ targets: ["https://www.example.com/a"] }));
        assert.deepStrictEqual([failures, t.emu.stats.snapshot().requests], [[], {}]);
    });
    it("check names a URL target without its protocol", async () => {
        const { failures } = await t.host.check({}, purge({ targets: ["www.example.com/a"] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["targets"]);
    });
    it("check refuses targets for purge_all", async () => {
        const { failures } = await t.host.check({}, purge({ type: "purge_all", targets: ["https://www.example.com/"] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["targets"]);
    });
    it("check requires cacheTagDomains for purge_cache_tag", async () => {
        const { failures } = await t.host.check({}, purge({ type: "purge_cache_tag", targets: ["product-42"] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["cacheTagDomains"]);
    });
    it("check refuses method delete for purge_url", async () => {
        const { failures } = await t.host.check({}, purge({ targets: ["https://www.example.com/a"], method: "delete" }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["method"]);
    });
    it("check names a bad zone id", async () => {
        const { failures } = await t.host.check({}, purge({ zoneId: "www.example.com", targets: ["https://www.example.com/a"] }));
        assert.deepStrictEqual(failures.map((f) => f.property), ["zoneId"]);
    });
    it("check passes inputs unknown during preview", async () => {
        const { failures } = await t.host.check({}, purge({ zoneId: UNKNOWN, targets: UNKNOWN }));
        assert.deepStrictEqual(failures, []);
    });
    it("create reads the quota, submits, and returns only when every target succeeded", async () => {
        const { id, properties } = await t.host.create(purge({ targets: ["https://www.example.com/a"] }));
        const tasks = t.emu.teoStore.allRecords().filter((r) => r.jobId === id);
        assert.deepStrictEqual([properties.status, properties.jobId, calls("DescribeContentQuota"), calls("CreatePurgeTask"), tasks[0].status],
            ["success", id, 1, 1, "success"]);
    });
    it("create splits targets into jobs of the quota's batch and records every JobId", async () => {
        const { properties } = await t.host.create(purge({ targets: ["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3"] }));
        assert.deepStrictEqual([(properties.jobIds as string[]).length, calls("CreatePurgeTask")], [2, 2]);
    });
    it("create refuses before sending anything when the daily quota is short", async () => {
        const e = await failure(t.host.create(purge({ type: "purge_prefix", targets: ["https://a.example.com/1/", "https://a.example.com/2/",
            "https://a.example.com/3/", "https://a.example.com/4/"] })));
        assert.match(e.message, /needs 4 purge_prefix purges but only 3 of 3 are left today.*nothing was submitted/);
        assert.strictEqual(calls("CreatePurgeTask"), 0);
    });
    it("create fails naming each failed target with its FailType and FailMessage, and keeps the job ids", async () => {
        t.emu.teoStore.setOutcome("https://www.example.com/bad", { status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
        const e = await failure(t.host.create(purge({ targets: ["https://www.example.com/ok", "https://www.example.com/bad"] })));
        assert.match(e.message, /https:\/\/www\.example\.com\/bad \(originPullFailed: origin answered 502\)/);
        assert.deepStrictEqual([e.partial?.properties.status, (e.partial?.properties.jobIds as string[]).length], ["failed", 1]);
    });
    it("create fails on a target that timed out, naming it", async () => {
        t.emu.teoStore.setOutcome("https://www.example.com/slow", { status: "timeout", failType: "taskFailed", failMessage: "edge timed out" });
        const e = await failure(t.host.create(purge({ targets: ["https://www.example.com/slow"] })));
        assert.match(e.message, /https:\/\/www\.example\.com\/slow \(timeout, taskFailed: edge timed out\)/);
    });
    it("create fails on a target refused at submission, naming it and the reason", async () => {
        t.emu.teoStore.refuse("https://other.example.com/x", "domain not in zone");
        const e = await failure(t.host.create(purge({ targets: ["https://www.example.com/a", "https://other.example.com/x"] })));
        assert.match(e.message, /refused 1 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\)/);
    });
    it("a batch refused whole is not waited for: the create ends naming it, with the other batch's job", async () => {
        ["https://other.example.com/x", "https://other.example.com/y"].forEach((x) => t.emu.teoStore.refuse(x, "domain not in zone"));
        const e = await failure(t.host.create(purge({ timeoutSeconds: 5,
            targets: ["https://www.example.com/a", "https://www.example.com/b", "https://other.example.com/x", "https://other.example.com/y"] })));
        assert.match(e.message, /refused 2 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\), .*; the other 2 succeeded/);
        assert.deepStrictEqual([e.partial?.properties.status, (e.partial?.properties.jobIds as string[]).length, e.partial?.id],
            ["failed", 1, (e.partial?.properties.jobIds as string[])[0]]);
    });
    it("a purge whose every target is refused fails naming them, and waits for no job", async () => {
        t.emu.teoStore.refuse("https://other.example.com/x", "domain not in zone");
        const e = await failure(t.host.create(purge({ targets: ["https://other.example.com/x"] })));
        assert.match(e.message, /refused 1 at submission: https:\/\/other\.example\.com\/x \(domain not in zone\); nothing was purged/);
        assert.deepStrictEqual([e.partial, calls("DescribePurgeTasks")], [undefined, 0]);
    });
    it("the next update submits a failed purge again, as CDN's rule says", async () => {
        t.emu.teoStore.setOutcome("https://www.example.com/bad", { status: "canceled", failType: "taskFailed", failMessage: "canceled" });
        const first = await failure(t.host.create(purge({ targets: ["https://www.example.com/bad"] })));
        const second = await failure(t.host.update(first.partial!.id, first.partial!.properties, purge({ targets: ["https://www.example.com/bad"] })));
        assert.deepStrictEqual([calls("CreatePurgeTask"), second.partial?.properties.attempt], [2, 2]);
    });
    it("a timed-out create resumes on the next update without purging again", async () => {
        const slow = await startEmulator({ completeAfterMs: 4000 });
        const h = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_TEO_ENDPOINT: slow.url });
        try {
            const inputs = purge({ targets: ["https://www.example.com/a"], timeoutSeconds: 1 });
            const e = await failure(h.create(inputs));
            assert.match(e.message, /timed out .*the next `pulumi up` resumes the wait without purging again/);
            const outs = await h.update(e.partial!.id, e.partial!.properties, { ...inputs, timeoutSeconds: 10 });
            assert.deepStrictEqual([outs.status, slow.stats.snapshot().requests.CreatePurgeTask], ["success", 1]);
        } finally {
            h.stop();
            await slow.close();
        }
    });
    it("purge_all sends one job without targets", async () => {
        const { properties } = await t.host.create(purge({ type: "purge_all", method: "delete" }));
        assert.deepStrictEqual([properties.status, calls("CreatePurgeTask")], ["success", 1]);
    });
    it("read keeps success after the records expired", async () => {
        const { id, properties } = await t.host.create(purge({ targets: ["https://www.example.com/a"] }));
        t.emu.store.setRetention(0);
        try {
            assert.strictEqual((await t.host.read(id, properties)).properties.status, "success");
        } finally {
            t.emu.store.setRetention(undefined);
        }
    });
    it("read refreshes a processing purge to success once it finished", async () => {
        const { id, properties } = await t.host.create(purge({ targets: ["https://www.example.com/a"], wait: false }));
        await new Promise((r) => setTimeout(r, 400));
        assert.deepStrictEqual([properties.status, (await t.host.read(id, properties)).properties.status], ["processing", "success"]);
    });
    it("delete calls nothing", async () => {
        const { id, properties } = await t.host.create(purge({ targets: ["https://www.example.com/a"] }));
        const before = t.emu.stats.snapshot().requests;
        await t.host.delete(id, properties);
        assert.deepStrictEqual(t.emu.stats.snapshot().requests, before);
    });
    it("the waiter passes once every target of a job from elsewhere succeeded", async () => {
        const jobId = submitElsewhere(["https://www.example.com/1", "https://www.example.com/2"]);
        const { properties } = await t.host.create(waiter({ jobId }));
        assert.deepStrictEqual([properties.status, properties.jobIds], ["success", [jobId]]);
    });
    it("the waiter gates on several jobs given as jobIds", async () => {
        const jobIds = [submitElsewhere(["https://www.example.com/1"]), submitElsewhere(["https://www.example.com/2"])];
        const { properties } = await t.host.create(waiter({ jobIds }));
        assert.deepStrictEqual([properties.status, properties.jobIds], ["success", jobIds]);
    });
    it("a passed waiter on jobIds shows no change on the next update", async () => {
        const jobIds = [submitElsewhere(["https://www.example.com/1"]), submitElsewhere(["https://www.example.com/2"])];
        const { id, properties } = await t.host.create(waiter({ jobIds }));
        assert.strictEqual(await t.host.diff(id, properties, waiter({ jobIds })), "none");
    });
    it("a passed waiter on one jobId shows no change on the next update", async () => {
        const jobId = submitElsewhere(["https://www.example.com/1"]);
        const { id, properties } = await t.host.create(waiter({ jobId }));
        assert.strictEqual(await t.host.diff(id, properties, waiter({ jobId })), "none");
    });
    it("ten waiters share the zone's poller: after the first round, one range read serves them all", async () => {
        const jobIds = Array.from({ length: 10 }, (_, i) => submitElsewhere([`https://www.example.com/${i}`]));
        await Promise.all(jobIds.map((jobId) => t.host.create({ __provider: t.providers.edgeOneWaiter, zoneId: ZONE, jobId })));
        // The first round reads each job by id (their times are unknown); each later round reads one range.
        assert.ok(calls("DescribePurgeTasks") <= 10 + 3, `${calls("DescribePurgeTasks")} reads`);
    });
    it("the waiter fails naming a failed target and its reason", async () => {
        t.emu.teoStore.setOutcome("https://www.example.com/bad", { status: "failed", failType: "accessDenied", failMessage: "no access to origin" });
        const jobId = submitElsewhere(["https://www.example.com/bad"]);
        const e = await failure(t.host.create(waiter({ jobId })));
        assert.match(e.message, /https:\/\/www\.example\.com\/bad \(accessDenied: no access to origin\)/);
    });
    it("the waiter check requires jobId or jobIds", async () => {
        const { failures } = await t.host.check({}, waiter({}));
        assert.deepStrictEqual(failures.map((f) => f.property), ["jobId"]);
    });
    it("nothing secret is in the outputs", async () => {
        const { properties } = await t.host.create(purge({ targets: ["https://www.example.com/a"] }));
        assert.ok(!JSON.stringify(properties).includes(EMULATOR_CREDENTIALS.secretKey));
    });
});
