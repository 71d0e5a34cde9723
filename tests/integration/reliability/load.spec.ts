/**
 * Load: 200 concurrent waits (the shared poller over a real PurgeClient) and concurrent getPurgeTasks reads
 * in one process against one emulator, at once. Everything must complete, the emulator must count zero
 * throttled calls (the client's process-wide limiter keeps the 20/s budget), and the heap must stay bounded.
 * Reads are paced at the API's documented 20 requests per second, so the default run's 1,000 reads take about
 * 50 s; `SOAK=1` does 3,000 reads and 1,000 waits.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, EmulatorProcess, startEmulatorProcess } from "../../../emulator";
import { PurgeClient } from "../../../provider/cdn/client";
import { resolveConnection } from "../../../provider/client/connection";
import { formatApiTime } from "../../../provider/base/time";
import { realClock, realSleep } from "../../../provider/base/clock";
import { CoalescingPoller, waitOnPollerForTask } from "../../../provider/wait";
import { getPurgeTasks } from "../../../sdk/getPurgeTasks";
import { guardUnhandled, SOAK } from "./support/guards";
import { finish, note, record } from "./support/report";
import { cdnPolling } from "../../../provider/cdn/poller";

const WAITS = SOAK ? 1000 : 200;
const READS = SOAK ? 3000 : 1000;
const HEAP_BOUND_MB = 150;

describe(`reliability: load (${WAITS} waits and ${READS} reads at once${SOAK ? ", soak" : ""})`, function () {
    this.timeout(SOAK ? 300_000 : 120_000);
    guardUnhandled();
    // The emulator runs in its own process: a server sharing this loop would answer late and in bunches under
    // this load, as no real server does, and count requests the client spaced evenly as too close together.
    let emu: EmulatorProcess;
    let throttled = -1;

    before(async () => {
        emu = await startEmulatorProcess(["--complete-after", "1500"]);
    });
    after(async () => {
        await emu.close();
        note("load", `Reads are paced by the client at the API's documented limit of 20 DescribePurgeTasks per second per ` +
            `account, so ${READS} reads take about ${Math.round(READS / 20)} s; the default run does 1,000 reads and 200 waits, ` +
            "`SOAK=1` does 3,000 reads and 1,000 waits.");
        finish("load");
    });

    it("all waits and reads complete, nothing throttled, the heap bounded", async () => {
        const connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
        const client = new PurgeClient(resolveConnection(connection, undefined, {}));
        const since = new Date(Date.now() - 60_000);
        // Created through the control API: 200 submissions through the API would take 10 s at 20/s.
        const taskIds = await Promise.all(Array.from({ length: WAITS }, (_, i) => emu.createTask([`https://load.example.com/${i}`])));
        const heapBefore = process.memoryUsage().heapUsed;
        const started = Date.now();
        const poller = new CoalescingPoller({ ...cdnPolling(client), clock: realClock, sleep: realSleep, random: Math.random });
        const sinceText = formatApiTime(since);
        const waits = taskIds.map((taskId) => waitOnPollerForTask(poller, { taskId, since: sinceText, clock: realClock, sleep: realSleep,
            timeoutMs: 100_000, notVisibleGraceMs: 30_000 }));
        const reads = Array.from({ length: READS }, (_, i) => getPurgeTasks({ taskId: taskIds[i % taskIds.length] }, { connection }));
        const [waitResults, readResults] = await Promise.all([Promise.all(waits), Promise.all(reads)]);
        const seconds = (Date.now() - started) / 1000;
        const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
        const stats = await emu.stats();
        const records = await emu.tasks();
        const states = waitResults.map((r) => r.state);
        const falseDone = waitResults.filter((r, i) => r.state === "done" &&
            !records.filter((x) => x.taskId === taskIds[i]).every((x) => x.status === "done")).length;
        throttled = stats.throttled;
        const ok = states.every((s) => s === "done") && readResults.every((r) => r.purgeLogs.length === 1) &&
            falseDone === 0 && heapGrowthMb < HEAP_BOUND_MB;
        record("load", { tried: `${WAITS} concurrent waits (shared poller, real client) + ${READS} concurrent getPurgeTasks reads`,
            target: "one process, one emulator", outcome: ok ? "all complete" : "FAILED",
            detail: `${states.filter((s) => s === "done").length}/${WAITS} waits done, ${readResults.length}/${READS} reads answered; ` +
                `the waits cost ${poller.apiCalls} API calls in ${poller.rounds} rounds; ` +
                `heap growth under ${HEAP_BOUND_MB} MB (bound)`, survived: ok });
        console.log(`      load: ${seconds.toFixed(1)} s, heap +${heapGrowthMb.toFixed(1)} MB, ${JSON.stringify(stats.requests)}, throttled ${stats.throttled}`);
        assert.deepStrictEqual([states.filter((s) => s !== "done"), falseDone], [[], 0]);
        assert.ok(heapGrowthMb < HEAP_BOUND_MB, `heap grew ${heapGrowthMb.toFixed(1)} MB`);
    });
    it("zero throttled calls at the emulator", function () {
        record("load", { tried: "the same run: throttled answers counted by the emulator", target: "client rate limiter (20 per 1050 ms, evenly spaced)",
            outcome: throttled === 0 ? "zero throttled" : "some throttled (retried and recovered)",
            detail: String(throttled), survived: throttled === 0 });
        assert.strictEqual(throttled, 0, "the shared limiter must keep every call under the API's 20/s");
    });
});
