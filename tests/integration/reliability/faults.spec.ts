/**
 * Fault suite, in process, for every product: its getPurgeTasks, and waits (the pure wait loop, through the
 * product's shared poller and with plain backoff, over its real client) against emulators injecting every fault
 * kind (a task that vanishes, and a restart that keeps or loses it, are CDN's: the emulator does them for CDN).
 * Each case runs on its own emulator, so all cases run at once and the suite takes as long as its slowest case.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, FaultRule, INTERNAL_ERROR_CODES, RunningEmulator, startEmulator } from "../../../emulator";
import { realClock, realSleep } from "../../../provider/base/clock";
import { PurgeClient, PurgeClientOptions } from "../../../provider/cdn/client";
import { resolveConnection } from "../../../provider/client/connection";
import { SpacedRateLimiter } from "../../../provider/client/spacedRateLimiter";
import { REQUESTS_PER_SECOND, WINDOW_MS } from "../../../provider/client/actionLimiters";
import { RetryPolicy } from "../../../provider/client/retry";
import { readRecordsOfTask } from "../../../provider/cdn/recordsOfTasks";
import { EdgeOneClient } from "../../../provider/edgeone/client";
import { edgeOneJobReader } from "../../../provider/edgeone/jobReader";
import { readJobsTasks } from "../../../provider/edgeone/paging";
import { EDGEONE_RECORDS } from "../../../provider/edgeone/records";
import type { EdgeOnePurgeTask } from "../../../sdk/edgeone";
import {
    BackoffPacing, CoalescingPoller, describeWaitResult, runWaitLoop, waitOnPollerForTask, WaitResult,
} from "../../../provider/wait";
import { getPurgeTasks } from "../../../sdk/getPurgeTasks";
import * as edgeone from "../../../sdk/edgeone";
import { closedPort, guardUnhandled, settle, Settled, SOAK } from "./support/guards";
import { finish, record } from "./support/report";
import { CDN_RECORDS } from "../../../provider/cdn/records";
import { cdnPolling } from "../../../provider/cdn/poller";
import { PurgeTask } from "../../../provider/cdn/types";

const URL = "https://www.example.com/reliability.html";
const ZONE = "zone-2noz78a8ev6k";
/** The deadline of waits meant to time out: long enough for a few failed checks under the shared rate limit. */
const PERSISTENT_MS = 5000;
/** The wait matrix uses a client that gives up fast, so the wait loop itself does the retrying. */
const QUICK_RETRY: RetryPolicy = { maxAttempts: 2, baseDelayMs: 50, throttledBaseDelayMs: 300, maxDelayMs: 500 };

interface Env {
    emu: RunningEmulator;
    connection: { secretId: string; secretKey: string; endpoint: string; requestTimeoutSeconds: number };
    taskId: string;
}

const envs: RunningEmulator[] = [];
/** Both matrices start together (in the outer `before`), so the suite lasts as long as its slowest case. */
const starters: Array<() => void> = [];

/** An emulator of its own holding one job of `product` (CDN's by default). */
async function env(completeAfterMs = 60_000, product: ProductUnderTest = PRODUCTS[0]): Promise<Env> {
    const emu = await startEmulator({ completeAfterMs });
    envs.push(emu);
    const connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url, requestTimeoutSeconds: 1 };
    const taskId = await product.submit(emu);
    emu.stats.reset();
    return { emu, connection, taskId };
}

/** Each wait case's client gets its own 20/s limiter: each emulator is a separate account with its own budget. */
function ownLimiters(): NonNullable<PurgeClientOptions["limiterFor"]> {
    const limiters = new Map<string, SpacedRateLimiter>();
    return (action: string, timing?: ConstructorParameters<typeof SpacedRateLimiter>[2]) => {
        if (!limiters.has(action)) {
            limiters.set(action, new SpacedRateLimiter(REQUESTS_PER_SECOND, WINDOW_MS, timing ?? { now: realClock.now, sleep: realSleep }));
        }
        return limiters.get(action)!;
    };
}

const errText = (e: any): string => (e instanceof Error ? `${(e as any).code ?? e.name}: ${e.message}` : String(e));
const transient = (rule: Omit<FaultRule, "action" | "times">, times = 2): FaultRule =>
    ({ ...rule, action: "DescribePurgeTasks", times });
