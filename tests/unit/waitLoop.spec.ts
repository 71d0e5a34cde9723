import * as assert from "assert";
import * as fc from "fast-check";
import { PurgeApiError } from "../../provider/client/apiError";
import { PurgeStatus, PurgeTask } from "../../provider/cdn/types";
import { VirtualClock } from "../../provider/base/virtualClock";
import { BackoffPacing, PurgeCheck, runWaitLoop, WaitLoopOptions, WaitProgress, WaitResult } from "../../provider/wait";
import { CDN_RECORDS } from "../../provider/cdn/records";

const rec = (url: string, status: PurgeStatus | null): PurgeTask =>
    ({ taskId: "123", url, status, purgeType: "url", flushType: "flush", createTime: "2026-11-29 10:00:00" });
const all = (status: PurgeStatus | null, n = 3): PurgeTask[] =>
    Array.from({ length: n }, (_, i) => rec(`https://a/${i}`, status));

/** A check that answers from a script (one entry per call; the last repeats) and records when it was called. */
function scripted(clock: VirtualClock, script: Array<readonly PurgeTask[] | Error>) {
    const calledAt: number[] = [];
    const check: PurgeCheck<PurgeTask> = async () => {
        calledAt.push(clock.now());
        const step = script[Math.min(calledAt.length - 1, script.length - 1)];
        if (step instanceof Error) {
            throw step;
        }
        return step;
    };
    return { check, calledAt };
}

/** Runs a wait with backoff pacing; `extra` overrides the wait's options and the backoff's settings alike. */
function run(clock: VirtualClock, check: PurgeCheck<PurgeTask>,
    extra: Partial<WaitLoopOptions<PurgeTask>> & Partial<Omit<BackoffPacing, "kind">> = {}): Promise<WaitResult<PurgeTask>> {
    const { minDelayMs = 1000, maxDelayMs = 8000, random = () => 0.5, finalCheckGraceMs, ...rest } = extra;
    return clock.run(runWaitLoop({ check, records: CDN_RECORDS, clock, sleep: clock.sleep, timeoutMs: 60_000, notVisibleGraceMs: 10_000,
        pacing: { kind: "backoff", minDelayMs, maxDelayMs, random, finalCheckGraceMs }, ...rest }));
}

const apiError = (retryable: boolean) => new PurgeApiError({ action: "DescribePurgeTasks",
    code: retryable ? "InternalError" : "UnauthorizedOperation.CdnCamUnauthorized", message: "x", retryable });

