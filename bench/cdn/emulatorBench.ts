/**
 * Measurements on the real emulator over HTTP with the real client (official SDK, shared rate limiter,
 * retries): paging through many records, and end-to-end waits through the provider host's path.
 */
import * as v8 from "v8";
import * as vm from "vm";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator, startEmulatorProcess } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { resolveConnection } from "../../provider/client/connection";
import { REQUESTS_PER_SECOND } from "../../provider/client/actionLimiters";
import { DEFAULT_PAGE_SIZE } from "../../provider/cdn/paging";
import { DEFAULT_WAIT } from "../../provider/description";
import { realClock, realSleep } from "../../provider/base/clock";
import { waitOnPollerForTask } from "../../provider/wait/pollerWaits";
import { formatApiTime } from "../../provider/base/time";
import { getPurgeTasks, iteratePurgeTasks } from "../../sdk/getPurgeTasks";
import { seededRandom, uniform } from "../sim/random";
import { median, percentile } from "../sim/stats";
import { cdnPoller } from "../../provider/cdn/poller";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Paging figures for one record count. */
export interface PagingFigures {
    readonly records: number;
    /** The first read in the process: the SDK is loaded and connections are opened on the way. */
    readonly firstUse: boolean;
    readonly pages: number;
    readonly seconds: number;
    /** N / pageSize / 20 per second. */
    readonly boundSeconds: number;
    readonly ratioToBound: number;
    readonly calls: number;
    readonly throttled: number;
}

/** Heap retained while reading 10,000 records both ways. */
export interface MemoryFigures {
    readonly records: number;
    /** Heap in use (after GC) holding getPurgeTasks' result, above the baseline. */
    readonly getPurgeTasksRetainedMB: number;
    /** Highest heap in use (after GC, sampled every page) while iterating, above the baseline. */
    readonly iteratePeakMB: number;
}

const connectionFor = (emu: { url: string }) => ({ ...EMULATOR_CREDENTIALS, endpoint: emu.url });

/**
 * Times getPurgeTasks over `counts` records each, then the memory of both ways over the largest. The emulator
 * runs in its own process (its page building must not share the client's event loop), seeded through its control
 * API in tasks of 100 URLs.
 *
 * @example
 * const { paging, memory } = await benchPaging([3000, 10_000]);
 */
export async function benchPaging(counts: readonly number[]): Promise<{ paging: PagingFigures[]; memory: MemoryFigures }> {
    const emu = await startEmulatorProcess(["--complete-after", "0"]);
    const seed = async (records: number) => {
        for (let i = 0; i < records; i += 100) {
            await emu.createTask(Array.from({ length: Math.min(100, records - i) }, (_, j) => `https://www.example.com/${i + j}.png`));
        }
    };
    const connection = connectionFor(emu);
    const since = new Date(Date.now() - 3_600_000);
    try {
        const paging: PagingFigures[] = [];
        for (const [i, records] of counts.entries()) {
            await emu.reset();
            await seed(records);
            await realSleep(1100); // the client's and the emulator's rate windows start empty
            const started = process.hrtime.bigint();
            const result = await getPurgeTasks({ startTime: since }, { connection });
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            if (result.purgeLogs.length !== records) {
                throw new Error(`paging read ${result.purgeLogs.length} of ${records} records`);
            }
            const stats = await emu.stats();
            const pages = Math.ceil(records / DEFAULT_PAGE_SIZE);
            const boundSeconds = pages / REQUESTS_PER_SECOND;
            paging.push({ records, firstUse: i === 0, pages, seconds, boundSeconds, ratioToBound: seconds / boundSeconds,
                calls: stats.requests.DescribePurgeTasks ?? 0, throttled: stats.throttled });
        }
        const records = Math.max(...counts);
        await emu.reset();
        await seed(records);
        await realSleep(1100);
        gc();
        const base = process.memoryUsage().heapUsed;
        let peak = 0;
        let seen = 0;
        for await (const task of iteratePurgeTasks({ startTime: since }, { connection })) {
            if (++seen % DEFAULT_PAGE_SIZE === 0 && task) {
                gc();
                peak = Math.max(peak, process.memoryUsage().heapUsed - base);
            }
        }
        await realSleep(1100);
        gc();
        const base2 = process.memoryUsage().heapUsed;
        const held = await getPurgeTasks({ startTime: since }, { connection });
        gc();
        const retained = process.memoryUsage().heapUsed - base2;
        if (seen !== records || held.purgeLogs.length !== records) {
            throw new Error("memory run did not read every record");
        }
        return { paging, memory: { records, getPurgeTasksRetainedMB: retained / 2 ** 20, iteratePeakMB: peak / 2 ** 20 } };
    } finally {
        await emu.close();
    }
}

/** End-to-end wait figures for one number of concurrent waits. */
export interface WaitFigures {
    readonly waits: number;
    /** What kind of waits, where not the usual (the process submitted the purges). */
    readonly label?: string;
    readonly states: Record<string, number>;
    /** From `store.complete` to the wait returning, seconds. */
    readonly overshootMedianS: number;
    readonly overshootP95S: number;
    readonly overshootMaxS: number;
    readonly describeCalls: number;
    readonly callsPerWait: number;
    readonly throttled: number;
    readonly wallSeconds: number;
}