const always = (rule: Omit<FaultRule, "action" | "times">): FaultRule =>
    ({ ...rule, action: "DescribePurgeTasks", times: "always" });

/** Every fault kind, named. `slow` outlasts the 1 s request timeout. */
const KINDS: ReadonlyArray<readonly [string, Omit<FaultRule, "action" | "times">]> = [
    ["throttle", { kind: "throttle" }],
    ...INTERNAL_ERROR_CODES.map((code) => [code, { kind: "apiError", code }] as const),
    ["HTTP 500", { kind: "http", status: 500 }],
    ["HTTP 502", { kind: "http", status: 502 }],
    ["HTTP 503", { kind: "http", status: 503 }],
    ["HTTP 504", { kind: "http", status: 504 }],
    ["slow answer (2.5 s, request timeout 1 s)", { kind: "slow", delayMs: 2500 }],
    ["connection reset", { kind: "reset" }],
    ["200 with a body that is not JSON", { kind: "badJson" }],
    ["200 {}", { kind: "emptyJson" }],
];

/** Permanent errors: no retry, one request, a hint. */
const PERMANENT = ["UnauthorizedOperation.CdnCamUnauthorized", "ResourceNotFound.CdnUserNotExists",
    "UnauthorizedOperation.OpNoAuth", "InvalidParameter.CdnParamError", "AuthFailure.SignatureFailure"];

/** What the getPurgeTasks matrix needs to know of a product. */
interface ProductUnderTest {
    readonly name: string;
    /** The code the API answers a throttled read with. */
    readonly throttleCode: string;
    /** Puts one job of one target in the emulator; its id. */
    submit(emu: RunningEmulator): Promise<string>;
    /** Reads the job through the product's getPurgeTasks; its records. */
    read(connection: Env["connection"], id: string): Promise<ReadonlyArray<Record<string, unknown>>>;
    /** The status of a job not yet finished. */
    readonly pending: string;
    /** Makes the API stop listing the job, where the emulator can. */
    readonly vanish?: (emu: RunningEmulator, id: string) => void;
    /** Permanent error codes of the product's API. */
    readonly permanent: readonly string[];
    /** A wait on job `id` through the product's real client, paced by its shared poller or by plain backoff. */
    wait(mode: "poller" | "backoff", connection: Env["connection"], clientOptions: PurgeClientOptions, id: string,
        common: WaitCommon): Promise<WaitResult<unknown>>;
    /** Whether every record of job `id` is done in the emulator. */
    doneInStore(emu: RunningEmulator, id: string): boolean;
    /** What one record is about, in messages. */
    readonly noun: string;
    /** A permanent error of a read, and how the wait's message names it. */
    readonly permanentWait: { readonly code: string; readonly pattern: RegExp };
    /** Whether the emulator can restart holding the job again (CDN's tasks only). */
    readonly restartable: boolean;
}

/** The wait options every case shares. */
type WaitCommon = Omit<Parameters<typeof runWaitLoop>[0], "check" | "pacing" | "records">;
/** The poller's pacing in the wait matrix, and the same bounds as backoff. */
const PACE = { minDelayMs: 300, maxDelayMs: 1000 };
const backoff: BackoffPacing = { kind: "backoff", ...PACE, random: Math.random };

