/**
 * Fault suite through Pulumi's real dynamic-provider host (the path `pulumi up` takes), for every product's
 * PurgeTaskWaiter (the cases that need the emulator to lose or restore a task are CDN's): waits keep going
 * through transient faults, end by their own deadline naming the last error, never report done for a task
 * that is not done, keep the task in a partial state, and leave the host answering. Each case has its own
 * emulator and host, and all run at once.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, FaultRule, RunningEmulator, startEmulator } from "../../../emulator";
import { PurgeClient } from "../../../provider/cdn/client";
import { resolveConnection } from "../../../provider/client/connection";
import { hostedProvider } from "../../../sdk/hostedProvider";
import { HostError, ProviderHost } from "../../support/providerHost";
import { closedPort, guardUnhandled, settle, Settled } from "./support/guards";
import { finish, record } from "./support/report";

const URL = "https://www.example.com/host-fault.html";
const ZONE = "zone-2noz78a8ev6k";
const d = (rule: Omit<FaultRule, "action">): FaultRule => ({ ...rule, action: "DescribePurgeTasks" });

interface HostCase {
    readonly tried: string;
    /** Waiter inputs besides __provider and taskId. */
    readonly inputs: Record<string, unknown>;
    readonly rules?: FaultRule[];
    /** Done, or the failure's message, given how the product names its job (`purge task \d+`, `EdgeOne job \w+`). */
    readonly expect: "done" | ((job: string) => RegExp);
    /** Only for CDN: the emulator can make a CDN task vanish or hold it across a restart. */
    readonly cdnOnly?: true;
    /** The wait's deadline plus what the test allows beyond it. */
    readonly maxMs: number;
    readonly refused?: boolean;
    /** How long the emulator takes to finish the task. Default 1.5 s. */
    readonly completeAfterMs?: number;
    readonly during?: (emu: RunningEmulator, taskId: string, swap: (e: RunningEmulator) => void) => Promise<void>;
}

const CASES: readonly HostCase[] = [
    { tried: "throttle, then InternalError.CdnDbError", rules: [d({ kind: "throttle" }),
        d({ kind: "apiError", code: "InternalError.CdnDbError" })], inputs: { timeoutSeconds: 30 }, expect: "done", maxMs: 30_000 },
    { tried: "HTTP 503 x3, connection reset x2, 200 non-JSON, 200 {}", rules: [d({ kind: "http", status: 503, times: 3 }),
        d({ kind: "reset", times: 2 }), d({ kind: "badJson" }), d({ kind: "emptyJson" })], inputs: { timeoutSeconds: 30 }, expect: "done", maxMs: 30_000 },
    { tried: "connection reset, every time", rules: [d({ kind: "reset", times: "always" })], inputs: { timeoutSeconds: 12 },
        expect: (job) => new RegExp(`timed out after \\d+ s waiting for ${job}: .*last error: .*ConnectionFailed`), maxMs: 15_000 },
    { tried: "InternalError.CdnQuerySystemError, every time", rules: [d({ kind: "apiError", code: "InternalError.CdnQuerySystemError", times: "always" })],
        inputs: { timeoutSeconds: 12 }, expect: () => /timed out .*last error: .*InternalError\.CdnQuerySystemError/, maxMs: 15_000 },
    { tried: "refused connection (closed port)", refused: true, inputs: { timeoutSeconds: 12 },
        expect: () => /timed out .*last error: .*ECONNREFUSED/, maxMs: 15_000 },
    { tried: "answers that never come (slow 30 s; host request timeout 10 s), own pacing", rules: [d({ kind: "slow", delayMs: 30_000, times: "always" })],
        inputs: { timeoutSeconds: 3, minDelaySeconds: 0.5, maxDelaySeconds: 1 }, expect: () => /timed out/, maxMs: 7500 },
    { tried: "answers that never come (slow 30 s), shared poller", rules: [d({ kind: "slow", delayMs: 30_000, times: "always" })],
        inputs: { timeoutSeconds: 3 }, expect: (job) => new RegExp(`timed out after \\d+ s waiting for ${job}`), maxMs: 5000 },
    { tried: "task vanishes from the answers mid-wait", cdnOnly: true, inputs: { timeoutSeconds: 4 }, completeAfterMs: 60_000,
        expect: () => /timed out .*1 of 1 URL still pending: https/,
        maxMs: 6000, during: async (emu, taskId) => { await seen(emu); emu.store.vanish(taskId); } },
    { tried: "emulator restarted mid-wait (same port, task kept)", cdnOnly: true, completeAfterMs: 60_000, inputs: { timeoutSeconds: 20 }, expect: "done", maxMs: 20_000,
        during: async (emu, taskId, swap) => {
            await seen(emu);
            const created = emu.store.allRecords()[0].createdAtMs;
            await emu.close();
            // A fixed outage, not a proof of absence: the wait must meet refused connections for a while, and
            // no event marks that (a refused connection never reaches an emulator).
            await sleep(1500);
            let frozen: number | undefined = created;
            const next = await startEmulator({ port: emu.port, completeAfterMs: 1000, now: () => frozen ?? Date.now() });
            next.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: [URL] });
            frozen = undefined;
            assert.strictEqual(next.store.allRecords()[0].taskId, taskId);
            swap(next);
        } },
];

