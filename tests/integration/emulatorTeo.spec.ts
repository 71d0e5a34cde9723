/**
 * The emulator's EdgeOne actions through the official Node.js SDK's `teo` client: jobs, their tasks over time,
 * failures set per target, FailedList, quotas, parameter rules and the signature's `teo` scope.
 */
import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { emulatorTeoClient } from "../../emulator/edgeone/client";
import { rawRequest } from "../../emulator/client";
import { signedRequest } from "../../emulator/cdn/client";
import { TEO_API_VERSION } from "../../emulator/edgeone/product";

const ZONE = "zone-2noz78a8ev6k";
const codeOf = (e: unknown): string | undefined => (e as { code?: string }).code;

describe("emulator: EdgeOne with the official SDK's teo client", () => {
    let emu: RunningEmulator;
    let now = Date.now();

    before(async () => {
        emu = await startEmulator({ now: () => now, completeAfterMs: 1000, teoQuota: { purge_url: { batch: 3, daily: 5 } } });
    });
    beforeEach(() => {
        emu.reset();
        now = Date.now();
    });
    after(() => emu.close());

    const create = (targets: string[], type = "purge_url") =>
        emulatorTeoClient(emu).CreatePurgeTask({ ZoneId: ZONE, Type: type, Targets: targets });

    it("answers CreatePurgeTask with a JobId and an empty FailedList", async () => {
        const res = await create(["https://www.example.com/a.png"]);
        assert.match(res.JobId ?? "", /^[0-9a-z]{14}$/);
        assert.deepStrictEqual(res.FailedList, []);
    });

    it("lists one processing task per target of a job, by job-id filter", async () => {
        const { JobId } = await create(["https://www.example.com/1", "https://www.example.com/2"]);
        const res = await emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId!] }] });
        assert.strictEqual(res.TotalCount, 2);
        assert.deepStrictEqual(res.Tasks?.map((t) => [t.JobId, t.Target, t.Status, t.Type, t.Method]), [
            [JobId, "https://www.example.com/1", "processing", "purge_url", "invalidate"],
            [JobId, "https://www.example.com/2", "processing", "purge_url", "invalidate"],
        ]);
    });

    it("turns tasks to success once they finish, with UpdateTime when they finished", async () => {
        const { JobId } = await create(["https://www.example.com/1"]);
        now += 1500;
        const [task] = (await emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId!] }] })).Tasks!;
        assert.strictEqual(task.Status, "success");
        assert.strictEqual(Date.parse(task.UpdateTime!) - Date.parse(task.CreateTime!), 1000);
    });

    it("ends a target as the control API says, with its FailType and FailMessage", async () => {
        await rawRequest(emu, "POST", "/_emulator/teo/targets", JSON.stringify({ target: "https://www.example.com/bad",
            status: "timeout", failType: "originPullFailed", failMessage: "origin timed out" }));
        const { JobId } = await create(["https://www.example.com/bad"]);
        now += 1500;
        const [task] = (await emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId!] }] })).Tasks!;
        assert.deepStrictEqual([task.Status, task.FailType, task.FailMessage], ["timeout", "originPullFailed", "origin timed out"]);
    });

    it("lists a refused target in FailedList and leaves it out of the job", async () => {
        await rawRequest(emu, "POST", "/_emulator/teo/targets", JSON.stringify({ target: "https://www.example.com/no", refuse: "domain not in zone" }));
        const res = await create(["https://www.example.com/ok", "https://www.example.com/no"]);
        assert.deepStrictEqual(res.FailedList, [{ Reason: "domain not in zone", Targets: ["https://www.example.com/no"] }]);
        assert.strictEqual(emu.teoStore.records().length, 1);
    });

    it("finds tasks by time range, newest job first", async () => {
        const first = await create(["https://www.example.com/1"]);
        now += 1000;
        const second = await create(["https://www.example.com/2"]);
        const res = await emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE,
            StartTime: new Date(now - 60_000).toISOString(), EndTime: new Date(now + 60_000).toISOString() });
        assert.deepStrictEqual(res.Tasks?.map((t) => t.JobId), [second.JobId, first.JobId]);
    });

    it("carries jobs to another emulator through GET teo/jobs/saved and POST teo/jobs/restore, ids, times and statuses kept", async () => {
        const { JobId: done } = await create(["https://www.example.com/1", "https://www.example.com/2"]);
        now += 1500;
        const { JobId: pending } = await create(["https://www.example.com/3"]);
        const saved = (await rawRequest(emu, "GET", "/_emulator/teo/jobs/saved")).json;
        const other = await startEmulator({ completeAfterMs: 0 });
        try {
            const restored = (await rawRequest(other, "POST", "/_emulator/teo/jobs/restore", JSON.stringify(saved))).json;
            const read = async () => (await emulatorTeoClient(other).DescribePurgeTasks({ ZoneId: ZONE, StartTime: "2000-01-01T00:00:00Z",
                EndTime: "2100-01-01T00:00:00Z" })).Tasks!.map((t) => [t.JobId, t.Target, t.Status, t.UpdateTime]);
            const first = await read();
            const pendingCreated = other.teoStore.allRecords().find((r) => r.jobId === pending)!.createdAtMs;
            await rawRequest(other, "POST", `/_emulator/teo/jobs/${pending}/complete`, JSON.stringify({ atMs: pendingCreated + 2000 }));
            const finished = other.teoStore.allRecords().find((r) => r.jobId === pending);
            const doneAt = new Date(Date.parse(emu.teoStore.allRecords().find((r) => r.jobId === done)!.updateTime)).toISOString();
            assert.deepStrictEqual([restored, first.map((t) => t.slice(0, 3)), first.filter((t) => t[0] === done).map((t) => new Date(t[3]!).toISOString()),
                [(await read()).find((t) => t[0] === pending)?.[2], finished && Date.parse(finished.updateTime) - Date.parse(finished.createTime)]],
            [{ restored: 2 }, [[pending, "https://www.example.com/3", "processing"], [done, "https://www.example.com/1", "success"],
                [done, "https://www.example.com/2", "success"]], [doneAt, doneAt], ["success", 2000]]);
        } finally {
            await other.close();
        }
    });

    it("refuses a restored job with a bad field, naming it", async () => {
        const answer = await rawRequest(emu, "POST", "/_emulator/teo/jobs/restore", JSON.stringify({ jobs: [{ jobId: "j", zoneId: ZONE,
            type: "purge_everything", method: "invalidate", targets: [], createdAtMs: 0, status: "success" }] }));
        assert.deepStrictEqual([answer.status, answer.json.error], [400,
            'jobs[0].type must be one of purge_url, purge_prefix, purge_host, purge_all, purge_cache_tag, got "purge_everything"']);
    });

    it("answers DescribeContentQuota with Batch, Daily and DailyAvailable per type", async () => {
        await create(["https://www.example.com/1", "https://www.example.com/2"]);
        const res = await emulatorTeoClient(emu).DescribeContentQuota({ ZoneId: ZONE });
        assert.deepStrictEqual(res.PurgeQuota?.find((q) => q.Type === "purge_url"),
            { Type: "purge_url", Batch: 3, Daily: 5, DailyAvailable: 3 });
    });

    it("refuses more targets than the batch quota with LimitExceeded.BatchQuota", async () => {
        await assert.rejects(create(["https://a.example.com/1", "https://a.example.com/2", "https://a.example.com/3", "https://a.example.com/4"]),
            (e) => codeOf(e) === "LimitExceeded.BatchQuota");
    });

    it("refuses past the daily quota with LimitExceeded.DailyQuota", async () => {
        await create(["https://a.example.com/1", "https://a.example.com/2", "https://a.example.com/3"]);
        await assert.rejects(create(["https://a.example.com/4", "https://a.example.com/5", "https://a.example.com/6"]),
            (e) => codeOf(e) === "LimitExceeded.DailyQuota");
    });

    it("refuses a query without a time range or job-id filter", async () => {
        await assert.rejects(emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE }), (e) => codeOf(e) === "InvalidParameter");
    });

    it("refuses two values for the job-id filter", async () => {
        await assert.rejects(emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: ["a", "b"] }] }),
            (e) => codeOf(e) === "InvalidParameter");
    });

    it("refuses a URL target without its protocol", async () => {
        await assert.rejects(create(["www.example.com/a.png"]), (e) => codeOf(e) === "InvalidParameter.Target");
    });

    it("refuses a request without ZoneId with MissingParameter", async () => {
        await assert.rejects(emulatorTeoClient(emu).DescribeContentQuota({} as { ZoneId: string }), (e) => codeOf(e) === "MissingParameter");
    });

    it("forgets jobs past the retention", async () => {
        const { JobId } = await create(["https://www.example.com/1"]);
        emu.store.setRetention(60_000);
        now += 120_000;
        const res = await emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId!] }] });
        assert.strictEqual(res.TotalCount, 0);
    });

    it("checks the signature of a request signed for service teo", async () => {
        const body = JSON.stringify({ ZoneId: ZONE });
        const ok = await signedRequest(emu, "DescribeContentQuota", body, { service: "teo", version: TEO_API_VERSION });
        assert.ok(ok.json.Response.PurgeQuota);
        const bad = await signedRequest(emu, "DescribeContentQuota", body, { service: "teo", version: TEO_API_VERSION,
            credential: { secretId: emu.credentials[0].secretId, secretKey: "wrong" } });
        assert.strictEqual(bad.json.Response.Error.Code, "AuthFailure.SignatureFailure");
    });

    it("throttles EdgeOne's DescribePurgeTasks apart from CDN's", async () => {
        const body = JSON.stringify({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: ["x"] }] });
        const answers = await Promise.all(Array.from({ length: 21 }, () =>
            signedRequest(emu, "DescribePurgeTasks", body, { service: "teo", version: TEO_API_VERSION })));
        assert.strictEqual(answers.filter((a) => a.json.Response.Error?.Code === "RequestLimitExceeded").length, 1);
        const cdn = await signedRequest(emu, "DescribePurgeTasks", JSON.stringify({ TaskId: "1" }));
        assert.strictEqual(cdn.json.Response.Error, undefined);
    });

    it("answers a mistyped or out-of-range parameter with EdgeOne's InvalidParameter, not the CDN's code", async () => {
        const body = JSON.stringify({ ZoneId: ZONE, Limit: 5000, Filters: [{ Name: "job-id", Values: ["x"] }] });
        const res = await signedRequest(emu, "DescribePurgeTasks", body, { service: "teo", version: TEO_API_VERSION });
        assert.strictEqual(res.json.Response.Error.Code, "InvalidParameter");
    });

    describe("faults, answered in EdgeOne's shapes", () => {
        const query = () => emulatorTeoClient(emu).DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: ["x"] }] });

        it("nullFields: a task with every field null", async () => {
            emu.faults.add({ kind: "nullFields", action: "DescribePurgeTasks" });
            const res = await query();
            assert.strictEqual(res.TotalCount, null);
            assert.deepStrictEqual(Object.entries(res.Tasks![0]).filter(([, v]) => v !== null), []);
            assert.ok("JobId" in res.Tasks![0] && "FailMessage" in res.Tasks![0]);
        });

        it("nullList: Tasks null", async () => {
            emu.faults.add({ kind: "nullList", action: "DescribePurgeTasks" });
            assert.strictEqual((await query()).Tasks, null);
        });

        it("throttle: RequestLimitExceeded, where the CDN's DescribePurgeTasks answers OperationTooOften", async () => {
            emu.faults.add([{ kind: "throttle" }, { kind: "throttle" }]);
            await assert.rejects(query(), (e) => codeOf(e) === "RequestLimitExceeded");
            const cdn = await signedRequest(emu, "DescribePurgeTasks", JSON.stringify({ TaskId: "1" }));
            assert.strictEqual(cdn.json.Response.Error.Code, "UnauthorizedOperation.OperationTooOften");
        });

        it("badJson: a body cut short", async () => {
            emu.faults.add({ kind: "badJson" });
            const res = await signedRequest(emu, "CreatePurgeTask", "{}", { service: "teo", version: TEO_API_VERSION });
            assert.strictEqual(res.status, 200);
            assert.strictEqual(res.json, undefined);
            assert.match(res.text, /^\{"Response":\{"JobId":null/);
        });
    });
});