const PRODUCTS: readonly ProductUnderTest[] = [
    {
        name: "CDN",
        submit: async (emu) => (await new PurgeClient(resolveConnection({ ...EMULATOR_CREDENTIALS, endpoint: emu.url }, undefined, {}))
            .purgeUrlsCache({ urls: [URL] })).taskId,
        read: async (connection, taskId) => (await getPurgeTasks({ taskId }, { connection })).purgeLogs as never,
        pending: "process",
        vanish: (emu, taskId) => emu.store.vanish(taskId),
        permanent: PERMANENT,
        wait: (mode, connection, options, taskId, common) => {
            const client = new PurgeClient(resolveConnection(connection, undefined, {}), options);
            return mode === "poller"
                ? waitOnPollerForTask(new CoalescingPoller({ ...cdnPolling(client), clock: realClock, sleep: realSleep, random: Math.random, ...PACE }),
                    { ...common, taskId })
                : runWaitLoop({ ...common, records: CDN_RECORDS, check: (s) => readRecordsOfTask(client, taskId, s), pacing: backoff });
        },
        doneInStore: (emu, taskId) => {
            const records = emu.store.allRecords().filter((x) => x.taskId === taskId);
            return records.length > 0 && records.every((x) => x.status === "done");
        },
        noun: "URL",
        throttleCode: "OperationTooOften",
        permanentWait: { code: "UnauthorizedOperation.CdnCamUnauthorized", pattern: /CdnCamUnauthorized.*Hint/ },
        restartable: true,
    },
    {
        name: "EdgeOne",
        submit: async (emu) => emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets: [URL] }),
        read: async (connection, jobId) => (await edgeone.getPurgeTasks({ zoneId: ZONE, jobId },
            { connection: { ...connection, teoEndpoint: connection.endpoint } })).tasks as never,
        pending: "processing",
        permanent: ["UnauthorizedOperation.NoPermission", "ResourceNotFound.ZoneNotFound", "AuthFailure.SignatureFailure"],
        wait: (mode, connection, options, jobId, common) => {
            const client = new EdgeOneClient(resolveConnection({ ...connection, teoEndpoint: connection.endpoint }, undefined, {}), options);
            const kind = { ...common, records: EDGEONE_RECORDS };
            return mode === "poller"
                ? waitOnPollerForTask(new CoalescingPoller({ reader: edgeOneJobReader(client, ZONE), records: EDGEONE_RECORDS, clock: realClock,
                    sleep: realSleep, random: Math.random, ...PACE }), { ...kind, taskId: jobId })
                : runWaitLoop({ ...kind, check: (s) => readJobsTasks(client, ZONE, [jobId], s), pacing: backoff });
        },
        doneInStore: (emu, jobId) => {
            const tasks = emu.teoStore.allRecords().filter((x) => x.jobId === jobId);
            return tasks.length > 0 && tasks.every((x) => x.status === "success");
        },
        noun: "target",
        throttleCode: "RequestLimitExceeded",
        permanentWait: { code: "UnauthorizedOperation.NoPermission", pattern: /UnauthorizedOperation\.NoPermission/ },
        restartable: false,
    },
];

