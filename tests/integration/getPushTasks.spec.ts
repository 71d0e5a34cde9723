/**
 * getPushTasks against the emulator: in the program's process (the TypeScript SDK) and as the provider plugin's
 * invoke (every other language).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { resolveConnection } from "../../provider/client/connection";
import { getPushTasks } from "../../sdk/getPushTasks";
import { PluginHost, secret } from "../support/pluginHost";

const GET_PUSH_TASKS = "tencentcloud-purge:index:getPushTasks";

describe("getPushTasks against the emulator", () => {
    let emu: RunningEmulator;
    let now = Date.now();
    let connection: { secretId: string; secretKey: string; endpoint: string };
    const push = (urls: string[]) => new PurgeClient(resolveConnection(connection, undefined, {})).pushUrlsCache({ urls });
    const describeCalls = () => emu.stats.snapshot().requests.DescribePushTasks ?? 0;

    before(async () => {
        emu = await startEmulator({ now: () => now, pushCompleteAfterMs: 60_000 });
        connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("reads a task by id with each URL's status, percent, area and times", async () => {
        const { taskId } = await push(["https://www.example.com/a.js"]);
        now += 30_000;
        const { pushLogs, totalCount } = await getPushTasks({ taskId }, { connection });
        now -= 30_000;
        assert.deepStrictEqual([totalCount, pushLogs.map((t) => [t.taskId, t.url, t.status, t.percent, t.area])],
            [1, [[taskId, "https://www.example.com/a.js", "process", 50, "mainland"]]]);
        assert.match(pushLogs[0].updateTime ?? "", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it("reads every page without offset and limit, and one page with them", async () => {
        const urls = Array.from({ length: 150 }, (_, i) => `https://www.example.com/${i}.js`);
        const { taskId } = await push(urls);
        const all = await getPushTasks({ taskId }, { connection });
        assert.deepStrictEqual([all.pushLogs.length, new Set(all.pushLogs.map((t) => t.url)).size, all.requestIds.length, describeCalls()], [150, 150, 2, 2]);
        const one = await getPushTasks({ taskId, offset: 140, limit: 20 }, { connection });
        assert.deepStrictEqual([one.pushLogs.length, one.totalCount], [10, 150]);
    });

    it("filters by status: the URLs the origin lacked", async () => {
        await push(["https://www.example.com/ok.js", "https://www.example.com/missing.js"]);
        now += 60_000;
        const { pushLogs } = await getPushTasks({ startTime: new Date(now - 120_000), status: "invalid" }, { connection });
        now -= 60_000;
        assert.deepStrictEqual(pushLogs.map((t) => [t.url, t.status]), [["https://www.example.com/missing.js", "invalid"]]);
    });

    for (const [args, name] of [
        [{ startTime: "2026-11-29 00:00:00", status: "finished" }, "status"],
        [{ taskId: "1", limit: 101 }, "limit"],
        [{ keyword: "www.example.com" }, "taskId"],
        [{ startTime: "yesterday" }, "startTime"],
        [{ taskId: "1", area: "europe" }, "area"],
    ] as const) {
        it(`names ${name} for ${JSON.stringify(args)} before any request`, async () => {
            await assert.rejects(getPushTasks(args as never, { connection }), (e: Error) => e.message.includes(name));
            assert.deepStrictEqual(emu.stats.snapshot().requests, {});
        });
    }

    it("is the provider plugin's invoke too, and refuses bad arguments there by name", async () => {
        const plugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
        try {
            await plugin.configure({ secretId: EMULATOR_CREDENTIALS.secretId, secretKey: secret(EMULATOR_CREDENTIALS.secretKey), endpoint: emu.url });
            const { taskId } = await push(["https://www.example.com/p.js"]);
            const { result, failures } = await plugin.invoke(GET_PUSH_TASKS, { taskId });
            assert.deepStrictEqual([failures, (result?.pushLogs as { taskId: string }[]).map((t) => t.taskId), result?.totalCount], [[], [taskId], 1]);
            const bad = await plugin.invoke(GET_PUSH_TASKS, { taskId, status: "finished" });
            assert.deepStrictEqual(bad.failures.map((f) => f.property), ["status"]);
        } finally {
            plugin.stop();
        }
    });
});
