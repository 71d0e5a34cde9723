/**
 * Bad-input suite: property tests over every argument of getPurgeTasks (and its pageSize option,
 * iteratePurgeTasks) in process, and over every input of UrlPurge, PathPurge and PurgeTaskWaiter through
 * `check` in Pulumi's real dynamic-provider host, unknown preview values included. Each bad input must get an
 * error naming the argument before any request is sent, and nothing may crash the host.
 */
import * as assert from "assert";
import fc from "fast-check";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../../emulator";
import { toTaskQuery } from "../../../provider/cdn/getPurgeTasksQuery";
import { InvalidArgumentError } from "../../../provider/description/validation";
import { getPurgeTasks, iteratePurgeTasks } from "../../../sdk/getPurgeTasks";
import { hostedProvider } from "../../../sdk/hostedProvider";
import { ProviderHost } from "../../support/providerHost";
import { guardUnhandled } from "./support/guards";
import { countInputs, finish, record } from "./support/report";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SEED = 20261129;
const IN_PROCESS_RUNS = 150;
const HOST_RUNS = 50;

/** Values of the wrong type for anything. */
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.array(fc.integer(), { maxLength: 3 }), fc.double({ noNaN: true }));
/** A string that is not one of `allowed`. */
const notOneOf = (allowed: readonly string[]) => fc.oneof(
    fc.string({ maxLength: 12 }).filter((s) => !allowed.includes(s)),
    fc.constantFrom(...allowed.map((a) => a.toUpperCase())), wrongType);
const badText = (max: number) => fc.oneof(fc.constant(""), fc.constant("   "), fc.string({ minLength: 1, maxLength: 5 }).map((s) => `${s}\u0001`),
    fc.string({ minLength: max + 1, maxLength: max + 20 }), wrongType);
const badTime = fc.oneof(
    fc.string({ maxLength: 20 }).filter((s) => !/^\d{4}-/.test(s)),
    fc.constantFrom("2026-02-30 00:00:00", "2026-13-01 00:00:00", "2026-11-29 24:00:00", "2026-11-29", "2026-11-29T00:00:00",
        "2026-11-29 00:00", "2026-02-30T00:00:00Z"),
    fc.integer(), fc.boolean(), fc.constant({}));
const badInteger = (min: number, max: number) => fc.oneof(
    fc.integer({ max: min - 1 }), max >= 2 ** 31 - 1 ? fc.constantFrom(2 ** 53, 1e20) : fc.integer({ min: max + 1 }), fc.double({ min: min + 0.01, max: Math.min(max, 1e6) - 0.01, noInteger: true }),
    fc.constantFrom(NaN, Infinity, -Infinity), fc.string({ maxLength: 4 }), fc.boolean());
const badKeyword = fc.oneof(badText(1024), fc.string({ maxLength: 10 }).map((s) => `not a domain ${s}`),
    fc.constantFrom("-bad-.com", "a..b", "https://", "http://exa mple.com/"));

/** Every argument of getPurgeTasks, with a generator of bad values for it. */
const GET_ARGS: Record<string, fc.Arbitrary<unknown>> = {
    taskId: badText(128),
    startTime: badTime,
    endTime: badTime,
    purgeType: notOneOf(["url", "path"]),
    status: notOneOf(["done", "process", "fail"]),
    area: notOneOf(["mainland", "overseas", "global"]),
    keyword: badKeyword,
    offset: badInteger(0, Number.MAX_SAFE_INTEGER),
    limit: badInteger(1, 1000),
};