/** One task to wait for, and when it turns done (a timer the wait does not know of). */
interface Watched {
    readonly taskId: string;
    readonly since?: string;
    readonly doneAfterMs: number;
}

/**
 * Waits for every task at once as the provider host does (`waitOnPollerForTask` on the client's shared default poller, real
 * clock), turning each done when its time comes, and measures how long after that each wait returned.
 */
async function waitAndMeasure(emu: RunningEmulator, client: PurgeClient, tasks: Promise<Watched>[], started: number,
    label?: string): Promise<WaitFigures> {
    const outcomes = await Promise.all(tasks.map(async (pending) => {
        const { taskId, since, doneAfterMs } = await pending;
        let doneAt = Infinity;
        const timer = setTimeout(() => { doneAt = Date.now(); emu.store.complete(taskId); }, doneAfterMs);
        const result = await waitOnPollerForTask(cdnPoller(client), { taskId, since, clock: realClock, sleep: realSleep,
            timeoutMs: DEFAULT_WAIT.timeoutSeconds * 1000, notVisibleGraceMs: 60_000, expectedRecords: 1 });
        clearTimeout(timer);
        return { state: result.state, overshootMs: Date.now() - doneAt };
    }));
    const stats = emu.stats.snapshot();
    const overshoots = outcomes.filter((o) => o.state === "done").map((o) => o.overshootMs / 1000);
    const states: Record<string, number> = {};
    outcomes.forEach((o) => { states[o.state] = (states[o.state] ?? 0) + 1; });
    const describeCalls = stats.requests.DescribePurgeTasks ?? 0;
    return { waits: tasks.length, ...(label ? { label } : {}), states, overshootMedianS: median(overshoots),
        overshootP95S: percentile(overshoots, 95), overshootMaxS: Math.max(...overshoots), describeCalls,
        callsPerWait: describeCalls / tasks.length, throttled: stats.throttled, wallSeconds: (Date.now() - started) / 1000 };
}

/**
 * Submits `waits` purges with the real client, waits for each as the provider host does (`waitOnPollerForTask` on the
 * client's shared default poller, real clock), and turns each task done at a seeded time `doneAfterMs` after its submission.
 *
 * @example
 * await benchWaits(50, [10_000, 20_000], 7);
 */
export async function benchWaits(waits: number, doneAfterMs: readonly [number, number], seedValue: number): Promise<WaitFigures> {
    const emu = await startEmulator({ completeAfterMs: 3_600_000 });
    const client = new PurgeClient(resolveConnection(connectionFor(emu), undefined, {}));
    const random = seededRandom(seedValue);
    const started = Date.now();
    try {
        await realSleep(1100);
        return await waitAndMeasure(emu, client, Array.from({ length: waits }, async (_, i) => {
            const since = formatApiTime(new Date(Date.now() - 1000));
            const { taskId } = await client.purgeUrlsCache({ urls: [`https://www.example.com/e2e/${i}.html`] });
            return { taskId, since, doneAfterMs: uniform(random, doneAfterMs[0], doneAfterMs[1]) };
        }), started);
    } finally {
        await emu.close();
    }
}

/**
 * Waits on task ids the process did not submit, as a PurgeTaskWaiter given ids from elsewhere does: `olderRecords`
 * finished records of other purges and then `waits` tasks are put straight into the emulator's store, and after a
 * second the waits start together, each with the id only (no submission time), on the shared default poller of a
 * fresh client; each task turns done at a seeded time `doneAfterMs` after the waits start.
 *
 * @example
 * await benchWaitsElsewhere(50, 3000, [3000, 6600], 7);
 */
export async function benchWaitsElsewhere(waits: number, olderRecords: number, doneAfterMs: readonly [number, number],
    seedValue: number): Promise<WaitFigures> {
    const emu = await startEmulator({ completeAfterMs: 3_600_000 });
    const random = seededRandom(seedValue);
    const submit = (urls: string[]) => emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls });
    try {
        for (let i = 0; i < olderRecords; i += 100) {
            const urls = Array.from({ length: Math.min(100, olderRecords - i) }, (_, j) => `https://www.example.com/old/${i + j}.png`);
            emu.store.complete(submit(urls));
        }
        await realSleep(1100); // the tasks waited on are created a second after the older ones
        const taskIds = Array.from({ length: waits }, (_, i) => submit([`https://www.example.com/elsewhere/${i}.html`]));
        await realSleep(1100);
        const client = new PurgeClient(resolveConnection(connectionFor(emu), undefined, {}));
        // Ids only, no submission time: as a PurgeTaskWaiter given ids from elsewhere.
        return await waitAndMeasure(emu, client, taskIds.map(async (taskId) =>
            ({ taskId, doneAfterMs: uniform(random, doneAfterMs[0], doneAfterMs[1]) })), Date.now(),
            `${waits} on ids from elsewhere, ${olderRecords} older records`);
    } finally {
        await emu.close();
    }
}