describe("reliability: faults (every product's getPurgeTasks, and the wait loop, in process)", function () {
    this.timeout(60_000);
    guardUnhandled();
    before(() => starters.forEach((start) => start()));
    after(async () => {
        await Promise.all(envs.map((e) => e.close().catch(() => undefined)));
        finish("faults");
    });

    for (const product of PRODUCTS) describe(`${product.name} getPurgeTasks`, () => {
        type Case = { name: string; run: Promise<Settled<ReadonlyArray<Record<string, unknown>>>>; e: Env };
        const cases = new Map<string, Case>();
        const start = (name: string, rules: FaultRule[], read?: (e: Env) => Promise<ReadonlyArray<Record<string, unknown>>>) => {
            const e = env(60_000, product);
            const run = e.then((x) => {
                x.emu.faults.add(rules);
                return settle(() => (read ? read(x) : product.read(x.connection, x.taskId)));
            });
            cases.set(name, { name, run, e: undefined as never });
            void e.then((x) => { cases.get(name)!.e = x; });
        };
        starters.push(() => {
            for (const [name, rule] of KINDS) {
                start(`${name} twice`, [transient(rule)]);
                if (rule.kind !== "throttle" || SOAK) {
                    start(`${name} always`, [always(rule)]);
                }
            }
            for (const code of product.permanent) {
                start(`permanent ${code}`, [transient({ kind: "apiError", code }, 1)]);
            }
            start("records with every field null", [transient({ kind: "nullFields" }, 1)]);
            start("a null list and TotalCount", [transient({ kind: "nullList" }, 1)]);
            start("refused connection (closed port)", [], async (x) =>
                product.read({ ...x.connection, endpoint: `http://127.0.0.1:${await closedPort()}` }, x.taskId));
            if (product.vanish) {
                start("task vanished from the answers", [], async (x) => {
                    product.vanish!(x.emu, x.taskId);
                    return product.read(x.connection, x.taskId);
                });
            }
        });

        const outcome = async (name: string) => {
            const c = cases.get(name)!;
            const r = await c.run;
            return { r, e: (await c.e ?? c.e) as Env, c };
        };
        const target = `${product.name} getPurgeTasks`;

        for (const [name, rule] of KINDS) {
            it(`recovers from ${name} twice`, async () => {
                const { r } = await outcome(`${name} twice`);
                const ok = r.ok && r.value.length === 1 && r.value[0].status === product.pending;
                record("faults", { tried: `${name} x2`, target, outcome: ok ? "recovered" : "failed",
                    detail: r.ok ? `1 record, status ${product.pending}` : errText(r.error), survived: ok });
                assert.ok(ok, r.ok ? "wrong records" : errText(r.error));
            });
            if (rule.kind !== "throttle" || SOAK) {
                it(`fails with a classified error and a hint on ${name} every time`, async () => {
                    const { r } = await outcome(`${name} always`);
                    const e = r.ok ? undefined : r.error;
                    const ok = !r.ok && e.name === "PurgeApiError" && e.retryable === true && !!e.hint &&
                        e.message.startsWith("DescribePurgeTasks failed: ");
                    record("faults", { tried: `${name}, every time`, target,
                        outcome: ok ? "failed after 6 tries (expected)" : "unexpected", detail: r.ok ? "answered" : errText(e), survived: ok });
                    assert.ok(ok, r.ok ? "answered" : errText(e));
                });
            }
        }
        for (const code of product.permanent) {
            it(`fails at once, without retrying, on ${code}`, async () => {
                const { r, e } = await outcome(`permanent ${code}`);
                const calls = e.emu.stats.snapshot().requests.DescribePurgeTasks;
                const ok = !r.ok && r.error.code === code && r.error.retryable === false && calls === 1;
                record("faults", { tried: code, target, outcome: ok ? "failed at once (1 request)" : "unexpected",
                    detail: r.ok ? "answered" : errText(r.error), survived: ok });
                assert.ok(ok, r.ok ? "answered" : `${errText(r.error)} after ${calls} requests`);
            });
        }
        it("passes records with null fields through as nulls", async () => {
            const { r } = await outcome("records with every field null");
            const logs = r.ok ? r.value : [];
            const ok = r.ok && logs.length === 1 && Object.values(logs[0]).every((v) => v === null);
            record("faults", { tried: "record with every field null", target, outcome: ok ? "answered" : "unexpected",
                detail: "1 record whose fields are all null (status null: not done)", survived: ok });
            assert.ok(ok, r.ok ? JSON.stringify(logs) : errText(r.error));
        });
        it("answers an empty list when the list and TotalCount are null", async () => {
            const { r } = await outcome("a null list and TotalCount");
            const ok = r.ok && r.value.length === 0;
            record("faults", { tried: "list null, TotalCount null", target, outcome: ok ? "answered" : "unexpected",
                detail: "0 records", survived: ok });
            assert.ok(ok, r.ok ? JSON.stringify(r.value) : errText(r.error));
        });
        it("fails with ConnectionFailed on a refused connection", async () => {
            const { r } = await outcome("refused connection (closed port)");
            const ok = !r.ok && r.error.code === "ConnectionFailed" && /ECONNREFUSED/.test(r.error.message);
            record("faults", { tried: "refused connection (closed port)", target,
                outcome: ok ? "failed after 6 tries (expected)" : "unexpected", detail: r.ok ? "answered" : errText(r.error), survived: ok });
            assert.ok(ok, r.ok ? "answered" : errText(r.error));
        });
        if (product.vanish) {
            it("answers no records for a task that vanished", async () => {
                const { r } = await outcome("task vanished from the answers");
                const ok = r.ok && r.value.length === 0;
                record("faults", { tried: "task vanished from the answers", target, outcome: ok ? "answered" : "unexpected",
                    detail: "0 records (the API lists nothing; a read cannot tell more)", survived: ok });
                assert.ok(ok);
            });
        }
    });

    for (const product of PRODUCTS) describe(`${product.name} waits over a real client`, () => {
        type Mode = "poller" | "backoff";
        interface WaitCase {
            readonly name: string;
            readonly mode: Mode;
            readonly run: Promise<{ r: Settled<WaitResult<unknown>>; e: Env; timeoutMs: number; doneInStore: () => boolean }>;
        }
        const cases = new Map<string, WaitCase>();

        /** Starts a wait on its own emulator; `during` runs once the first check has been answered. */
        const start = (name: string, mode: Mode, opts: {
            rules?: FaultRule[]; completeAfterMs?: number; timeoutMs: number;
            during?: (e: Env) => Promise<void>; endpoint?: (e: Env) => Promise<string>;
        }) => {
            const run = (async () => {
                const e = await env(opts.completeAfterMs ?? 1500, product);
                const endpoint = opts.endpoint ? await opts.endpoint(e) : e.connection.endpoint;
                let checks = 0;
                let firstAnswered!: () => void;
                const answered = new Promise<void>((resolve) => { firstAnswered = resolve; });
                const common = { clock: realClock, sleep: realSleep, timeoutMs: opts.timeoutMs, notVisibleGraceMs: 30_000, expectedRecords: 1,
                    onProgress: () => { if (++checks === 1) { firstAnswered(); } } };
                e.emu.faults.add(opts.rules ?? []);
                const r = settle(() => product.wait(mode, { ...e.connection, endpoint }, { retry: QUICK_RETRY, limiterFor: ownLimiters() },
                    e.taskId, common));
                if (opts.during) {
                    await Promise.race([answered, r]);
                    await opts.during(e);
                }
                const doneInStore = () => product.doneInStore(e.emu, e.taskId);
                return { r: await r, e, timeoutMs: opts.timeoutMs, doneInStore };
            })();
            run.catch(() => undefined);
            cases.set(`${mode}: ${name}`, { name, mode, run });
        };

        const restart = (keepTask: boolean) => async (e: Env) => {
            const created = e.emu.store.allRecords().find((x) => x.taskId === e.taskId)!.createdAtMs;
            await e.emu.close();
            await realSleep(700); // the wait meets refused connections meanwhile
            let frozen: number | undefined = created;
            const next = await startEmulator({ port: e.emu.port, completeAfterMs: 1500, now: () => frozen ?? Date.now() });
            envs.push(next);
            if (keepTask) {
                next.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: [URL] });
            }
            frozen = undefined;
            e.emu = next;
        };

        starters.push(() => {
            for (const mode of ["poller", "backoff"] as const) {
                for (const [name, rule] of KINDS) {
                    start(`${name} x3`, mode, { rules: [transient(rule, 3)], timeoutMs: 15_000 });
                    start(`${name}, every time`, mode, { rules: [always(rule)], timeoutMs: PERSISTENT_MS });
                }
                start("records with every field null, every time", mode, { rules: [always({ kind: "nullFields" })], timeoutMs: PERSISTENT_MS });
                start("PurgeLogs null x3", mode, { rules: [transient({ kind: "nullList" }, 3)], timeoutMs: 15_000 });
                start("refused connection (closed port)", mode, { timeoutMs: PERSISTENT_MS, endpoint: async () => `http://127.0.0.1:${await closedPort()}` });
                if (product.vanish) {
                    start("task vanishes after the first answer", mode, { completeAfterMs: 60_000, timeoutMs: PERSISTENT_MS,
                        during: async (e) => { product.vanish!(e.emu, e.taskId); } });
                }
                start("PurgeLogs null every time after the first answer", mode, { completeAfterMs: 60_000, timeoutMs: PERSISTENT_MS,
                    during: async (e) => e.emu.faults.add(always({ kind: "nullList" })) });
                start(`permanent ${product.permanentWait.code}`, mode, {
                    rules: [transient({ kind: "apiError", code: product.permanentWait.code }, 1)], timeoutMs: 15_000 });
            }
        });

        /** Restarts reuse a port: they run after the matrix, so no other emulator can take the port meanwhile. */
        const startRestarts = () => {
            for (const mode of ["poller", "backoff"] as const) {
                start("emulator restarted mid-wait (task kept)", mode, { timeoutMs: 15_000, during: restart(true) });
                start("emulator restarted mid-wait (task lost)", mode, { timeoutMs: PERSISTENT_MS, during: restart(false) });
            }
        };

        /** The one property every wait must keep: done only when the task is done. */
        const judge = async (key: string, expect: "done" | "timedOut" | "error", detailPattern?: RegExp) => {
            const { r, timeoutMs, doneInStore } = await cases.get(key)!.run;
            const [mode, name] = key.split(": ");
            assert.ok(r.ok, `the wait threw: ${r.ok ? "" : errText(r.error)}`);
            const result = r.value;
            const message = product.noun === "URL" ? describeWaitResult(result as WaitResult<PurgeTask>, "purge task <taskId>", CDN_RECORDS)
                : describeWaitResult(result as WaitResult<EdgeOnePurgeTask>, "EdgeOne job <jobId>", EDGEONE_RECORDS);
            const falseDone = result.state === "done" && !doneInStore();
            // The poller abandons a check at the deadline; with backoff the loop awaits the check (one client call).
            const late = r.ms > timeoutMs + (mode === "poller" ? 1500 : 3500);
            const ok = result.state === expect && !falseDone && !late && (!detailPattern || detailPattern.test(message));
            record("faults", { tried: name, target: `${product.name} wait (pure loop, ${mode === "poller" ? "shared poller" : "backoff"})`,
                outcome: `${result.state}${expect === "done" ? " (recovered)" : " (expected)"}${late ? ", LATE" : ""}`,
                detail: message, survived: ok });
            assert.ok(!falseDone, "reported done for a task that is not done");
            assert.ok(!late, `ended ${r.ms} ms after start, deadline ${timeoutMs} ms`);
            assert.strictEqual(result.state, expect, message);
            if (detailPattern) {
                assert.match(message, detailPattern);
            }
        };

        for (const mode of ["poller", "backoff"] as const) {
            describe(`paced by ${mode === "poller" ? "the shared poller" : "backoff"}`, () => {
                for (const [name, rule] of KINDS) {
                    it(`recovers from ${name} x3 and reports done only once done`, () => judge(`${mode}: ${name} x3`, "done"));
                    const code = rule.kind === "apiError" ? rule.code! : rule.kind === "throttle" ? product.throttleCode
                        : rule.kind === "http" ? `HTTP${rule.status}` : rule.kind === "slow" ? "Timeout"
                            : rule.kind === "reset" ? "ConnectionFailed" : "InvalidResponse";
                    it(`keeps going through ${name} until its deadline, then names it`, () =>
                        judge(`${mode}: ${name}, every time`, "timedOut", new RegExp(`timed out .*last error: .*${code.replace(/\./g, "\\.")}`)));
                }
                it("never counts records with null fields as done", () =>
                    judge(`${mode}: records with every field null, every time`, "timedOut", new RegExp(`1 of 1 ${product.noun} still pending`)));
                it("recovers from empty answers (PurgeLogs null) x3", () => judge(`${mode}: PurgeLogs null x3`, "done"));
                it("times out naming ConnectionFailed on a refused connection", () =>
                    judge(`${mode}: refused connection (closed port)`, "timedOut", /last error: .*ECONNREFUSED/));
                if (product.vanish) {
                    it("never reports done for a task that vanished: times out with it pending", () =>
                        judge(`${mode}: task vanishes after the first answer`, "timedOut", /1 of 1 URL still pending: https/));
                }
                it("never reports done when answers turn empty", () =>
                    judge(`${mode}: PurgeLogs null every time after the first answer`, "timedOut", new RegExp(`1 of 1 ${product.noun} still pending`)));
                it("stops at once on a permanent error, naming it", () =>
                    judge(`${mode}: permanent ${product.permanentWait.code}`, "error", product.permanentWait.pattern));
            });
        }
        if (product.restartable) describe("the emulator restarted mid-wait (same port)", () => {
            before(startRestarts);
            for (const mode of ["poller", "backoff"] as const) {
                it(`${mode}: rides out the restart and finishes when the restarted emulator has the task`, () =>
                    judge(`${mode}: emulator restarted mid-wait (task kept)`, "done"));
                it(`${mode}: times out, never done, when the restarted emulator lost the task`, () =>
                    judge(`${mode}: emulator restarted mid-wait (task lost)`, "timedOut", /1 of 1 URL still pending.*last error: .*ECONNREFUSED|1 of 1 URL still pending/));
            }
        });
    });
});