/** What the cases need to know of a product's waiter. */
interface ProductUnderTest {
    readonly name: string;
    readonly waiter: Parameters<typeof hostedProvider>[0];
    readonly endpointVar: string;
    /** Puts one job of one target in the emulator; its id. */
    submit(emu: RunningEmulator): Promise<string>;
    /** The waiter's inputs for job `id`, besides the case's. */
    inputs(id: string): Record<string, unknown>;
    /** How the product's messages name job `id`, as a pattern. */
    job(id: string): string;
    /** Whether every record of job `id` is done in the emulator. */
    doneInStore(emu: RunningEmulator, id: string): boolean;
    readonly status: { readonly done: string; readonly pending: string };
}

const PRODUCTS: readonly ProductUnderTest[] = [
    {
        name: "PurgeTaskWaiter", waiter: "waiter", endpointVar: "TENCENTCLOUD_CDN_ENDPOINT",
        submit: async (emu) => (await new PurgeClient(resolveConnection({ ...EMULATOR_CREDENTIALS, endpoint: emu.url }, undefined, {}))
            .purgeUrlsCache({ urls: [URL] })).taskId,
        inputs: (taskId) => ({ taskId }),
        job: () => "purge task \\d+",
        doneInStore: (emu, taskId) => {
            const records = emu.store.allRecords().filter((x) => x.taskId === taskId);
            return records.length > 0 && records.every((x) => x.status === "done");
        },
        status: { done: "done", pending: "process" },
    },
    {
        name: "edgeone.PurgeTaskWaiter", waiter: "edgeOneWaiter", endpointVar: "TENCENTCLOUD_TEO_ENDPOINT",
        submit: async (emu) => emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets: [URL] }),
        inputs: (jobId) => ({ zoneId: ZONE, jobId }),
        job: (jobId) => `EdgeOne job ${jobId}`,
        doneInStore: (emu, jobId) => {
            const tasks = emu.teoStore.allRecords().filter((x) => x.jobId === jobId);
            return tasks.length > 0 && tasks.every((x) => x.status === "success");
        },
        status: { done: "success", pending: "processing" },
    },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once the wait has had an answer listing the task. */
async function seen(emu: RunningEmulator): Promise<void> {
    while (!emu.stats.snapshot().recent.some((r) => r.action === "DescribePurgeTasks" && !r.code)) {
        await sleep(50);
    }
}

/** Every case for every product, CDN-only cases for CDN only. */
const RUNS = PRODUCTS.flatMap((product) => CASES.filter((c) => !c.cdnOnly || product.waiter === "waiter").map((c) => ({ product, c })));

describe("reliability: faults through the provider host (every product's PurgeTaskWaiter)", function () {
    this.timeout(60_000);
    guardUnhandled();
    const running: Array<Promise<{ r: Settled<unknown>; host: ProviderHost; emu: () => RunningEmulator; taskId: string; provider: string }>> = [];
    const cleanup: Array<() => Promise<void> | void> = [];

    before(() => {
        for (const { product, c } of RUNS) {
            const run = (async () => {
                let emu = await startEmulator({ completeAfterMs: c.completeAfterMs ?? 1500 });
                cleanup.push(() => emu.close().catch(() => undefined));
                const taskId = await product.submit(emu);
                const endpoint = c.refused ? `http://127.0.0.1:${await closedPort()}` : emu.url;
                const host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
                    TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, [product.endpointVar]: endpoint });
                cleanup.push(() => host.stop());
                const provider = await ProviderHost.serialize(hostedProvider(product.waiter));
                emu.faults.add(c.rules ?? []);
                const r = settle(() => host.create({ __provider: provider, ...product.inputs(taskId), ...c.inputs }));
                await c.during?.(emu, taskId, (next) => { emu = next; cleanup.push(() => next.close().catch(() => undefined)); });
                return { r: await r, host, emu: () => emu, taskId, provider };
            })();
            run.catch(() => undefined);
            running.push(run);
        }
    });
    after(async () => {
        await Promise.all(cleanup.map((f) => f()));
        finish("faults");
    });

    RUNS.forEach(({ product, c }, i) => {
        it(`${product.name}: ${c.tried}: ${c.expect === "done" ? "recovers, done only once done" : "fails by its deadline naming the cause"}`, async () => {
            const { r, host, emu, taskId, provider } = await running[i];
            const err = r.ok ? undefined : (r.error as HostError);
            const outs = r.ok ? (r.value as any).properties : err?.partial?.properties;
            const falseDone = outs?.status === product.status.done && !product.doneInStore(emu(), taskId);
            const expect = c.expect === "done" ? "done" : c.expect(product.job(taskId));
            // The host still answers afterwards.
            const alive = (await host.check({}, { __provider: provider, ...product.inputs("1") })).failures.length === 0;
            const ok = !falseDone && alive && r.ms <= c.maxMs && (expect === "done"
                ? r.ok && outs.status === product.status.done
                : !r.ok && expect.test(err!.message) && outs?.status === product.status.pending);
            record("faults", { tried: c.tried, target: `wait (${product.name} in the provider host)`,
                outcome: r.ok ? "done (recovered)" : `failed${err?.partial ? `, partial state kept (status ${product.status.pending})` : ""}`,
                detail: r.ok ? `status ${outs.status}` : err!.message, survived: ok });
            assert.ok(!falseDone, "reported done for a task that is not done");
            assert.ok(alive, "the host no longer answers");
            assert.ok(r.ms <= c.maxMs, `took ${r.ms} ms, allowed ${c.maxMs} ms`);
            if (expect === "done") {
                assert.ok(r.ok, err?.message);
                assert.strictEqual(outs.status, product.status.done);
            } else {
                assert.ok(!r.ok, "should have failed");
                assert.match(err!.message, expect);
                assert.strictEqual(outs?.status, product.status.pending);
            }
            assert.doesNotMatch(host.stderr, /Unhandled|TypeError|ReferenceError/);
        });
    });
});
