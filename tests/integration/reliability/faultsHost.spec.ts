/**
 * Fault suite through Pulumi's real dynamic-provider host (the path `pulumi up` takes): waits keep going
 * through transient faults, end by their own deadline naming the last error, never report done for a task
 * that is not done, keep the task in a partial state, and leave the host answering. Each case has its own
 * emulator and host, and all run at once.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, FaultRule, RunningEmulator, startEmulator } from "../../../emulator";
import { PurgeClient } from "../../../provider/client/client";
import { resolveConnection } from "../../../provider/client/connection";
import { hostedProvider } from "../../../sdk/hostedProvider";
import { HostError, ProviderHost } from "../../support/providerHost";
import { closedPort, guardUnhandled, settle, Settled } from "./support/guards";
import { finish, record } from "./support/report";

const URL = "https://www.example.com/host-fault.html";
const d = (rule: Omit<FaultRule, "action">): FaultRule => ({ ...rule, action: "DescribePurgeTasks" });

interface HostCase {
    readonly tried: string;
    /** Waiter inputs besides __provider and taskId. */
    readonly inputs: Record<string, unknown>;
    readonly rules?: FaultRule[];
    readonly expect: "done" | RegExp;
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
        expect: /timed out after \d+ s waiting for purge task \d+: .*last error: .*ConnectionFailed/, maxMs: 14_000 },
    { tried: "InternalError.CdnQuerySystemError, every time", rules: [d({ kind: "apiError", code: "InternalError.CdnQuerySystemError", times: "always" })],
        inputs: { timeoutSeconds: 12 }, expect: /timed out .*last error: .*InternalError\.CdnQuerySystemError/, maxMs: 14_000 },
    { tried: "refused connection (closed port)", refused: true, inputs: { timeoutSeconds: 12 },
        expect: /timed out .*last error: .*ECONNREFUSED/, maxMs: 14_000 },
    { tried: "answers that never come (slow 30 s; host request timeout 10 s), own pacing", rules: [d({ kind: "slow", delayMs: 30_000, times: "always" })],
        inputs: { timeoutSeconds: 3, minDelaySeconds: 0.5, maxDelaySeconds: 1 }, expect: /timed out/, maxMs: 6500 },
    { tried: "answers that never come (slow 30 s), shared poller", rules: [d({ kind: "slow", delayMs: 30_000, times: "always" })],
        inputs: { timeoutSeconds: 3 }, expect: /timed out after \d+ s waiting for purge task/, maxMs: 5000 },
    { tried: "task vanishes from the answers mid-wait", inputs: { timeoutSeconds: 4 }, completeAfterMs: 60_000, expect: /timed out .*1 of 1 URL still pending: https/,
        maxMs: 6000, during: async (emu, taskId) => { await seen(emu); emu.store.vanish(taskId); } },
    { tried: "emulator restarted mid-wait (same port, task kept)", completeAfterMs: 60_000, inputs: { timeoutSeconds: 20 }, expect: "done", maxMs: 20_000,
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once the wait has had an answer listing the task. */
async function seen(emu: RunningEmulator): Promise<void> {
    while (!emu.stats.snapshot().recent.some((r) => r.action === "DescribePurgeTasks" && !r.code)) {
        await sleep(50);
    }
}

describe("reliability: faults through the provider host (PurgeTaskWaiter)", function () {
    this.timeout(60_000);
    guardUnhandled();
    const running: Array<Promise<{ r: Settled<unknown>; host: ProviderHost; emu: () => RunningEmulator; taskId: string; provider: string }>> = [];
    const cleanup: Array<() => Promise<void> | void> = [];

    before(() => {
        for (const c of CASES) {
            const run = (async () => {
                let emu = await startEmulator({ completeAfterMs: c.completeAfterMs ?? 1500 });
                cleanup.push(() => emu.close().catch(() => undefined));
                const conn = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
                const { taskId } = await new PurgeClient(resolveConnection(conn, undefined, {})).purgeUrlsCache({ urls: [URL] });
                const endpoint = c.refused ? `http://127.0.0.1:${await closedPort()}` : emu.url;
                const host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
                    TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: endpoint });
                cleanup.push(() => host.stop());
                const provider = await ProviderHost.serialize(hostedProvider("waiter"));
                emu.faults.add(c.rules ?? []);
                const r = settle(() => host.create({ __provider: provider, taskId, ...c.inputs }));
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

    CASES.forEach((c, i) => {
        it(`${c.tried}: ${c.expect === "done" ? "recovers, done only once done" : "fails by its deadline naming the cause"}`, async () => {
            const { r, host, emu, taskId, provider } = await running[i];
            const err = r.ok ? undefined : (r.error as HostError);
            const outs = r.ok ? (r.value as any).properties : err?.partial?.properties;
            const doneInStore = emu().store.allRecords().some((x) => x.taskId === taskId) &&
                emu().store.allRecords().filter((x) => x.taskId === taskId).every((x) => x.status === "done");
            const falseDone = outs?.status === "done" && !doneInStore;
            // The host still answers afterwards.
            const alive = (await host.check({}, { __provider: provider, taskId: "1" })).failures.length === 0;
            const ok = !falseDone && alive && r.ms <= c.maxMs && (c.expect === "done"
                ? r.ok && outs.status === "done"
                : !r.ok && c.expect.test(err!.message) && outs?.status === "process");
            record("faults", { tried: c.tried, target: "wait (PurgeTaskWaiter in the provider host)",
                outcome: r.ok ? "done (recovered)" : `failed${err?.partial ? ", partial state kept (status process)" : ""}`,
                detail: r.ok ? `status ${outs.status}` : err!.message, survived: ok });
            assert.ok(!falseDone, "reported done for a task that is not done");
            assert.ok(alive, "the host no longer answers");
            assert.ok(r.ms <= c.maxMs, `took ${r.ms} ms, allowed ${c.maxMs} ms`);
            if (c.expect === "done") {
                assert.ok(r.ok, err?.message);
                assert.strictEqual(outs.status, "done");
            } else {
                assert.ok(!r.ok, "should have failed");
                assert.match(err!.message, c.expect);
                assert.strictEqual(outs?.status, "process");
            }
            assert.doesNotMatch(host.stderr, /Unhandled|TypeError|ReferenceError/);
        });
    });
});
