/**
 * EdgeOne's reader for the shared poller: by id, by one range for jobs of known time, among the zone's last day
 * for jobs of unknown time, never more than one call beyond reading every job by id, and whole jobs only.
 */
import * as assert from "assert";
import { edgeOneJobReader } from "../../provider/edgeone/jobReader";
import { formatIsoApiTime } from "../../provider/base/isoTime";
import { EdgeOneApi, EdgeOnePurgeTask, EdgeOneTaskQuery } from "../../provider/edgeone/types";

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const ZONE = "zone-2noz78a8ev6k";

/** A zone's tasks, newest job first, answered as the API pages them; logs each query. */
function fakeApi(jobs: Array<{ jobId: string; targets: number; atMs: number }>) {
    const queries: EdgeOneTaskQuery[] = [];
    const tasks: EdgeOnePurgeTask[] = [...jobs].sort((a, b) => b.atMs - a.atMs).flatMap((j) => Array.from({ length: j.targets }, (_, i) => ({
        jobId: j.jobId, target: `https://a/${j.jobId}/${i}`, type: "purge_url" as const, method: "invalidate" as const,
        status: "processing" as const, createTime: formatIsoApiTime(new Date(j.atMs)), updateTime: null, failType: null, failMessage: null })));
    const api: EdgeOneApi = {
        async describePurgeTasks(query) {
            queries.push(query);
            const jobId = query.filters?.find((f) => f.name === "job-id")?.values[0];
            const matching = tasks.filter((t) => jobId === undefined || t.jobId === jobId);
            const offset = query.offset ?? 0;
            return { tasks: matching.slice(offset, offset + (query.limit ?? 20)), totalCount: matching.length, requestId: "r" };
        },
        createPurgeTask: () => Promise.reject(new Error("not used")),
        describeContentQuota: () => Promise.reject(new Error("not used")),
    };
    return { api, queries };
}

describe("edgeone: the poller's reader", () => {
    it("reads one job by id, every page of it", async () => {
        const { api, queries } = fakeApi([{ jobId: "a", targets: 2500, atMs: NOW - 1000 }]);
        const read = await edgeOneJobReader(api, ZONE).read([{ taskId: "a" }], { now: NOW });
        assert.deepStrictEqual([read.records.get("a")!.length, read.apiCalls, queries.length], [2500, 3, 3]);
    });

    it("finds jobs of unknown time among the zone's last day with one range read", async () => {
        const jobs = Array.from({ length: 10 }, (_, i) => ({ jobId: `j${i}`, targets: 1, atMs: NOW - 60_000 - i * 1000 }));
        const { api } = fakeApi(jobs);
        const read = await edgeOneJobReader(api, ZONE).read(jobs.map((j) => ({ taskId: j.jobId })), { now: NOW });
        assert.deepStrictEqual([read.apiCalls, [...read.records.values()].every((r) => r.length === 1)], [1, true]);
    });

    it("reads a job by id when the range page ended in the middle of it", async () => {
        // 999 tasks of another job, then a job of 3 targets: the first page holds only 1 of its 3.
        const { api } = fakeApi([{ jobId: "other", targets: 999, atMs: NOW - 1000 }, { jobId: "big", targets: 3, atMs: NOW - 2000 },
            { jobId: "small", targets: 1, atMs: NOW - 3000 }]);
        const read = await edgeOneJobReader(api, ZONE).read([{ taskId: "big" }, { taskId: "other" }], { now: NOW });
        assert.strictEqual(read.records.get("big")!.length, 3);
    });

    it("reads jobs of known time by one range from the earliest", async () => {
        const jobs = Array.from({ length: 5 }, (_, i) => ({ jobId: `k${i}`, targets: 1, atMs: NOW - 10_000 - i * 1000 }));
        const { api, queries } = fakeApi(jobs);
        const since = formatIsoApiTime(new Date(NOW - 60_000));
        const read = await edgeOneJobReader(api, ZONE).read(jobs.map((j) => ({ taskId: j.jobId, since })), { now: NOW });
        assert.deepStrictEqual([read.apiCalls, queries[0].startTime], [1, since]);
    });
});
