import * as assert from "assert";
import { PurgeTask } from "../../provider/cdn/types";
import { describeWaitResult } from "../../provider/wait/describeWaitResult";
import { CDN_RECORDS } from "../../provider/cdn/records";

const rec = (url: string, status: PurgeTask["status"]): PurgeTask =>
    ({ taskId: "123", url, status, purgeType: "url", flushType: "flush", createTime: null });

describe("wait: describeWaitResult", () => {
    it("lists the failed URLs out of the total", () => {
        const records = [rec("https://a/x", "fail"), rec("https://a/y", "fail"), rec("https://a/z", "done")];
        const text = describeWaitResult({ state: "failed", failed: records.slice(0, 2), records, attempts: 2,
            elapsedMs: 4000 }, "purge task 123", CDN_RECORDS);
        assert.strictEqual(text, "purge task 123 failed: 2 of 3 URLs failed: https://a/x, https://a/y");
    });

    it("says how many URLs are still pending on timeout, with the last error", () => {
        const records = [rec("https://a/x", "done"), rec("https://a/y", "process")];
        const text = describeWaitResult({ state: "timedOut", pending: [records[1]], records, expectedRecords: 5,
            lastError: new Error("socket hang up"), attempts: 9, elapsedMs: 600_000 }, "purge task 123", CDN_RECORDS);
        assert.strictEqual(text, "timed out after 600 s waiting for purge task 123: 4 of 5 URLs still pending: " +
            "https://a/y (last error: socket hang up)");
    });

    it("says what the finished records are in the resource's own words", () => {
        const records = [rec("https://a/x.js", "done")];
        const text = describeWaitResult({ state: "done", records, attempts: 3, elapsedMs: 361_000 }, "push task 7", CDN_RECORDS,
            { done: "prefetched" });
        assert.strictEqual(text, "push task 7 is done: 1 URL prefetched in 361 s");
    });

    it("shortens a long list of URLs", () => {
        const failed = Array.from({ length: 25 }, (_, i) => rec(`https://a/${i}`, "fail"));
        const text = describeWaitResult({ state: "failed", failed, records: failed, attempts: 1, elapsedMs: 0 }, "t", CDN_RECORDS);
        assert.ok(text.endsWith("https://a/19 and 5 more"));
    });

    it("names the grace period when the task was not found", () => {
        const text = describeWaitResult({ state: "notFound", graceMs: 30_000, attempts: 4, elapsedMs: 31_000 }, "purge task 9", CDN_RECORDS);
        assert.match(text, /^purge task 9 was not found: .* within 30 s/);
    });

    it("quotes a permanent error", () => {
        const text = describeWaitResult({ state: "error", error: new Error("CdnCamUnauthorized"), attempts: 1,
            elapsedMs: 0 }, "purge task 9", CDN_RECORDS);
        assert.strictEqual(text, "stopped waiting for purge task 9: CdnCamUnauthorized");
    });
});
