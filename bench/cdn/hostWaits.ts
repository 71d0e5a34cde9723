/**
 * Waits on task ids from elsewhere as users run them: fifty `PurgeTaskWaiter` creates sent together to Pulumi's own
 * dynamic-provider host (a child process, over gRPC, as the engine sends them), the built package reading the
 * emulator over HTTP on the real clock. The emulator runs in this process, so the bench turns each task done at
 * its own time and knows when. The simulated counterpart is workload (d0) in `workloads.ts`.
 */
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { DynamicHost } from "../dynamicHost";
import { realSleep } from "../../provider/base/clock";
import { seededRandom, uniform } from "../sim/random";
import { median, percentile } from "../sim/stats";

/** The workload: how many waits, how many older records of other purges, when the tasks turn done. */
export interface HostWaitWorkload {
    readonly waits: number;
    readonly olderRecords: number;
    /** Each task turns done at a uniform time in this range after the creates are sent, ms. */
    readonly doneAfterMs: readonly [number, number];
}

/** The workload of the real-clock row: fifty waits, 3,000 older records, done 0-4 s after the waits start. */
export const HOST_ELSEWHERE: HostWaitWorkload = { waits: 50, olderRecords: 3000, doneAfterMs: [0, 4000] };

/** One run: release delays over its fifty waits, and what it cost. */
export interface HostWaitRun {
    readonly seed: number;
    readonly states: Record<string, number>;
    /** From a task turning done to its Create answer reaching the caller, seconds. */
    readonly releaseMedianS: number;
    readonly releaseP95S: number;
    readonly releaseMaxS: number;
    /** DescribePurgeTasks calls of the whole run. */
    readonly calls: number;
    readonly throttled: number;
    /** When each DescribePurgeTasks reached the emulator, seconds after the creates were sent. */
    readonly callsAtS: readonly number[];
}

/** Every run, and the median and spread of their medians. */
export interface HostWaitFigures {
    readonly workload: HostWaitWorkload;
    readonly runs: readonly HostWaitRun[];
    readonly releaseMedianS: number;
    readonly releaseMedianMinS: number;
    readonly releaseMedianMaxS: number;
    readonly callsMedian: number;
    readonly callsMin: number;
    readonly callsMax: number;
    /** Every wait of every run pooled, seconds. */
    readonly pooledMedianS: number;
    readonly pooledP95S: number;
}

const hostFor = (emu: RunningEmulator) => DynamicHost.start({
    TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
    TENCENTCLOUD_CDN_ENDPOINT: emu.url,
});

/** One run on a fresh emulator and a fresh host (a fresh poller, as in a new `pulumi up`), and its release delays. */
async function runOnce(workload: HostWaitWorkload, provider: string, seed: number): Promise<{ run: HostWaitRun; released: number[] }> {
    const emu = await startEmulator({ completeAfterMs: 3_600_000 });
    const random = seededRandom(seed);
    const submit = (urls: string[]) => emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls });
    let host: DynamicHost | undefined;
    try {
        for (let i = 0; i < workload.olderRecords; i += 100) {
            const urls = Array.from({ length: Math.min(100, workload.olderRecords - i) }, (_, j) => `https://www.example.com/old/${i + j}.png`);
            emu.store.complete(submit(urls));
        }
        await realSleep(1100); // the tasks waited on are created a second after the older ones
        const taskIds = Array.from({ length: workload.waits }, (_, i) => submit([`https://www.example.com/elsewhere/${i}.html`]));
        host = await hostFor(emu);
        // The engine configures a provider before its first create; the package is loaded then.
        await host.configure();
        await realSleep(1100); // the client's and the emulator's rate windows start empty
        emu.stats.reset();
        const started = Date.now();
        const outcomes = await Promise.all(taskIds.map(async (taskId) => {
            let doneAt = Infinity;
            const timer = setTimeout(() => { doneAt = Date.now(); emu.store.complete(taskId); },
                uniform(random, workload.doneAfterMs[0], workload.doneAfterMs[1]));
            try {
                const outputs = await host!.create({ __provider: provider, taskId });
                return { state: String(outputs.status), releaseMs: Date.now() - doneAt };
            } catch (e) {
                return { state: `error: ${e instanceof Error ? e.message : String(e)}`, releaseMs: NaN };
            } finally {
                clearTimeout(timer);
            }
        }));
        const stats = emu.stats.snapshot();
        const released = outcomes.filter((o) => o.state === "done").map((o) => o.releaseMs / 1000);
        const states: Record<string, number> = {};
        outcomes.forEach((o) => { states[o.state] = (states[o.state] ?? 0) + 1; });
        const run = { seed, states, releaseMedianS: median(released), releaseP95S: percentile(released, 95),
            releaseMaxS: Math.max(...released), calls: stats.requests.DescribePurgeTasks ?? 0, throttled: stats.throttled,
            callsAtS: stats.recent.filter((r) => r.action === "DescribePurgeTasks").map((r) => (r.time - started) / 1000) };
        return { run, released };
    } finally {
        host?.stop();
        await emu.close();
    }
}

/**
 * `runs` runs of `workload`, each on a fresh emulator and host, seeds `seed`, `seed + 1`, ...; needs the built
 * package (`bin/`), which the host loads as a program's folder would.
 *
 * @example
 * const figures = await benchHostWaits(HOST_ELSEWHERE, 5, 20261129);
 */
export async function benchHostWaits(workload: HostWaitWorkload, runs: number, seed: number): Promise<HostWaitFigures> {
    const provider = await DynamicHost.serialize(hostedProvider("waiter"));
    const all: { run: HostWaitRun; released: number[] }[] = [];
    for (let i = 0; i < runs; i++) {
        all.push(await runOnce(workload, provider, seed + i));
    }
    const medians = all.map((r) => r.run.releaseMedianS);
    const calls = all.map((r) => r.run.calls);
    const pooled = all.flatMap((r) => r.released);
    return {
        workload, runs: all.map((r) => r.run),
        releaseMedianS: median(medians), releaseMedianMinS: Math.min(...medians), releaseMedianMaxS: Math.max(...medians),
        callsMedian: median(calls), callsMin: Math.min(...calls), callsMax: Math.max(...calls),
        pooledMedianS: median(pooled), pooledP95S: percentile(pooled, 95),
    };
}
