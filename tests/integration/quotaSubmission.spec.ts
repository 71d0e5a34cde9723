/**
 * The shared submission within a daily quota, for each of the four submitting resources, through the package's
 * clients (the official SDK) against the emulator: resources that start together count one quota read down, so
 * two that each fit the day's rest but not together are told before the second sends anything; a batch EdgeOne
 * refuses whole adds no job; an EdgeOne `edge` prefetch is not held to the regular prefetch quota.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { EdgeOneClient } from "../../provider/edgeone/client";
import { resolveConnection } from "../../provider/client/connection";
import { submitPurge } from "../../provider/cdn/submitPurge";
import { submitPush } from "../../provider/cdn/submitPush";
import { submitEdgeOnePurge } from "../../provider/edgeone/submitPurge";
import { submitEdgeOnePrefetch } from "../../provider/edgeone/submitPrefetch";
import { PushApi } from "../../provider/cdn/pushTypes";

const ZONE = "zone-2noz78a8ev6k";
const NOTHING = { taskIds: [], submitted: 0 };
const urls = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `https://www.example.com/${prefix}-${i}.js`);

describe("submitting within a daily quota, shared by the resources that start together", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    // A fresh client per spec: the quota read is shared per client, as it is per connection in the provider host.
    let cdn: PurgeClient;
    let teo: EdgeOneClient;
    const useUpPrefetchQuota = () => [2, 2, 2, 2, 2].forEach((n) => emu.teoQuota.charge(ZONE, "prefetch_url", n));
    const calls = (action: string) => emu.stats.snapshot().requests[action] ?? 0;
    const outcomes = (runs: Promise<unknown>[]) => Promise.allSettled(runs).then((all) => all.map((r) => (r.status === "fulfilled" ? "sent"
        : (r.reason as Error).message)));

    before(async () => {
        emu = await startEmulator({ pushBatch: 500, pushTotal: 1000, urlBatch: 500, urlTotal: 1000,
            teoQuota: { purge_url: { batch: 2, daily: 10 }, prefetch_url: { batch: 2, daily: 10 } } });
    });
    beforeEach(() => {
        emu.reset();
        const connection = resolveConnection({ ...EMULATOR_CREDENTIALS, endpoint: emu.url, teoEndpoint: emu.url }, undefined, {});
        cdn = new PurgeClient(connection);
        teo = new EdgeOneClient(connection);
    });
    after(() => emu.close());

    it("two UrlPush of 600 URLs with 1,000 left: the second is refused before it sends anything", async () => {
        const told = await outcomes([submitPush(cdn, { items: urls("a", 600) }, NOTHING), submitPush(cdn, { items: urls("b", 600) }, NOTHING)]);
        assert.strictEqual(told[0], "sent");
        assert.match(told[1], /UrlPush needs 600 URL prefetches but only 400 of 1000 are left today \(area mainland\); nothing was submitted/);
        assert.deepStrictEqual([calls("DescribePushQuota"), calls("PushUrlsCache")], [1, 2]);
    });

    it("two UrlPurge of 600 URLs with 1,000 left: the second is refused before it sends anything", async () => {
        const told = await outcomes([submitPurge(cdn, { kind: "url", urls: urls("a", 600), area: "mainland" }, NOTHING),
            submitPurge(cdn, { kind: "url", urls: urls("b", 600), area: "mainland" }, NOTHING)]);
        assert.deepStrictEqual(told.map((t) => t === "sent" || /needs 600 URL purges but only 400 of 1000/.test(t)), [true, true]);
        assert.deepStrictEqual([calls("DescribePurgeQuota"), calls("PurgeUrlsCache")], [1, 2]);
    });

    it("two edgeone.Prefetch of 6 URLs with 10 left: the second is refused before it sends anything", async () => {
        const told = await outcomes([submitEdgeOnePrefetch(teo, { zoneId: ZONE, targets: urls("a", 6) }, NOTHING),
            submitEdgeOnePrefetch(teo, { zoneId: ZONE, targets: urls("b", 6) }, NOTHING)]);
        assert.strictEqual(told[0], "sent");
        assert.match(told[1], /edgeone\.Prefetch needs 6 URL prefetches but only 4 of 10 are left today in zone .*; nothing was submitted/);
        assert.deepStrictEqual([calls("DescribeContentQuota"), calls("CreatePrefetchTask")], [1, 3]);
    });

    it("two edgeone.Purge of 6 URLs with 10 left: the second is refused before it sends anything", async () => {
        const told = await outcomes([submitEdgeOnePurge(teo, { zoneId: ZONE, type: "purge_url", targets: urls("a", 6) }, NOTHING),
            submitEdgeOnePurge(teo, { zoneId: ZONE, type: "purge_url", targets: urls("b", 6) }, NOTHING)]);
        assert.strictEqual(told[0], "sent");
        assert.match(told[1], /edgeone\.Purge needs 6 purge_url purges but only 4 of 10 are left today/);
        assert.deepStrictEqual([calls("DescribeContentQuota"), calls("CreatePurgeTask")], [1, 3]);
    });

    it("a mainland and an overseas UrlPush do not take from each other's area", async () => {
        const told = await outcomes([submitPush(cdn, { items: urls("a", 600), area: "mainland" }, NOTHING),
            submitPush(cdn, { items: urls("b", 600), area: "overseas" }, NOTHING)]);
        assert.deepStrictEqual(told, ["sent", "sent"]);
    });

    it("a global UrlPush counts down both areas: an overseas one after it sees what is left", async () => {
        const told = await outcomes([submitPush(cdn, { items: urls("a", 600), area: "global" }, NOTHING),
            submitPush(cdn, { items: urls("b", 600), area: "overseas" }, NOTHING)]);
        assert.strictEqual(told[0], "sent");
        assert.match(told[1], /only 400 of 1000 are left today \(area overseas\)/);
    });

    it("a global UrlPush goes in batches of the smaller area's Batch", async () => {
        // The emulator gives both areas one Batch: the overseas line is narrowed here to tell the two apart.
        const narrowed: PushApi = { describePushTasks: (q, s) => cdn.describePushTasks(q, s), pushUrlsCache: (r, s) => cdn.pushUrlsCache(r, s),
            describePushQuota: async (s) => {
                const q = await cdn.describePushQuota(s);
                return { ...q, urlPush: q.urlPush.map((l) => (l.area === "overseas" ? { ...l, batch: 200 } : l)) };
            } };
        const sent = await submitPush(narrowed, { items: urls("a", 450), area: "global" }, NOTHING);
        assert.deepStrictEqual([sent.taskIds.length, sent.submitted, calls("PushUrlsCache")], [3, 450, 3]);
    });

    it("an EdgeOne batch refused whole adds no job to wait for; the other batch's job is kept", async () => {
        const refusedOnes = urls("x", 2);
        refusedOnes.forEach((t) => emu.teoPrefetchStore.refuse(t, "domain not in zone"));
        const refused: string[] = [];
        const sent = await submitEdgeOnePrefetch(teo, { zoneId: ZONE, targets: [...urls("a", 2), ...refusedOnes] }, NOTHING,
            (_s, r) => refused.push(...r.map((x) => x.item)));
        const listed = new Set(emu.teoPrefetchStore.allRecords().map((r) => r.jobId));
        assert.deepStrictEqual([sent.taskIds.length, sent.submitted, refused, sent.taskIds.every((j) => listed.has(j))],
            [1, 4, refusedOnes, true]);
    });

    it("an EdgeOne purge batch refused whole adds no job either", async () => {
        const refusedOnes = urls("x", 2);
        refusedOnes.forEach((t) => emu.teoStore.refuse(t, "domain not in zone"));
        const sent = await submitEdgeOnePurge(teo, { zoneId: ZONE, type: "purge_url", targets: [...refusedOnes, ...urls("a", 2)] }, NOTHING);
        assert.deepStrictEqual([sent.taskIds.length, sent.submitted, calls("CreatePurgeTask")], [1, 4, 2]);
    });

    it("an edge prefetch is not held to the regular prefetch_url quota, and goes in its batches", async () => {
        useUpPrefetchQuota(); // the regular line used up
        const sent = await submitEdgeOnePrefetch(teo, { zoneId: ZONE, targets: urls("e", 3), mode: "edge" }, NOTHING);
        assert.deepStrictEqual([sent.taskIds.length, sent.submitted, calls("CreatePrefetchTask")], [2, 3, 2]);
    });

    it("a default prefetch is still held to the prefetch_url quota once it is used up", async () => {
        useUpPrefetchQuota();
        await assert.rejects(submitEdgeOnePrefetch(teo, { zoneId: ZONE, targets: urls("d", 1) }, NOTHING), /only 0 of 10 are left today/);
        assert.strictEqual(calls("CreatePrefetchTask"), 0);
    });
});
