/**
 * The shared wait and poller over a product other than CDN: EdgeOne's records through a JobReader, read by the
 * same rounds and judged by the product's RecordKind; and a watch held back until the product expects its job done.
 */
import * as assert from "assert";
import { EDGEONE_RECORDS } from "../../provider/edgeone/records";
import { EdgeOnePurgeTask, EdgeOneStatus } from "../../provider/edgeone/types";
import { CoalescingPoller } from "../../provider/wait/coalescingPoller";
import { JobReader } from "../../provider/wait/jobReader";
import { waitOnPoller } from "../../provider/wait/pollerWaits";
import { describeWaitResult } from "../../provider/wait/describeWaitResult";
import { VirtualClock } from "../../provider/base/virtualClock";

const task = (jobId: string, target: string, status: EdgeOneStatus, fail: Partial<EdgeOnePurgeTask> = {}): EdgeOnePurgeTask => ({
    jobId, target, type: "purge_url", method: "invalidate", status, createTime: "2026-12-04T20:00:00+08:00",
    updateTime: null, failType: null, failMessage: null, ...fail,
});

/** A reader over mutable jobs that logs when each read happened. */
function fakeReader(clock: VirtualClock) {
    const jobs = new Map<string, EdgeOnePurgeTask[]>();
    const reads: number[] = [];
    const reader: JobReader<EdgeOnePurgeTask> = {
        async read(wanted) {
            reads.push(clock.now());
            return { records: new Map(wanted.map((j) => [j.taskId, jobs.get(j.taskId) ?? []])), apiCalls: 1 };
        },
    };
    return { jobs, reads, reader };
}

function setup() {
    const clock = new VirtualClock();
    const fake = fakeReader(clock);
    const poller = new CoalescingPoller({ reader: fake.reader, records: EDGEONE_RECORDS, clock, sleep: clock.sleep,
        random: () => 1, minDelayMs: 1000, maxDelayMs: 4000, gatherWindowMs: 50 });
    const options = { clock, sleep: clock.sleep, timeoutMs: 60_000, notVisibleGraceMs: 30_000, records: EDGEONE_RECORDS };
    return { clock, poller, options, ...fake };
}

describe("wait: the shared poller over EdgeOne's records", () => {
    it("is done once every target of the job is success", async () => {
        const { clock, poller, options, jobs } = setup();
        jobs.set("j1", [task("j1", "https://a/1", "processing")]);
        // The job succeeds 2 s into the wait, on the virtual clock (a real timer could fire after the whole virtual wait).
        void clock.sleep(2000).then(() => jobs.set("j1", [task("j1", "https://a/1", "success")]));
        const result = await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"] }));
        assert.strictEqual(result.state, "done");
    });

    it("fails at a target that ends timeout, as a failure of the wait", async () => {
        const { clock, poller, options, jobs } = setup();
        jobs.set("j1", [task("j1", "https://a/1", "success"), task("j1", "https://a/2", "timeout")]);
        const result = await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"] }));
        assert.deepStrictEqual(result.state === "failed" ? result.failed.map((t) => t.target) : result.state, ["https://a/2"]);
    });

    it("names each failed target with FailType: FailMessage in the message", async () => {
        const { clock, poller, options, jobs } = setup();
        jobs.set("j1", [task("j1", "https://a/2", "failed", { failType: "originPullFailed", failMessage: "origin answered 502" })]);
        const result = await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"] }));
        assert.strictEqual(describeWaitResult(result, "EdgeOne job j1", EDGEONE_RECORDS),
            "EdgeOne job j1 failed: 1 of 1 target failed: https://a/2 (originPullFailed: origin answered 502)");
    });

    it("treats canceled as failed and processing as pending", () => {
        assert.deepStrictEqual([EDGEONE_RECORDS.stateOf(task("j", "t", "canceled")), EDGEONE_RECORDS.stateOf(task("j", "t", "processing"))],
            ["failed", "pending"]);
    });

    it("holds a watch's first read back until notBefore", async () => {
        const { clock, poller, options, jobs, reads } = setup();
        jobs.set("j1", [task("j1", "https://a/1", "success")]);
        await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"], notBefore: clock.now() + 7000 }));
        assert.deepStrictEqual(reads, [clock.now()]);
        assert.ok(reads[0] >= 7000, `first read at ${reads[0]}`);
    });

    it("does not hold a watch back while another job is watched: the shared round reads it too", async () => {
        const { clock, poller, options, jobs, reads } = setup();
        jobs.set("j1", [task("j1", "https://a/1", "success")]);
        jobs.set("j2", [task("j2", "https://a/2", "success")]);
        const other = poller.watch("j2");
        try {
            await clock.run(waitOnPoller(poller, { ...options, taskIds: ["j1"], notBefore: clock.now() + 7000 }));
        } finally {
            other.unwatch();
        }
        assert.ok(reads[0] < 1000, `first read at ${reads[0]}`);
    });
});
