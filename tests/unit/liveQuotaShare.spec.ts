import * as assert from "assert";
import { livePlan } from "../live/livePlan";
import { quotaShare } from "../live/quotaShare";

const PLAN = livePlan({ domain: "www.example.com", zone: { id: "zone-2noz78a8ev6k", domain: "site.example.com" } }, "run1");
const cdnLine = (total: number, available = total) => [{ batch: 1000, total, available, area: "mainland" }];
const quotas = (urlTotal: number, urlAvailable = urlTotal, edgeOneDaily = 10_000, pushTotal = 1000, prefetchDaily = 1000, prefetchAvailable = prefetchDaily) => ({
    cdn: { urlPurge: cdnLine(urlTotal, urlAvailable), pathPurge: cdnLine(100), requestId: "r" },
    cdnPush: { urlPush: cdnLine(pushTotal), requestId: "r" },
    edgeOne: [{ type: "purge_url", batch: 1000, daily: edgeOneDaily, dailyAvailable: edgeOneDaily }],
    edgeOnePrefetch: [{ type: "prefetch_url", batch: 100, daily: prefetchDaily, dailyAvailable: prefetchAvailable }],
});

describe("the live run's share of the day's quota", () => {
    it("lets a run go on that takes at most the share and no more than is left", () => {
        const { uses, refusals } = quotaShare(PLAN, 0.05, quotas(10_000));
        assert.deepStrictEqual(refusals, []);
        assert.deepStrictEqual(uses.map((u) => [u.quota, u.needed, u.allowed]), [
            ["CDN URL purge (mainland)", 2, 500], ["CDN directory purge (mainland)", 1, 5], ["CDN URL push (mainland)", 2, 50],
            ["EdgeOne purge_url (zone-2noz78a8ev6k)", 1, 500], ["EdgeOne prefetch_url (zone-2noz78a8ev6k)", 2, 50],
        ]);
    });

    it("refuses a run that would take more than the share of a day's quota", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, quotas(39)).refusals,
            ["CDN URL purge (mainland): the run needs 2, more than 5% of the day's 39 (1)"]);
    });

    it("refuses a run that needs more than is left today", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, quotas(10_000, 1)).refusals,
            ["CDN URL purge (mainland): the run needs 2, but only 1 of 10000 are left today"]);
    });

    it("refuses a run whose prefetches would take more than the share of the day's push or prefetch quota", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, quotas(10_000, 10_000, 10_000, 39, 39)).refusals, [
            "CDN URL push (mainland): the run needs 2, more than 5% of the day's 39 (1)",
            "EdgeOne prefetch_url (zone-2noz78a8ev6k): the run needs 2, more than 5% of the day's 39 (1)",
        ]);
    });

    it("refuses a run whose prefetches need more than is left of today's prefetch quota", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, quotas(10_000, 10_000, 10_000, 1000, 1000, 1)).refusals,
            ["EdgeOne prefetch_url (zone-2noz78a8ev6k): the run needs 2, but only 1 of 1000 are left today"]);
    });

    it("counts the URL the origin lacks, and the path named, in what the prefetches need", () => {
        const plan = livePlan({ domain: "www.example.com", zone: undefined, prefetchPath: "/static/app.js" }, "run1");
        assert.deepStrictEqual(plan.cdn?.push, { urls: ["https://www.example.com/static/app.js"],
            missing: ["https://www.example.com/pulumi-tencentcloud-purge-live/run1/missing.txt"] });
        assert.deepStrictEqual(quotaShare(plan, 0.05, quotas(10_000)).uses.map((u) => [u.quota, u.needed]),
            [["CDN URL purge (mainland)", 2], ["CDN directory purge (mainland)", 1], ["CDN URL push (mainland)", 2]]);
    });

    it("refuses when the API lists no quota for what the run purges or prefetches", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, { cdn: { urlPurge: [], pathPurge: cdnLine(100), requestId: "r" }, edgeOne: [] }).refusals, [
            "CDN URL purge: DescribePurgeQuota lists no quota", "CDN URL push: DescribePushQuota lists no quota",
            "EdgeOne purge_url in zone-2noz78a8ev6k: DescribeContentQuota lists no quota",
            "EdgeOne prefetch_url in zone-2noz78a8ev6k: DescribeContentQuota lists no quota",
        ]);
    });
});
