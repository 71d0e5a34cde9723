import * as assert from "assert";
import { livePlan } from "../live/livePlan";
import { quotaShare } from "../live/quotaShare";

const PLAN = livePlan({ domain: "www.example.com", zone: { id: "zone-2noz78a8ev6k", domain: "site.example.com" } }, "run1");
const cdnLine = (total: number, available = total) => [{ batch: 1000, total, available, area: "mainland" }];
const quotas = (urlTotal: number, urlAvailable = urlTotal, edgeOneDaily = 10_000) => ({
    cdn: { urlPurge: cdnLine(urlTotal, urlAvailable), pathPurge: cdnLine(100), requestId: "r" },
    edgeOne: [{ type: "purge_url", batch: 1000, daily: edgeOneDaily, dailyAvailable: edgeOneDaily }],
});

describe("the live run's share of the day's quota", () => {
    it("lets a run go on that takes at most the share and no more than is left", () => {
        const { uses, refusals } = quotaShare(PLAN, 0.05, quotas(10_000));
        assert.deepStrictEqual(refusals, []);
        assert.deepStrictEqual(uses.map((u) => [u.quota, u.needed, u.allowed]), [
            ["CDN URL purge (mainland)", 2, 500], ["CDN directory purge (mainland)", 1, 5], ["EdgeOne purge_url (zone-2noz78a8ev6k)", 1, 500],
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

    it("refuses when the API lists no quota for what the run purges", () => {
        assert.deepStrictEqual(quotaShare(PLAN, 0.05, { cdn: { urlPurge: [], pathPurge: cdnLine(100), requestId: "r" }, edgeOne: [] }).refusals, [
            "CDN URL purge: DescribePurgeQuota lists no quota", "EdgeOne purge_url in zone-2noz78a8ev6k: DescribeContentQuota lists no quota",
        ]);
    });
});
