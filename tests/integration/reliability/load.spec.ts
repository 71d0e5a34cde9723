/**
 * Load, for every product: 200 concurrent waits (the product's shared poller over its real client) and concurrent
 * getPurgeTasks reads in one process against one emulator, at once. Everything must complete, the emulator must
 * count zero throttled calls (the client's process-wide limiter keeps the 20/s budget), and the heap must stay
 * bounded. Reads are paced at the API's documented 20 requests per second, so the default run's 1,000 reads take
 * about 50 s; `SOAK=1` does 3,000 reads and 1,000 waits. The products run one after the other: two runs at once in
 * one process would delay each other's requests into bunches, which the API's 1-second window counts as throttled.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, EmulatorProcess, startEmulatorProcess } from "../../../emulator";
import { PurgeClient } from "../../../provider/cdn/client";
import { resolveConnection } from "../../../provider/client/connection";
import { formatApiTime } from "../../../provider/base/time";
import { formatIsoApiTime } from "../../../provider/base/isoTime";
import { realClock, realSleep } from "../../../provider/base/clock";
import { CoalescingPoller, waitOnPollerForTask, WaitResult } from "../../../provider/wait";
import { EdgeOneClient } from "../../../provider/edgeone/client";
import { newEdgeOnePoller } from "../../../provider/edgeone/poller";
import { EDGEONE_RECORDS } from "../../../provider/edgeone/records";
import { getPurgeTasks } from "../../../sdk/getPurgeTasks";
import * as edgeone from "../../../sdk/edgeone";
import { guardUnhandled, SOAK } from "./support/guards";
import { finish, note, record } from "./support/report";
import { cdnPolling } from "../../../provider/cdn/poller";

const ZONE = "zone-2noz78a8ev6k";
const WAITS = SOAK ? 1000 : 200;
const READS = SOAK ? 3000 : 1000;
const HEAP_BOUND_MB = 150;

/** What one product's run measured. */
interface LoadRun {
    readonly states: readonly string[];
    readonly falseDone: number;
    readonly readsAnswered: number;
    readonly heapGrowthMb: number;
    readonly seconds: number;
    readonly throttled: number;
    readonly requests: Record<string, number>;
    /** The waits' API calls and rounds. */
    readonly apiCalls: number;
    readonly rounds: number;
}

/** What a load run needs to know of a product: how to make its jobs, wait on them and read them. */
interface ProductUnderTest {
    readonly name: string;
    /** `WAITS` jobs of one target each, in the emulator. */
    jobs(emu: EmulatorProcess, connection: typeof EMULATOR_CREDENTIALS & { endpoint: string }): Promise<string[]>;
    /** A poller over the product's real client, and a wait on one job through it. */
    waiter(connection: typeof EMULATOR_CREDENTIALS & { endpoint: string }): {
        poller: CoalescingPoller<any>; wait: (id: string, since: Date) => Promise<WaitResult<any>>;
    };
    /** Reads one job through the product's getPurgeTasks; how many records it has. */
    read(connection: typeof EMULATOR_CREDENTIALS & { endpoint: string }, id: string): Promise<number>;
    /** Whether every record the emulator holds of `id` is done. */
    done(emu: EmulatorProcess, id: string): Promise<boolean>;
}

const waitTiming = { clock: realClock, sleep: realSleep, timeoutMs: 100_000, notVisibleGraceMs: 30_000 };

const PRODUCTS: readonly ProductUnderTest[] = [
    // EdgeOne first: run after CDN's in the same process, its run met one throttled call in two of two tries
    // (alone or first: none), which points at the client process (its pauses squeeze the even spacing) rather
    // than at EdgeOne's client. Each run is on an emulator of its own either way.
    {
        name: "EdgeOne",
        // Through the API (the control API creates no EdgeOne jobs): the client's limiter spaces them at 20/s.
        jobs: async (_emu, connection) => {
            const client = new EdgeOneClient(resolveConnection({ ...connection, teoEndpoint: connection.endpoint }, undefined, {}));
            return Promise.all(Array.from({ length: WAITS }, async (_, i) => (await client.createPurgeTask({ zoneId: ZONE, type: "purge_url",
                method: "invalidate", targets: [`https://load.example.com/${i}`] })).jobId));
        },
        waiter: (connection) => {
            const client = new EdgeOneClient(resolveConnection({ ...connection, teoEndpoint: connection.endpoint }, undefined, {}));
            const poller = newEdgeOnePoller(client, ZONE, realClock, realSleep, Math.random);
            return { poller, wait: (taskId, since) => waitOnPollerForTask(poller, { ...waitTiming, taskId, since: formatIsoApiTime(since),
                records: EDGEONE_RECORDS }) };
        },
        read: async (connection, jobId) => (await edgeone.getPurgeTasks({ zoneId: ZONE, jobId },
            { connection: { ...connection, teoEndpoint: connection.endpoint } })).tasks.length,
        done: async (emu, jobId) => {
            return (await emu.teoTasks()).filter((x) => x.jobId === jobId).every((x) => x.status === "success");
        },
    },
    {
        name: "CDN",
        // Created through the control API: 200 submissions through the API would take 10 s at 20/s.
        jobs: (emu) => Promise.all(Array.from({ length: WAITS }, (_, i) => emu.createTask([`https://load.example.com/${i}`]))),
        waiter: (connection) => {
            const poller = new CoalescingPoller({ ...cdnPolling(new PurgeClient(resolveConnection(connection, undefined, {}))),
                clock: realClock, sleep: realSleep, random: Math.random });
            return { poller, wait: (taskId, since) => waitOnPollerForTask(poller, { ...waitTiming, taskId, since: formatApiTime(since) }) };
        },
        read: async (connection, taskId) => (await getPurgeTasks({ taskId }, { connection })).purgeLogs.length,
        done: async (emu, taskId) => (await emu.tasks()).filter((x) => x.taskId === taskId).every((x) => x.status === "done"),
    },
];

