/**
 * The emulator's EdgeOne prefetch actions through the official Node.js SDK's `teo` client: CreatePrefetchTask,
 * DescribePrefetchTasks and DescribeContentQuota's PrefetchQuota, per-target outcomes (`invalid` among them),
 * FailedList, the prefetch's own duration, the listing lag, faults and the control routes.
 */
import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorTeoClient } from "../../emulator/edgeone/client";
import { rawRequest } from "../../emulator/client";
import { signedRequest } from "../../emulator/cdn/client";
import { TEO_API_VERSION } from "../../emulator/edgeone/product";

const ZONE = "zone-2noz78a8ev6k";
const codeOf = (e: unknown): string | undefined => (e as { code?: string }).code;

describe("emulator: EdgeOne prefetch with the official SDK's teo client", () => {
    let emu: RunningEmulator;
    let now = Date.now();

    before(async () => {
        emu = await startEmulator({ now: () => now, completeAfterMs: 1000, teoPrefetchCompleteAfterMs: 60_000,
            teoQuota: { prefetch_url: { batch: 3, daily: 5 } } });
    });
    beforeEach(() => {
        emu.reset();
        emu.store.setVisibleAfter(0);
        now = Date.now();
    });
    after(() => emu.close());

    const client = () => emulatorTeoClient(emu);
    const create = (targets: string[]) => client().CreatePrefetchTask({ ZoneId: ZONE, Targets: targets });
    const tasksOf = async (jobId: string) =>
        (await client().DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [jobId] }] })).Tasks!;

    it("answers CreatePrefetchTask with a JobId and an empty FailedList, and lists one processing task per target", async () => {
        const res = await client().CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://www.example.com/1", "https://www.example.com/2"],
            Mode: "default", Headers: [{ Name: "X-Warm", Value: "1" }], PrefetchMediaSegments: "off" });
        assert.match(res.JobId ?? "", /^[0-9a-z]{14}$/);
        assert.deepStrictEqual(res.FailedList, []);
        assert.deepStrictEqual((await tasksOf(res.JobId!)).map((t) => [t.Target, t.Status, t.Type]), [
            ["https://www.example.com/1", "processing", "prefetch_url"], ["https://www.example.com/2", "processing", "prefetch_url"],
        ]);
    });

    it("keeps prefetch jobs apart from purge jobs", async () => {
        const { JobId } = await create(["https://www.example.com/1"]);
        const purges = await client().DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId!] }] });
        assert.strictEqual(purges.TotalCount, 0);
    });

    it("takes its own completion time, longer than a purge's, and reports it as UpdateTime - CreateTime", async () => {
        const { JobId } = await create(["https://www.example.com/1"]);
        now += 30_000;
        assert.strictEqual((await tasksOf(JobId!))[0].Status, "processing");
        now += 31_000;
        const [task] = await tasksOf(JobId!);
        assert.strictEqual(task.Status, "success");
        assert.strictEqual(Date.parse(task.UpdateTime!) - Date.parse(task.CreateTime!), 60_000);
    });

    it("ends a target the origin lacks (/missing) invalid, with FailType and FailMessage", async () => {
        const { JobId } = await create(["https://www.example.com/missing.js", "https://www.example.com/ok.js"]);
        now += 61_000;
        assert.deepStrictEqual((await tasksOf(JobId!)).map((t) => [t.Target, t.Status, t.FailType, t.FailMessage]), [
            ["https://www.example.com/missing.js", "invalid", "originPullFailed", "the origin answered 404"],
            ["https://www.example.com/ok.js", "success", "", ""],
        ]);
    });

    it("ends a target as the prefetch control route says, invalid included", async () => {
        await rawRequest(emu, "POST", "/_emulator/teo/prefetch/targets", JSON.stringify({ target: "https://www.example.com/t",
            status: "timeout", failType: "originPullFailed", failMessage: "origin timed out" }));
        const { JobId } = await create(["https://www.example.com/t"]);
        now += 61_000;
        const [task] = await tasksOf(JobId!);
        assert.deepStrictEqual([task.Status, task.FailType, task.FailMessage], ["timeout", "originPullFailed", "origin timed out"]);
    });

    it("lists a refused target in FailedList and leaves it out of the job", async () => {
        await rawRequest(emu, "POST", "/_emulator/teo/prefetch/targets", JSON.stringify({ target: "https://www.example.com/no", refuse: "domain not in zone" }));
        const res = await create(["https://www.example.com/ok", "https://www.example.com/no"]);
        assert.deepStrictEqual(res.FailedList, [{ Reason: "domain not in zone", Targets: ["https://www.example.com/no"] }]);
        assert.deepStrictEqual((await tasksOf(res.JobId!)).map((t) => t.Target), ["https://www.example.com/ok"]);
    });

    it("completes a prefetch job through POST teo/prefetch/jobs/{id}/complete, invalid allowed", async () => {
        const { JobId } = await create(["https://www.example.com/1"]);
        const res = await rawRequest(emu, "POST", `/_emulator/teo/prefetch/jobs/${JobId}/complete`, JSON.stringify({ status: "invalid" }));
        assert.strictEqual(res.status, 200);
        assert.strictEqual((await tasksOf(JobId!))[0].Status, "invalid");
        const purge = await rawRequest(emu, "POST", `/_emulator/teo/jobs/${JobId}/complete`, JSON.stringify({ status: "success" }));
        assert.strictEqual(purge.status, 404);
    });

    it("filters by time range, target, domains and statuses, pages with Offset and Limit", async () => {
        const first = await create(["https://www.example.com/a", "https://img.example.com/b"]);
        now += 1000;
        const second = await create(["https://www.example.com/missing"]);
        now += 61_000;
        const range = { ZoneId: ZONE, StartTime: new Date(now - 120_000).toISOString(), EndTime: new Date(now).toISOString() };
        const all = await client().DescribePrefetchTasks({ ...range, Limit: 1000 });
        assert.deepStrictEqual([all.TotalCount, all.Tasks?.[0].JobId], [3, second.JobId]);
        const page = await client().DescribePrefetchTasks({ ...range, Offset: 1, Limit: 1 });
        assert.deepStrictEqual([page.TotalCount, page.Tasks?.map((t) => t.Target)], [3, ["https://www.example.com/a"]]);
        const byDomain = await client().DescribePrefetchTasks({ ...range, Filters: [{ Name: "domains", Values: ["img.example.com"] }] });
        assert.deepStrictEqual(byDomain.Tasks?.map((t) => t.JobId), [first.JobId]);
        const invalid = await client().DescribePrefetchTasks({ ...range, Filters: [{ Name: "statuses", Values: ["invalid"] }] });
        assert.deepStrictEqual(invalid.Tasks?.map((t) => t.Target), ["https://www.example.com/missing"]);
        const byTarget = await client().DescribePrefetchTasks({ ...range, Filters: [{ Name: "target", Values: ["https://www.example.com/a"] }] });
        assert.deepStrictEqual(byTarget.Tasks?.map((t) => t.JobId), [first.JobId]);
    });

    it("refuses the purge-only type filter, a Limit over 1000, and a query without a range or job-id", async () => {
        await assert.rejects(client().DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "type", Values: ["purge_url"] }] }),
            (e) => codeOf(e) === "InvalidParameter");
        await assert.rejects(client().DescribePrefetchTasks({ ZoneId: ZONE, Limit: 1001, Filters: [{ Name: "job-id", Values: ["x"] }] }),
            (e) => codeOf(e) === "InvalidParameter");
        await assert.rejects(client().DescribePrefetchTasks({ ZoneId: ZONE }), (e) => codeOf(e) === "InvalidParameter");
    });

    it("refuses a bad Mode, PrefetchMediaSegments or a target without its protocol", async () => {
        await assert.rejects(client().CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/"], Mode: "middle" }),
            (e) => codeOf(e) === "InvalidParameter");
        await assert.rejects(client().CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/"], PrefetchMediaSegments: "yes" }),
            (e) => codeOf(e) === "InvalidParameter");
        await assert.rejects(create(["www.example.com/a"]), (e) => codeOf(e) === "InvalidParameter.Target");
    });

    it("answers DescribeContentQuota with a prefetch_url line, and refuses past Batch and Daily", async () => {
        const before = await client().DescribeContentQuota({ ZoneId: ZONE });
        assert.deepStrictEqual(before.PrefetchQuota, [{ Type: "prefetch_url", Batch: 3, Daily: 5, DailyAvailable: 5 }]);
        await assert.rejects(create(["https://a.example.com/1", "https://a.example.com/2", "https://a.example.com/3", "https://a.example.com/4"]),
            (e) => codeOf(e) === "LimitExceeded.BatchQuota");
        await create(["https://a.example.com/1", "https://a.example.com/2", "https://a.example.com/3"]);
        assert.strictEqual((await client().DescribeContentQuota({ ZoneId: ZONE })).PrefetchQuota?.[0].DailyAvailable, 2);
        await assert.rejects(create(["https://a.example.com/1", "https://a.example.com/2", "https://a.example.com/3"]),
            (e) => codeOf(e) === "LimitExceeded.DailyQuota");
    });

    it("lists a new job only after the listing lag", async () => {
        emu.store.setVisibleAfter(5000);
        const { JobId } = await create(["https://www.example.com/1"]);
        assert.strictEqual((await tasksOf(JobId!)).length, 0);
        now += 5000;
        assert.strictEqual((await tasksOf(JobId!)).length, 1);
    });

    it("checks the signature of CreatePrefetchTask signed for service teo", async () => {
        const body = JSON.stringify({ ZoneId: ZONE, Targets: ["https://www.example.com/1"] });
        const bad = await signedRequest(emu, "CreatePrefetchTask", body, { service: "teo", version: TEO_API_VERSION,
            credential: { secretId: emu.credentials[0].secretId, secretKey: "wrong" } });
        assert.strictEqual(bad.json.Response.Error.Code, "AuthFailure.SignatureFailure");
        assert.strictEqual(emu.teoPrefetchStore.allRecords().length, 0);
    });

    it("answers faults in the prefetch actions' shapes", async () => {
        emu.faults.add({ kind: "nullFields", action: "DescribePrefetchTasks" });
        const res = await client().DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: ["x"] }] });
        assert.deepStrictEqual([res.TotalCount, Object.entries(res.Tasks![0]).filter(([, v]) => v !== null)], [null, []]);
        emu.faults.add({ kind: "throttle", action: "CreatePrefetchTask" });
        await assert.rejects(create(["https://www.example.com/1"]), (e) => codeOf(e) === "RequestLimitExceeded");
        assert.strictEqual(emu.teoPrefetchStore.allRecords().length, 0);
    });

    it("carries prefetch jobs to another emulator through GET teo/prefetch/jobs/saved and POST teo/prefetch/jobs/restore", async () => {
        const { JobId: done } = await create(["https://www.example.com/1", "https://www.example.com/missing.js"]);
        const { JobId: pending } = await create(["https://www.example.com/2"]);
        await rawRequest(emu, "POST", `/_emulator/teo/prefetch/jobs/${done}/complete`, JSON.stringify({ status: "invalid", atMs: now + 90_000 }));
        const saved = (await rawRequest(emu, "GET", "/_emulator/teo/prefetch/jobs/saved")).json as { jobs: { jobId: string; type: string; status: string }[] };
        assert.deepStrictEqual(saved.jobs.map((j) => [j.jobId, j.type, j.status]), [[done, "prefetch_url", "invalid"], [pending, "prefetch_url", "processing"]]);
        const other = await startEmulator({ now: () => now + 86_400_000, teoPrefetchCompleteAfterMs: 0 });
        try {
            const restored = (await rawRequest(other, "POST", "/_emulator/teo/prefetch/jobs/restore", JSON.stringify(saved))).json;
            const tasks = (await emulatorTeoClient(other).DescribePrefetchTasks({ ZoneId: ZONE, StartTime: "2000-01-01T00:00:00+08:00",
                EndTime: new Date(now + 2 * 86_400_000).toISOString() })).Tasks ?? [];
            assert.deepStrictEqual([restored, tasks.map((t) => [t.JobId, t.Target, t.Status]).sort(), other.teoStore.allRecords()], [{ restored: 2 }, [
                [done, "https://www.example.com/1", "invalid"], [done, "https://www.example.com/missing.js", "invalid"], [pending, "https://www.example.com/2", "processing"],
            ].sort(), []]);
        } finally {
            await other.close();
        }
    });

    it("refuses a restored prefetch job with a purge's type, naming the field", async () => {
        const answer = await rawRequest(emu, "POST", "/_emulator/teo/prefetch/jobs/restore", JSON.stringify({ jobs: [{ jobId: "j", zoneId: ZONE,
            type: "purge_url", method: "default", targets: ["https://www.example.com/1"], createdAtMs: 0, status: "success" }] }));
        assert.deepStrictEqual([answer.status, answer.json.error, emu.teoPrefetchStore.allRecords().length],
            [400, 'jobs[0].type must be one of prefetch_url, got "purge_url"', 0]);
    });
});
