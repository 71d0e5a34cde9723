/** `edgeone.Purge` and `edgeone.PurgeTaskWaiter` input validation: each bad input named, with what is valid. */
import * as assert from "assert";
import { edgeOnePurgeRequest } from "../../provider/edgeone/inputs";
import { edgeOneWaiterProduct } from "../../provider/edgeone/waiterProvider";
import { EDGEONE_PURGE_TASK_WAITER } from "../../provider/edgeone/description";
import { validateInputs } from "../../provider/description";
import { edgeOneRecentJobs } from "../../provider/edgeone/recentDurations";
import { durationsOf } from "../../provider/wait/recentDurations";
import { EdgeOnePurgeTask, EdgeOneTaskListing } from "../../provider/edgeone/types";
import { InvalidArgumentError } from "../../provider/description/validation";

const ZONE = "zone-2noz78a8ev6k";
const refuses = (f: () => unknown, argument: string, words: RegExp) => () =>
    assert.throws(f, (e) => e instanceof InvalidArgumentError && e.argument === argument && words.test(e.message));

describe("edgeone inputs", () => {
    it("takes a prefix purge with method delete", () => {
        assert.deepStrictEqual(edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_prefix", targets: ["https://a.example.com/s/"], method: "delete" }),
            { zoneId: ZONE, type: "purge_prefix", method: "delete", targets: ["https://a.example.com/s/"], cacheTagDomains: undefined });
    });
    it("requires type, naming the five", refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, targets: ["https://a/"] }), "type", /purge_cache_tag/));
    it("requires targets for purge_url", refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_url" }), "targets", /full URLs/));
    it("refuses a URL target without its protocol",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_url", targets: ["a.example.com/x"] }), "targets[0]", /with their protocol/));
    it("refuses a prefix target without its protocol",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_prefix", targets: ["a.example.com/s/"] }), "targets[0]", /with their protocol/));
    it("refuses a URL as a host target",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_host", targets: ["https://a.example.com"] }), "targets[0]", /host names/));
    it("refuses targets for purge_all",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_all", targets: ["https://a/"] }), "targets", /left out for purge_all/));
    it("requires cacheTagDomains for purge_cache_tag",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_cache_tag", targets: ["tag1"] }), "cacheTagDomains", /required/));
    it("refuses cacheTagDomains for other types",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_url", targets: ["https://a/"], cacheTagDomains: ["a.com"] }), "cacheTagDomains", /only for purge_cache_tag/));
    it("refuses method delete for purge_url",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_url", targets: ["https://a/"], method: "delete" }), "method", /purge_prefix, purge_host and purge_all/));
    it("refuses a target listed twice",
        refuses(() => edgeOnePurgeRequest({ zoneId: ZONE, type: "purge_url", targets: ["https://a/", "https://a/"] }), "targets[1]", /twice/));
    it("refuses a zone id of the wrong form",
        refuses(() => edgeOnePurgeRequest({ zoneId: "example.com", type: "purge_all" }), "zoneId", /zone-2noz78a8ev6k/));
    it("takes a waiter's jobIds", () => {
        assert.deepStrictEqual(edgeOneWaiterProduct.target(validateInputs(EDGEONE_PURGE_TASK_WAITER, { zoneId: ZONE, jobIds: ["a", "b"] })), { zoneId: ZONE, jobIds: ["a", "b"] });
    });
    it("refuses a waiter with both jobId and jobIds",
        refuses(() => validateInputs(EDGEONE_PURGE_TASK_WAITER, { zoneId: ZONE, jobId: "a", jobIds: ["b"] }), "jobIds", /not both/));
    it("learns the zone's recent durations from its successes' ISO times", async () => {
        const t = (seconds: number, status: "success" | "failed" = "success"): EdgeOnePurgeTask => ({ jobId: "j", target: "t", type: null,
            method: null, status, createTime: "2026-12-04T20:00:00+08:00",
            updateTime: `2026-12-04T20:00:${String(seconds).padStart(2, "0")}+08:00`, failType: null, failMessage: null });
        const listing: EdgeOneTaskListing = {
            describePurgeTasks: async () => ({ tasks: [t(4), t(9), t(6), t(2, "failed")], totalCount: 4, requestId: "r" }),
        };
        const jobs = edgeOneRecentJobs(listing, ZONE);
        assert.deepStrictEqual(durationsOf(await jobs.readFinished(Date.now()), jobs.createdMs, jobs.finishedMs), [4000, 6000, 9000]);
    });
});