/** One product's run on an emulator of its own. */
async function loadRun(product: ProductUnderTest, emulators: EmulatorProcess[]): Promise<LoadRun> {
    // The emulator runs in its own process: a server sharing this loop would answer late and in bunches under
    // this load, as no real server does, and count requests the client spaced evenly as too close together.
    const emu = await startEmulatorProcess(["--complete-after", "1500"]);
    emulators.push(emu);
    const connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
    const since = new Date(Date.now() - 60_000);
    const ids = await product.jobs(emu, connection);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const { poller, wait } = product.waiter(connection);
    const waits = ids.map((id) => wait(id, since));
    const reads = Array.from({ length: READS }, (_, i) => product.read(connection, ids[i % ids.length]));
    const [waitResults, readResults] = await Promise.all([Promise.all(waits), Promise.all(reads)]);
    const seconds = (Date.now() - started) / 1000;
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const stats = await emu.stats();
    const doneInStore = await Promise.all(ids.map((id) => product.done(emu, id)));
    return {
        states: waitResults.map((r) => r.state),
        falseDone: waitResults.filter((r, i) => r.state === "done" && !doneInStore[i]).length,
        readsAnswered: readResults.filter((n) => n === 1).length,
        heapGrowthMb, seconds, throttled: stats.throttled, requests: stats.requests, apiCalls: poller.apiCalls, rounds: poller.rounds,
    };
}

describe(`reliability: load (${WAITS} waits and ${READS} reads at once${SOAK ? ", soak" : ""}, every product)`, function () {
    this.timeout(SOAK ? 300_000 : 120_000);
    guardUnhandled();
    const emulators: EmulatorProcess[] = [];
    const runs = new Map<string, Promise<LoadRun>>();
    after(async () => {
        await Promise.all([...runs.values()].map((r) => r.catch(() => undefined)));
        await Promise.all(emulators.map((e) => e.close()));
        note("load", `Reads are paced by the client at the API's documented limit of 20 DescribePurgeTasks per second per ` +
            `account and product, so ${READS} reads take about ${Math.round(READS / 20)} s; the default run does 1,000 reads and ` +
            "200 waits per product, `SOAK=1` does 3,000 reads and 1,000 waits.");
        finish("load");
    });

    for (const product of PRODUCTS) {
        describe(product.name, () => {
            before(() => {
                const run = loadRun(product, emulators);
                run.catch(() => undefined);
                runs.set(product.name, run);
            });
            it("all waits and reads complete, nothing throttled, the heap bounded", async () => {
                const run = await runs.get(product.name)!;
                const ok = run.states.every((s) => s === "done") && run.readsAnswered === READS &&
                    run.falseDone === 0 && run.heapGrowthMb < HEAP_BOUND_MB;
                record("load", { tried: `${WAITS} concurrent waits (shared poller, real client) + ${READS} concurrent getPurgeTasks reads`,
                    target: `${product.name}: one process, one emulator`, outcome: ok ? "all complete" : "FAILED",
                    detail: `${run.states.filter((s) => s === "done").length}/${WAITS} waits done, ${run.readsAnswered}/${READS} reads answered; ` +
                        `the waits cost ${run.apiCalls} API calls in ${run.rounds} rounds; ` +
                        `heap growth under ${HEAP_BOUND_MB} MB (bound)`, survived: ok });
                console.log(`      load ${product.name}: ${run.seconds.toFixed(1)} s, heap +${run.heapGrowthMb.toFixed(1)} MB, ` +
                    `${JSON.stringify(run.requests)}, throttled ${run.throttled}`);
                assert.deepStrictEqual([run.states.filter((s) => s !== "done"), run.falseDone, run.readsAnswered], [[], 0, READS]);
                assert.ok(run.heapGrowthMb < HEAP_BOUND_MB, `heap grew ${run.heapGrowthMb.toFixed(1)} MB`);
            });
            it("zero throttled calls at the emulator", async () => {
                const { throttled } = await runs.get(product.name)!;
                record("load", { tried: "the same run: throttled answers counted by the emulator",
                    target: `${product.name}: client rate limiter (20 per 1100 ms, evenly spaced)`,
                    outcome: throttled === 0 ? "zero throttled" : "some throttled (retried and recovered)",
                    detail: String(throttled), survived: throttled === 0 });
                assert.strictEqual(throttled, 0, "the shared limiter must keep every call under the API's 20/s");
            });
        });
    }
});
