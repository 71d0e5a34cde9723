/**
 * `edgeone.getPurgeTasks` against the emulator through the official SDK's teo client: every page, one page,
 * lower-case statuses with the reason a target failed, and bad arguments refused before any request.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { emulatorTeoClient } from "../../emulator/edgeone/client";
import { edgeone, InvalidArgumentError } from "../../sdk";

const ZONE = "zone-2noz78a8ev6k";

describe("edgeone.getPurgeTasks against the emulator", () => {
    let emu: RunningEmulator;
    let connection: { secretId: string; secretKey: string; teoEndpoint: string };
    const describeCalls = () => emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
    const submit = async (targets: string[]) =>
        (await emulatorTeoClient(emu).CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: targets })).JobId!;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 60_000, teoQuota: { purge_url: { batch: 3000, daily: 100_000 } } });
        connection = { ...EMULATOR_CREDENTIALS, teoEndpoint: emu.url };
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("reads a job's tasks by jobId", async () => {
        const jobId = await submit(["https://www.example.com/a.png"]);
        const result = await edgeone.getPurgeTasks({ zoneId: ZONE, jobId }, { connection });
        assert.deepStrictEqual(result.tasks.map((t) => [t.jobId, t.target, t.status, t.type, t.method]),
            [[jobId, "https://www.example.com/a.png", "processing", "purge_url", "invalidate"]]);
    });

    it("reads every task of a 2,500-target job in three requests", async () => {
        const jobId = await submit(Array.from({ length: 2500 }, (_, i) => `https://www.example.com/${i}.png`));
        const before = describeCalls();
        const result = await edgeone.getPurgeTasks({ zoneId: ZONE, jobId }, { connection });
        assert.deepStrictEqual([result.tasks.length, result.totalCount, describeCalls() - before], [2500, 2500, 3]);
    });

    it("returns one page as the API gives it when limit is given", async () => {
        const jobId = await submit(["https://www.example.com/1", "https://www.example.com/2", "https://www.example.com/3"]);
        const result = await edgeone.getPurgeTasks({ zoneId: ZONE, jobId, offset: 1, limit: 1 }, { connection });
        assert.deepStrictEqual([result.tasks.map((t) => t.target), result.totalCount], [["https://www.example.com/2"], 3]);
    });

    it("takes a Date for startTime and reads the range up to now", async () => {
        const jobId = await submit(["https://www.example.com/a.png"]);
        const result = await edgeone.getPurgeTasks({ zoneId: ZONE, startTime: new Date(Date.now() - 60_000) }, { connection });
        assert.deepStrictEqual(result.tasks.map((t) => t.jobId), [jobId]);
    });

    it("gives a failed target's FailType and FailMessage", async () => {
        emu.teoStore.setOutcome("https://www.example.com/bad", { status: "timeout", failType: "originPullFailed", failMessage: "origin timed out" });
        const jobId = await submit(["https://www.example.com/bad"]);
        emu.teoStore.complete(jobId, "success");
        const [task] = (await edgeone.getPurgeTasks({ zoneId: ZONE, jobId }, { connection })).tasks;
        assert.deepStrictEqual([task.status, task.failType, task.failMessage], ["timeout", "originPullFailed", "origin timed out"]);
    });

    it("filters by statuses", async () => {
        await submit(["https://www.example.com/a.png"]);
        const result = await edgeone.getPurgeTasks({ zoneId: ZONE, startTime: new Date(Date.now() - 60_000), statuses: ["success"] }, { connection });
        assert.strictEqual(result.tasks.length, 0);
    });

    it("resolves getPurgeTasksOutput with Date inputs", async () => {
        const jobId = await submit(["https://www.example.com/a.png"]);
        const out = edgeone.getPurgeTasksOutput({ zoneId: ZONE, startTime: new Date(Date.now() - 60_000) }, { connection } as never);
        const tasks = await new Promise<readonly edgeone.EdgeOnePurgeTask[]>((resolve) => out.tasks.apply(resolve));
        assert.deepStrictEqual(tasks.map((t) => t.jobId), [jobId]);
    });

    it("getPurgeTasksOutput throws a bad argument known at the call, before any request", () => {
        const before = emu.stats.snapshot().requests;
        assert.throws(() => edgeone.getPurgeTasksOutput({ zoneId: "example.com", jobId: "x" }, { connection } as never),
            (e: Error) => e instanceof InvalidArgumentError && e.argument === "zoneId");
        assert.deepStrictEqual(emu.stats.snapshot().requests, before);
    });

    const refused = (args: unknown, argument: string) => async () => {
        const before = emu.stats.snapshot().requests;
        await assert.rejects(edgeone.getPurgeTasks(args as edgeone.GetPurgeTasksArgs, { connection }),
            (e) => e instanceof InvalidArgumentError && e.argument === argument);
        assert.deepStrictEqual(emu.stats.snapshot().requests, before);
    };
    it("refuses a missing zoneId before any request", refused({ jobId: "x" }, "zoneId"));
    it("refuses a zone id of the wrong form before any request", refused({ zoneId: "example.com", jobId: "x" }, "zoneId"));
    it("refuses a query without startTime or jobId before any request", refused({ zoneId: ZONE }, "startTime"));
    it("refuses endTime before startTime before any request",
        refused({ zoneId: ZONE, startTime: "2026-12-04T20:00:00+08:00", endTime: "2026-12-04T19:00:00+08:00" }, "endTime"));
    it("refuses a time without a zone before any request", refused({ zoneId: ZONE, startTime: "2026-12-04 20:00:00" }, "startTime"));
    it("refuses more than 20 domains before any request",
        refused({ zoneId: ZONE, jobId: "x", domains: Array.from({ length: 21 }, (_, i) => `d${i}.example.com`) }, "domains"));
    it("refuses an unknown status before any request", refused({ zoneId: ZONE, jobId: "x", statuses: ["done"] }, "statuses[0]"));
    it("refuses a limit over 1000 before any request", refused({ zoneId: ZONE, jobId: "x", limit: 1001 }, "limit"));
});