describe("reliability: bad input", function () {
    this.timeout(60_000);
    guardUnhandled();
    let emu: RunningEmulator;
    let connection: { secretId: string; secretKey: string; endpoint: string };
    const requests = () => Object.values(emu.stats.snapshot().requests).reduce((a, b) => a + b, 0);

    before(async () => {
        emu = await startEmulator();
        connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
    });
    after(async () => {
        await emu.close();
        finish("badInput");
    });

    describe("getPurgeTasks (in process)", () => {
        for (const [name, bad] of Object.entries(GET_ARGS)) {
            it(`rejects a bad ${name} naming it, before any request`, async () => {
                let tried = 0;
                let example = "";
                await fc.assert(fc.asyncProperty(bad, async (value) => {
                    tried++;
                    const base: Record<string, unknown> = name === "taskId" ? { startTime: "2026-11-29 00:00:00" } : { taskId: "1533" };
                    const err = await getPurgeTasks({ ...base, [name]: value } as never, { connection }).then(() => undefined, (e) => e);
                    example ||= err?.message ?? "";
                    return err instanceof InvalidArgumentError && err.argument === name &&
                        err.message.startsWith(`Invalid argument "${name}"`) && requests() === 0;
                }), { numRuns: IN_PROCESS_RUNS, seed: SEED });
                countInputs(tried);
                record("badInput", { tried: `${tried} bad values of ${name}`, target: "getPurgeTasks",
                    outcome: "rejected before any request", detail: `e.g. ${example}`, survived: true });
            });
        }
        it("rejects an endTime before startTime naming endTime", async () => {
            let tried = 0;
            await fc.assert(fc.asyncProperty(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
                fc.integer({ min: 1, max: 10 ** 9 }), async (end, gapS) => {
                    tried++;
                    const start = new Date(end.getTime() + gapS * 1000);
                    const err = await getPurgeTasks({ startTime: start, endTime: end }, { connection }).then(() => undefined, (e) => e);
                    return err instanceof InvalidArgumentError && err.argument === "endTime" && requests() === 0;
                }), { numRuns: IN_PROCESS_RUNS, seed: SEED });
            countInputs(tried);
            record("badInput", { tried: `${tried} endTime before startTime`, target: "getPurgeTasks", outcome: "rejected before any request",
                detail: "Invalid argument \"endTime\": must not be before startTime", survived: true });
        });
        it("rejects a bad pageSize option naming it (getPurgeTasks and iteratePurgeTasks)", async () => {
            let tried = 0;
            await fc.assert(fc.asyncProperty(badInteger(1, 1000), async (pageSize) => {
                tried++;
                const a = await getPurgeTasks({ taskId: "1" }, { connection, pageSize: pageSize as number }).then(() => undefined, (e) => e);
                const b = await iteratePurgeTasks({ taskId: "1" }, { connection, pageSize: pageSize as number }).next().then(() => undefined, (e) => e);
                return [a, b].every((e) => e instanceof InvalidArgumentError && e.argument === "pageSize") && requests() === 0;
            }), { numRuns: IN_PROCESS_RUNS, seed: SEED });
            countInputs(tried);
            record("badInput", { tried: `${tried} bad pageSize values`, target: "getPurgeTasks, iteratePurgeTasks option",
                outcome: "rejected before any request", detail: "Invalid argument \"pageSize\": must be a whole number from 1 to 1000", survived: true });
        });
        it("rejects args that are not an object, and neither taskId nor startTime", async () => {
            const cases: unknown[] = [null, undefined, 7, "1533", [], [{ taskId: "1" }], {}, { keyword: "www.example.com" }];
            for (const args of cases) {
                const err = await getPurgeTasks(args as never, { connection }).then(() => undefined, (e) => e);
                assert.ok(err instanceof InvalidArgumentError && ["args", "taskId"].includes(err.argument), `${String(args)}: ${err}`);
            }
            assert.strictEqual(requests(), 0);
            countInputs(cases.length);
            record("badInput", { tried: "args null, undefined, a number, a string, arrays, {}, a filter without a time",
                target: "getPurgeTasks", outcome: "rejected before any request", detail: "Invalid argument \"args\" / \"taskId\"", survived: true });
        });
        it("validation never throws anything but InvalidArgumentError, whatever the arguments", () => {
            let tried = 0;
            const anyArgs = fc.record(Object.fromEntries(Object.keys(GET_ARGS).map((k) => [k, fc.anything()])), { requiredKeys: [] });
            fc.assert(fc.property(fc.oneof(anyArgs, fc.anything()), (args) => {
                tried++;
                try {
                    toTaskQuery(args);
                    return true;
                } catch (e) {
                    return e instanceof InvalidArgumentError;
                }
            }), { numRuns: IN_PROCESS_RUNS * 2, seed: SEED });
            countInputs(tried);
            record("badInput", { tried: `${tried} arbitrary argument objects and values`, target: "getPurgeTasks validation",
                outcome: "only InvalidArgumentError, never a crash", detail: "fc.anything() for every field", survived: true });
        });
    });

    describe("resources' check in the provider host", () => {
        let host: ProviderHost;
        const providers: Record<string, string> = {};
        before(async () => {
            host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
                TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
            for (const kind of ["urlPurge", "pathPurge", "waiter"] as const) {
                providers[kind] = await ProviderHost.serialize(hostedProvider(kind));
            }
        });
        after(() => host?.stop());

        const seconds = (min: number, max: number) => fc.oneof(fc.double({ max: min - 0.001, noNaN: true, noDefaultInfinity: true }),
            fc.double({ min: max + 0.001, noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant({}));
        const badUrls = fc.oneof(fc.constant([]), fc.string({ maxLength: 6 }), fc.integer(), fc.constant({}),
            fc.array(fc.oneof(fc.string({ maxLength: 10 }).filter((s) => !/^https?:\/\//i.test(s)), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
            fc.constant(["https://www.example.com/a", "https://www.example.com/a"]), fc.constant(["https://"]));
        const WAIT: Record<string, fc.Arbitrary<unknown>> = {
            timeoutSeconds: seconds(1, 86_400), minDelaySeconds: seconds(0.1, 600), maxDelaySeconds: seconds(0.1, 3600),
        };
        const AREA = notOneOf(["mainland", "overseas", "global"]);
        const BOOL = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant({}));
        const RESOURCES: Record<string, { valid: Record<string, unknown>; bad: Record<string, fc.Arbitrary<unknown>> }> = {
            urlPurge: { valid: { urls: ["https://www.example.com/a"] },
                bad: { urls: badUrls, area: AREA, urlEncode: BOOL, wait: BOOL, ...WAIT } },
            pathPurge: { valid: { paths: ["https://www.example.com/static/"], flushType: "flush" },
                bad: { paths: badUrls, flushType: notOneOf(["flush", "delete"]), area: AREA, urlEncode: BOOL, wait: BOOL, ...WAIT } },
            waiter: { valid: { taskId: "1533" },
                bad: { taskId: badText(128), keyword: badText(1024), startTime: badTime, endTime: badTime,
                    purgeType: notOneOf(["url", "path"]), area: AREA, ...WAIT } },
        };

        for (const [kind, { valid, bad }] of Object.entries(RESOURCES)) {
            it(`${kind}: every bad input fails check naming its property, with or without unknowns, and sends nothing`, async () => {
                let tried = 0;
                const names = Object.keys(bad);
                const pick = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), bad[name],
                    fc.subarray(Object.keys(valid).filter((k) => k !== name && !(kind === "waiter" && name === "taskId")))));
                await fc.assert(fc.asyncProperty(pick, async ([name, value, unknowns]) => {
                    tried++;
                    const inputs: Record<string, unknown> = { __provider: providers[kind], ...valid, [name]: value };
                    if (kind === "waiter" && name === "taskId") {
                        delete inputs.taskId;
                        inputs.taskId = value;
                    }
                    unknowns.forEach((k) => { inputs[k] = UNKNOWN; });
                    const { failures } = await host.check({}, inputs);
                    const named = failures.length === 1 && (name === "minDelaySeconds" ? ["minDelaySeconds", "maxDelaySeconds"].includes(failures[0].property) : failures[0].property === name) &&
                        /^Invalid argument "/.test(failures[0].reason);
                    return named && requests() === 0;
                }), { numRuns: HOST_RUNS * 2, seed: SEED });
                countInputs(tried);
                const sample = await host.check({}, { __provider: providers[kind], ...valid, area: "moon" });
                record("badInput", { tried: `${tried} bad inputs (one bad property each, others sometimes unknown)`, target: `${kind} check (provider host)`,
                    outcome: "check failure naming the property; 0 requests", detail: `e.g. ${sample.failures[0].reason}`, survived: true });
            });
            it(`${kind}: inputs unknown during preview pass check and send nothing`, async () => {
                let tried = 0;
                const keys = [...new Set([...Object.keys(valid), ...Object.keys(bad)])];
                await fc.assert(fc.asyncProperty(fc.subarray(keys, { minLength: 1 }), async (unknowns) => {
                    tried++;
                    const inputs: Record<string, unknown> = { __provider: providers[kind], ...valid };
                    unknowns.forEach((k) => { inputs[k] = k === "urls" || k === "paths" ? [UNKNOWN] : UNKNOWN; });
                    const { failures } = await host.check({}, inputs);
                    return failures.length === 0 && requests() === 0;
                }), { numRuns: HOST_RUNS, seed: SEED });
                countInputs(tried);
                record("badInput", { tried: `${tried} sets of unknown inputs (${UNKNOWN})`, target: `${kind} check (provider host)`,
                    outcome: "passes, 0 requests", detail: "unknown values are checked again once known", survived: true });
            });
        }
        it("the host survives arbitrary inputs and still answers", async () => {
            let tried = 0;
            const json = fc.jsonValue({ maxDepth: 3 });
            await fc.assert(fc.asyncProperty(fc.constantFrom("urlPurge", "pathPurge", "waiter"), fc.dictionary(
                fc.constantFrom("urls", "paths", "flushType", "taskId", "keyword", "startTime", "endTime", "purgeType", "area",
                    "urlEncode", "wait", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "triggers", "other"), json), async (kind, props) => {
                tried++;
                const r = await host.check({}, { ...props, __provider: providers[kind] }).then((x) => x, (e) => e);
                return !(r instanceof Error) && Array.isArray(r.failures) && r.failures.every((f: any) => /^Invalid argument "/.test(f.reason));
            }), { numRuns: HOST_RUNS * 2, seed: SEED });
            const { failures } = await host.check({}, { __provider: providers.waiter, taskId: "1" });
            assert.deepStrictEqual([failures, requests()], [[], 0]);
            assert.doesNotMatch(host.stderr, /Unhandled|TypeError|ReferenceError/);
            countInputs(tried);
            record("badInput", { tried: `${tried} arbitrary JSON inputs`, target: "all three resources' check (provider host)",
                outcome: "answered every time (failures or none); host alive; 0 requests", detail: "fc.jsonValue() for every property", survived: true });
        });
    });
});