describe("wait: runWaitLoop", () => {
    it("does not end done while a job it waits for is not listed yet, however many records the others have", async () => {
        const clock = new VirtualClock();
        const of = (taskId: string) => ({ ...rec(`https://a/${taskId}`, "done"), taskId });
        const { check, calledAt } = scripted(clock, [[of("a")], [of("a")], [of("a"), of("b")]]);
        const result = await run(clock, check, { jobIds: ["a", "b"] });
        assert.deepStrictEqual([result.state, calledAt.length], ["done", 3]);
    });

    it("makes the first check at once", async () => {
        const clock = new VirtualClock(5000);
        const { check, calledAt } = scripted(clock, [all("done")]);
        await run(clock, check);
        assert.deepStrictEqual(calledAt, [5000]);
    });

    it("sleeps by the jittered backoff between checks", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("process"), all("process"), all("process"), all("done")]);
        await run(clock, check);
        assert.deepStrictEqual(clock.sleeps.map(([, ms]) => ms), [1500, 2500, 4500]);
    });

    it("is done when every record is done", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("process"), all("done")]);
        const result = await run(clock, check);
        assert.strictEqual(result.state, "done");
        assert.strictEqual(result.attempts, 2);
    });

    it("reads statuses case-insensitively (the vendor example says Done)", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [[{ ...rec("https://a/0", null), status: "Done" as PurgeStatus }]]);
        assert.strictEqual((await run(clock, check)).state, "done");
    });

    it("is not done while fewer records than expected are listed", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("done", 2), all("done", 3)]);
        const result = await run(clock, check, { expectedRecords: 3 });
        assert.strictEqual(result.attempts, 2);
    });

    it("fails at the first answer with a fail record, listing every failed URL", async () => {
        const clock = new VirtualClock();
        const answer = [rec("https://a/x", "fail"), rec("https://a/ok", "process"), rec("https://a/y", "fail")];
        const { check, calledAt } = scripted(clock, [answer, all("done")]);
        const result = await run(clock, check);
        assert.strictEqual(result.state === "failed" && result.failed.map((r) => r.url).join(), "https://a/x,https://a/y");
        assert.strictEqual(calledAt.length, 1);
    });

    it("treats a null status as pending", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all(null)]);
        const result = await run(clock, check, { timeoutMs: 5000 });
        assert.strictEqual(result.state === "timedOut" && result.pending.length, 3);
    });

    it("treats an unknown status as pending", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [[{ ...rec("https://a/0", null), status: "queued" as PurgeStatus }]]);
        assert.strictEqual((await run(clock, check, { timeoutMs: 5000 })).state, "timedOut");
    });

    it("never sleeps past the deadline", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("process")]);
        await run(clock, check, { timeoutMs: 20_000, minDelayMs: 3000, maxDelayMs: 9000, random: () => 0.999 });
        assert.ok(clock.sleeps.every(([at, ms]) => at + ms <= 20_000));
    });

    it("abandons a check still running after the deadline's grace, and times out naming it", async () => {
        const clock = new VirtualClock();
        // A read that retries for a minute against a failing endpoint; the wait's deadline is 5 s.
        const check: PurgeCheck<PurgeTask> = async (signal) => {
            await clock.sleep(60_000, signal);
            return all("done");
        };
        const result = await run(clock, check, { timeoutMs: 5000, finalCheckGraceMs: 2000 });
        assert.deepStrictEqual([result.state, result.elapsedMs], ["timedOut", 7000]);
        assert.match(String((result as { lastError?: Error }).lastError?.message), /no answer from the API before the wait's deadline/);
    });

    it("makes one final check exactly at the deadline", async () => {
        const clock = new VirtualClock();
        const { check, calledAt } = scripted(clock, [all("process")]);
        await run(clock, check, { timeoutMs: 20_000, minDelayMs: 3000, maxDelayMs: 9000, random: () => 0.999 });
        assert.strictEqual(calledAt[calledAt.length - 1], 20_000);
    });

    it("times out with the pending records and the last error", async () => {
        const clock = new VirtualClock();
        const boom = apiError(true);
        const answer = [rec("https://a/x", "done"), rec("https://a/y", "process")];
        const { check } = scripted(clock, [answer, boom]);
        const result = await run(clock, check, { timeoutMs: 10_000 });
        assert.deepStrictEqual(result.state === "timedOut" && [result.pending.map((r) => r.url), result.lastError],
            [["https://a/y"], boom]);
    });

    it("keeps checking after retryable errors", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [apiError(true), new Error("socket hang up"), all("done")]);
        const result = await run(clock, check);
        assert.strictEqual(result.state, "done");
    });

    it("ends with error on a non-retryable error", async () => {
        const clock = new VirtualClock();
        const boom = apiError(false);
        const { check } = scripted(clock, [all("process"), boom, all("done")]);
        const result = await run(clock, check);
        assert.deepStrictEqual(result.state === "error" && [result.error, result.attempts], [boom, 2]);
    });

    it("waits through 'not visible yet' within the grace period, then sees done", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [[], [], all("done")]);
        const result = await run(clock, check, { notVisibleGraceMs: 10_000 });
        assert.strictEqual(result.state, "done");
    });

    it("reports notFound when nothing is visible past the grace period", async () => {
        const clock = new VirtualClock();
        const { check, calledAt } = scripted(clock, [[]]);
        const result = await run(clock, check, { notVisibleGraceMs: 5000 });
        assert.strictEqual(result.state, "notFound");
        assert.ok(calledAt[calledAt.length - 1] >= 5000 && calledAt[calledAt.length - 2] < 5000);
    });

    it("does not report notFound when the checks only threw", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [new Error("down")]);
        const result = await run(clock, check, { notVisibleGraceMs: 1000, timeoutMs: 10_000 });
        assert.strictEqual(result.state, "timedOut");
    });

    it("never reports done for a task that vanished after it was seen", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("process"), []]);
        const result = await run(clock, check, { notVisibleGraceMs: 0, timeoutMs: 30_000 });
        assert.strictEqual(result.state === "timedOut" && result.pending.length, 3);
    });

    it("ends aborted when the signal fires mid-sleep, without finishing the sleep", async () => {
        const clock = new VirtualClock();
        const stop = new AbortController();
        const { check } = scripted(clock, [all("process")]);
        const waiting = runWaitLoop({ check, records: CDN_RECORDS, clock, sleep: clock.sleep, timeoutMs: 60_000, notVisibleGraceMs: 0,
            pacing: { kind: "backoff", minDelayMs: 5000, maxDelayMs: 5000, random: () => 0 }, signal: stop.signal });
        await clock.advance(2000);
        stop.abort(new Error("user cancelled"));
        const result = await waiting;
        assert.deepStrictEqual([result.state, result.elapsedMs, clock.pendingTimers], ["aborted", 2000, 0]);
    });

    it("reports progress after each check", async () => {
        const clock = new VirtualClock();
        const seen: WaitProgress[] = [];
        const { check } = scripted(clock, [[rec("https://a/x", "done"), rec("https://a/y", "process")], all("done", 2)]);
        await run(clock, check, { onProgress: (p) => seen.push(p), expectedRecords: 2 });
        assert.deepStrictEqual(seen, [
            { done: 1, failed: 0, pending: 1, total: 2, attempt: 1, nextCheckInMs: 1500, elapsedMs: 0 },
            { done: 2, failed: 0, pending: 0, total: 2, attempt: 2, nextCheckInMs: null, elapsedMs: 1500 },
        ]);
    });

    it("counts expected but unlisted records as pending in progress", async () => {
        const clock = new VirtualClock();
        const seen: WaitProgress[] = [];
        const { check } = scripted(clock, [all("done", 1), all("done", 4)]);
        await run(clock, check, { onProgress: (p) => seen.push(p), expectedRecords: 4 });
        assert.deepStrictEqual([seen[0].pending, seen[0].total], [3, 4]);
    });

    it("ignores a progress callback that throws", async () => {
        const clock = new VirtualClock();
        const { check } = scripted(clock, [all("process"), all("done")]);
        const result = await run(clock, check, { onProgress: () => { throw new Error("broken logger"); } });
        assert.strictEqual(result.state, "done");
    });

    it("reports done only when the last answer lists every record done", async () => {
        const status = fc.constantFrom<PurgeStatus | null>("done", "process", null);
        const answer = fc.array(status, { maxLength: 3 }).map((s) => s.map((st, i) => rec(`https://a/${i}`, st)));
        await fc.assert(fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 8 }), async (script) => {
            const clock = new VirtualClock();
            const { check, calledAt } = scripted(clock, script);
            const result = await run(clock, check, { timeoutMs: 30_000, notVisibleGraceMs: 60_000 });
            const last = script[Math.min(calledAt.length, script.length) - 1];
            return result.state !== "done" || (last.length > 0 && last.every((r) => r.status === "done"));
        }), { numRuns: 200 });
    });

    it("rejects a negative timeout", async () => {
        const clock = new VirtualClock();
        await assert.rejects(run(clock, scripted(clock, [[]]).check, { timeoutMs: -1 }), RangeError);
    });
});
