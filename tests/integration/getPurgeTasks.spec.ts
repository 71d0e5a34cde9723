import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { PurgeApiError } from "../../provider/client/apiError";
import { PurgeClient } from "../../provider/cdn/client";
import { resolveConnection } from "../../provider/client/connection";
import * as pulumi from "@pulumi/pulumi";
import { getPurgeTasks, getPurgeTasksOutput, iteratePurgeTasks } from "../../sdk/getPurgeTasks";

describe("getPurgeTasks against the emulator", () => {
    let emu: RunningEmulator;
    let connection: { secretId: string; secretKey: string; endpoint: string };
    const submit = (urls: string[]) => new PurgeClient(resolveConnection(connection, undefined, {})).purgeUrlsCache({ urls });
    const describeCalls = () => emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 60_000 });
        connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("reads a task by id through the official SDK", async () => {
        const { taskId } = await submit(["https://www.example.com/a.png"]);
        const result = await getPurgeTasks({ taskId }, { connection });
        assert.deepStrictEqual(result.purgeLogs.map((t) => [t.taskId, t.url, t.status, t.purgeType]),
            [[taskId, "https://www.example.com/a.png", "process", "url"]]);
    });
    it("returns the RequestId the API gave", async () => {
        const { taskId } = await submit(["https://www.example.com/a.png"]);
        assert.match((await getPurgeTasks({ taskId }, { connection })).requestId, /^[0-9a-f-]{36}$/);
    });
    it("lower-cases a status the API spells Done", async () => {
        const titled = await startEmulator({ statusCase: "title" });
        try {
            const c = { ...EMULATOR_CREDENTIALS, endpoint: titled.url };
            const { taskId } = await new PurgeClient(resolveConnection(c, undefined, {})).purgeUrlsCache({ urls: ["https://a.example.com/x"] });
            titled.store.complete(taskId, "done");
            assert.strictEqual((await getPurgeTasks({ taskId }, { connection: c })).purgeLogs[0].status, "done");
        } finally {
            await titled.close();
        }
    });
    it("reads every page when neither offset nor limit is given", async () => {
        for (let i = 0; i < 3; i++) {
            await submit(Array.from({ length: 100 }, (_, j) => `https://www.example.com/${i}/${j}`));
        }
        const result = await getPurgeTasks({ startTime: new Date(Date.now() - 3_600_000) }, { connection });
        assert.deepStrictEqual([result.purgeLogs.length, result.totalCount, result.requestIds.length], [300, 300, 3]);
    });
    it("returns the one page asked for with offset and limit, and the API's total", async () => {
        await submit(Array.from({ length: 30 }, (_, j) => `https://www.example.com/${j}`));
        const result = await getPurgeTasks({ startTime: new Date(Date.now() - 3_600_000), offset: 10, limit: 5 }, { connection });
        assert.deepStrictEqual([result.purgeLogs.length, result.totalCount, describeCalls()], [5, 30, 1]);
    });
    it("passes the filters to the API", async () => {
        await submit(["https://a.example.com/1", "https://b.example.com/2"]);
        const result = await getPurgeTasks({ startTime: new Date(Date.now() - 3_600_000), keyword: "b.example.com" }, { connection });
        assert.deepStrictEqual(result.purgeLogs.map((t) => t.url), ["https://b.example.com/2"]);
    });
    it("getPurgeTasksOutput throws a bad argument known at the call, with no Node warning", async () => {
        const warnings: string[] = [];
        const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
        process.on("warning", onWarning);
        try {
            assert.throws(() => getPurgeTasksOutput({ startTime: "yesterday" }, { connection }),
                (e: Error) => e.name === "InvalidArgumentError" && /startTime/.test(e.message));
            assert.throws(() => getPurgeTasksOutput({ taskId: "1" }, { connection, pageSize: 0 }), /pageSize/);
            await new Promise((r) => setTimeout(r, 100));
        } finally {
            process.off("warning", onWarning);
        }
        assert.deepStrictEqual(warnings, []);
    });
    it("getPurgeTasksOutput waits for Output arguments and resolves to the result", async () => {
        const { taskId } = await submit(["https://www.example.com/o.png"]);
        const result = getPurgeTasksOutput({ taskId: pulumi.output(Promise.resolve(taskId)) }, { connection });
        const urls = await new Promise<(string | null)[]>((resolve) => result.purgeLogs.apply((l) => resolve(l.map((t) => t.url))));
        assert.deepStrictEqual(urls, ["https://www.example.com/o.png"]);
    });
    it("iterates records one at a time", async () => {
        await submit(Array.from({ length: 250 }, (_, j) => `https://www.example.com/${j}`));
        let n = 0;
        for await (const task of iteratePurgeTasks({ startTime: new Date(Date.now() - 3_600_000) }, { connection })) {
            assert.ok(task.url);
            n++;
        }
        assert.strictEqual(n, 250);
    });
    it("sends nothing when an argument is bad", async () => {
        await assert.rejects(getPurgeTasks({ taskId: "1", status: "finished" as never }, { connection }), /"status"/);
        assert.strictEqual(describeCalls(), 0);
    });
    it("recovers from throttling and a server fault", async () => {
        const { taskId } = await submit(["https://www.example.com/a.png"]);
        emu.faults.add([{ kind: "throttle", action: "DescribePurgeTasks" }, { kind: "http", status: 502, action: "DescribePurgeTasks" }]);
        assert.strictEqual((await getPurgeTasks({ taskId }, { connection })).purgeLogs.length, 1);
    });
    it("fails at once with the code, RequestId and a hint for a permission error", async () => {
        emu.faults.add({ kind: "apiError", code: "UnauthorizedOperation.CdnCamUnauthorized", action: "DescribePurgeTasks" });
        await assert.rejects(getPurgeTasks({ taskId: "1" }, { connection }), (e: PurgeApiError) =>
            e.code === "UnauthorizedOperation.CdnCamUnauthorized" && !!e.requestId && /cdn:DescribePurgeTasks/.test(e.message));
        assert.strictEqual(describeCalls(), 1);
    });
    it("reports a wrong key as a signature failure without showing the key", async () => {
        await assert.rejects(getPurgeTasks({ taskId: "1" }, { connection: { ...connection, secretKey: "wrong-key-123" } }),
            (e: PurgeApiError) => e.code === "AuthFailure.SignatureFailure" && !e.message.includes("wrong-key-123"));
    });
    it("keeps sixty concurrent reads under the 20/s limit: nothing throttled", async () => {
        const { taskId } = await submit(["https://www.example.com/c.png"]);
        await Promise.all(Array.from({ length: 60 }, () => getPurgeTasks({ taskId }, { connection })));
        assert.deepStrictEqual([describeCalls(), emu.stats.snapshot().throttled], [60, 0]);
    });
    it("ignores http_proxy for the emulator", async () => {
        const saved = process.env.http_proxy;
        process.env.http_proxy = "http://127.0.0.1:9";
        try {
            const { taskId } = await submit(["https://www.example.com/p.png"]);
            assert.strictEqual((await getPurgeTasks({ taskId }, { connection })).purgeLogs.length, 1);
        } finally {
            if (saved === undefined) {
                delete process.env.http_proxy;
            } else {
                process.env.http_proxy = saved;
            }
        }
    });
});
