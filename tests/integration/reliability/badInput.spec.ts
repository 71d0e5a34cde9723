/**
 * Bad-input suite, for every product: bad values derived from the description (each property's type, range,
 * enum, format, pattern, uniqueness and whether it is required) for every argument of every function in process,
 * and for every input of every resource through `check` in Pulumi's real dynamic-provider host, unknown preview
 * values included. Each bad input must get an error naming the argument before any request is sent, and nothing
 * may crash the host. CDN's getPurgeTasks adds its pageSize option and iteratePurgeTasks.
 */
import * as assert from "assert";
import fc from "fast-check";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../../emulator";
import { toTaskQuery } from "../../../provider/cdn/getPurgeTasksQuery";
import { InvalidArgumentError } from "../../../provider/description/validation";
import { FUNCTIONS, RESOURCES } from "../../../provider/products";
import { FunctionSpec, PropertySpec, ResourceSpec, tokenOf } from "../../../provider/description";
import * as edgeone from "../../../sdk/edgeone";
import { getPurgeTasks, iteratePurgeTasks } from "../../../sdk/getPurgeTasks";
import { getPushTasks } from "../../../sdk/getPushTasks";
import { hostedProvider } from "../../../sdk/hostedProvider";
import { ProviderHost } from "../../support/providerHost";
import { badValues, boundaries } from "./support/badValues";
import { guardUnhandled } from "./support/guards";
import { countInputs, finish, record } from "./support/report";
import { RESOURCE_KINDS as REGISTERED_KINDS, ResourceKind } from "../../../provider/products";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SEED = 20261129;
const IN_PROCESS_RUNS = 150;
const HOST_RUNS = 50;

const badInteger = (min: number, max: number) => fc.oneof(
    fc.integer({ max: min - 1 }), fc.integer({ min: max + 1 }), fc.double({ min: min + 0.01, max: max - 0.01, noInteger: true }),
    fc.constantFrom(NaN, Infinity, -Infinity), fc.string({ maxLength: 4 }), fc.boolean());
const ZONE = "zone-2noz78a8ev6k";
type Connection = { secretId: string; secretKey: string; endpoint: string };

/** How each described function is called in process, with arguments that pass. */
const FUNCTION_CALLS: Record<string, { valid: Record<string, unknown>; call(args: unknown, connection: Connection): Promise<unknown> }> = {
    "tencentcloud-purge:index:getPurgeTasks": { valid: { taskId: "1533" },
        call: (args, connection) => getPurgeTasks(args as never, { connection }) },
    "tencentcloud-purge:edgeone:getPurgeTasks": { valid: { zoneId: ZONE, jobId: "1379afjk91u32h" },
        call: (args, connection) => edgeone.getPurgeTasks(args as never, { connection: { ...connection, teoEndpoint: connection.endpoint } }) },
    "tencentcloud-purge:index:getPushTasks": { valid: { taskId: "1533" },
        call: (args, connection) => getPushTasks(args as never, { connection }) },
    "tencentcloud-purge:edgeone:getPrefetchTasks": { valid: { zoneId: ZONE, jobId: "1379afjk91u32h" },
        call: (args, connection) => edgeone.getPrefetchTasks(args as never, { connection: { ...connection, teoEndpoint: connection.endpoint } }) },
};
/** Inputs that pass, for each resource kind of the registry (the compiler asks for a new kind's). */
const VALID_INPUTS: Record<ResourceKind, Record<string, unknown>> = {
    urlPurge: { urls: ["https://www.example.com/a"] },
    pathPurge: { paths: ["https://www.example.com/static/"], flushType: "flush" },
    waiter: { taskId: "1533" },
    edgeOnePurge: { zoneId: ZONE, type: "purge_url", targets: ["https://www.example.com/a"] },
    edgeOneWaiter: { zoneId: ZONE, jobId: "1379afjk91u32h" },
    edgeOnePrefetch: { zoneId: ZONE, targets: ["https://www.example.com/a"] },
    edgeOnePrefetchWaiter: { zoneId: ZONE, jobId: "1379afjk91u32h" },
    urlPush: { urls: ["https://www.example.com/a"] },
    pushWaiter: { taskId: "1533" },
};
/** The hosted provider of each described resource by its token, with inputs that pass. */
const RESOURCE_KINDS: Record<string, { kind: ResourceKind; valid: Record<string, unknown> }> = Object.fromEntries(
    (Object.keys(REGISTERED_KINDS) as ResourceKind[]).map((kind) => [tokenOf(REGISTERED_KINDS[kind]), { kind, valid: VALID_INPUTS[kind] }]));

/** One bad input: the property, its value (`undefined`: left out), and why it is bad. */
type BadInput = readonly [name: string, value: unknown, why: string];

/** Every bad input the description implies for `described`: a random draw per rule, and its boundaries once each. */
function badInputsOf(described: ResourceSpec | FunctionSpec): { random: fc.Arbitrary<BadInput>; once: BadInput[] } {
    const entries = Object.entries(described.inputs) as Array<[string, PropertySpec]>;
    const random = fc.oneof(...entries.flatMap(([name, spec]) =>
        badValues(spec).map(([why, values]) => values.map((v): BadInput => [name, v, why]))));
    const once: BadInput[] = entries.flatMap(([name, spec]) => [
        ...boundaries(spec).map((b): BadInput => [name, b.value, b.why]),
        ...(spec.required ? [[name, undefined, "missing (required)"] as const] : []),
    ]);
    return { random, once };
}

/** Whether `argument` (as an error names it) is `name` or one of its items (`urls[3]`). */
const names = (argument: string, name: string) => argument === name || argument.startsWith(`${name}[`);

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

    it("every described resource and function is tried here", () => {
        assert.deepStrictEqual([RESOURCES.map(tokenOf).filter((t) => !RESOURCE_KINDS[t]), FUNCTIONS.map(tokenOf).filter((t) => !FUNCTION_CALLS[t])],
            [[], []], "add the new resource or function to RESOURCE_KINDS or FUNCTION_CALLS");
    });

    for (const fn of FUNCTIONS) {
        const token = tokenOf(fn);
        describe(`${token} (in process)`, () => {
            const { valid, call } = FUNCTION_CALLS[token] ?? { valid: {}, call: async () => undefined };
            const { random, once } = badInputsOf(fn);
            /** The error of a call with `name` set to `value` (left out when undefined), or why it is not the right one. */
            const tryBad = async ([name, value]: BadInput): Promise<string | undefined> => {
                const args: Record<string, unknown> = { ...valid, [name]: value };
                if (value === undefined) delete args[name];
                const err = await call(args, connection).then(() => undefined, (e) => e);
                if (!(err instanceof InvalidArgumentError) || !names(err.argument, name)) return `not named: ${err}`;
                if (!err.message.startsWith(`Invalid argument "${err.argument}"`)) return `message: ${err.message}`;
                return requests() === 0 ? undefined : `${requests()} requests sent`;
            };
            it("rejects a bad value of every argument (drawn from the description) naming it, before any request", async () => {
                let tried = 0;
                let example = "";
                await fc.assert(fc.asyncProperty(random, async (bad) => {
                    tried++;
                    const wrong = await tryBad(bad);
                    example ||= (await call({ ...valid, [bad[0]]: bad[1] }, connection).catch((e: Error) => e) as Error | undefined)?.message ?? "";
                    return wrong === undefined;
                }), { numRuns: IN_PROCESS_RUNS * 2, seed: SEED });
                countInputs(tried);
                record("badInput", { tried: `${tried} bad values of its arguments (type, range, enum, format, pattern)`, target: token,
                    outcome: "rejected before any request", detail: `e.g. ${example}`, survived: true });
            });
            it("rejects every boundary value and every missing required argument naming it, before any request", async () => {
                const wrong: string[] = [];
                for (const bad of once) {
                    const why = await tryBad(bad);
                    if (why) wrong.push(`${bad[0]} ${bad[2]}: ${why}`);
                }
                assert.deepStrictEqual(wrong, []);
                countInputs(once.length);
                record("badInput", { tried: `${once.length} boundary values and missing required arguments`, target: token,
                    outcome: "rejected before any request", detail: [...new Set(once.map((b) => b[2]))].join(", "), survived: true });
            });
        });
    }

    describe("CDN getPurgeTasks' other checks (in process)", () => {
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
            const anyArgs = fc.record(Object.fromEntries(Object.keys(FUNCTIONS[0].inputs).map((k) => [k, fc.anything()])), { requiredKeys: [] });
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
                TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url,
                TENCENTCLOUD_TEO_ENDPOINT: emu.url });
            for (const { kind } of Object.values(RESOURCE_KINDS)) {
                providers[kind] = await ProviderHost.serialize(hostedProvider(kind));
            }
        });
        after(() => host?.stop());

        for (const resource of RESOURCES) {
            const token = tokenOf(resource);
            const { kind, valid } = RESOURCE_KINDS[token] ?? { kind: "urlPurge", valid: {} };
            const { random, once } = badInputsOf(resource);
            /** Why `check` of `bad` (with `unknowns` unknown) is not one failure naming the property, if it is not. */
            const tryBad = async ([name, value]: BadInput, unknowns: readonly string[]): Promise<string | undefined> => {
                const inputs: Record<string, unknown> = { __provider: providers[kind], ...valid, [name]: value };
                if (value === undefined) delete inputs[name];
                unknowns.forEach((k) => { inputs[k] = UNKNOWN; });
                const { failures } = await host.check({}, inputs);
                // The two delays are also checked against each other, which may name either.
                const delays = ["minDelaySeconds", "maxDelaySeconds"];
                const named = failures.length === 1 && (failures[0].property === name ||
                    (delays.includes(name) && delays.includes(failures[0].property))) && /^Invalid argument "/.test(failures[0].reason);
                if (!named) return `failures: ${JSON.stringify(failures)}`;
                return requests() === 0 ? undefined : `${requests()} requests sent`;
            };
            it(`${token}: a bad value of every input (drawn from the description) fails check naming it, with or without unknowns, and sends nothing`, async () => {
                let tried = 0;
                const pick = random.chain((bad) => fc.tuple(fc.constant(bad), fc.subarray(Object.keys(valid).filter((k) => k !== bad[0]))));
                await fc.assert(fc.asyncProperty(pick, async ([bad, unknowns]) => {
                    tried++;
                    return (await tryBad(bad, unknowns)) === undefined;
                }), { numRuns: HOST_RUNS * 3, seed: SEED });
                countInputs(tried);
                const sample = await host.check({}, { __provider: providers[kind], ...valid, timeoutSeconds: 0 });
                record("badInput", { tried: `${tried} bad inputs (one bad property each, others sometimes unknown)`, target: `${token} check (provider host)`,
                    outcome: "check failure naming the property; 0 requests", detail: `e.g. ${sample.failures[0].reason}`, survived: true });
            });
            it(`${token}: every boundary value and every missing required input fails check naming it, and sends nothing`, async () => {
                const wrong: string[] = [];
                for (const bad of once) {
                    const why = await tryBad(bad, []);
                    if (why) wrong.push(`${bad[0]} ${bad[2]}: ${why}`);
                }
                assert.deepStrictEqual(wrong, []);
                countInputs(once.length);
                record("badInput", { tried: `${once.length} boundary values and missing required inputs`, target: `${token} check (provider host)`,
                    outcome: "check failure naming the property; 0 requests", detail: [...new Set(once.map((b) => b[2]))].join(", "), survived: true });
            });
            it(`${token}: inputs unknown during preview pass check and send nothing`, async () => {
                let tried = 0;
                const keys = Object.keys(resource.inputs);
                await fc.assert(fc.asyncProperty(fc.subarray(keys, { minLength: 1 }), async (unknowns) => {
                    tried++;
                    const inputs: Record<string, unknown> = { __provider: providers[kind], ...valid };
                    unknowns.forEach((k) => { inputs[k] = resource.inputs[k].type === "array" && k in valid ? [UNKNOWN] : UNKNOWN; });
                    const { failures } = await host.check({}, inputs);
                    return failures.length === 0 && requests() === 0;
                }), { numRuns: HOST_RUNS, seed: SEED });
                countInputs(tried);
                record("badInput", { tried: `${tried} sets of unknown inputs (${UNKNOWN})`, target: `${token} check (provider host)`,
                    outcome: "passes, 0 requests", detail: "unknown values are checked again once known", survived: true });
            });
        }
        it("the host survives arbitrary inputs and still answers", async () => {
            let tried = 0;
            const json = fc.jsonValue({ maxDepth: 3 });
            const kinds = Object.values(RESOURCE_KINDS).map((r) => r.kind);
            const keys = [...new Set(RESOURCES.flatMap((r) => Object.keys(r.inputs))), "other"];
            await fc.assert(fc.asyncProperty(fc.constantFrom(...kinds), fc.dictionary(fc.constantFrom(...keys), json), async (kind, props) => {
                tried++;
                const r = await host.check({}, { ...props, __provider: providers[kind] }).then((x) => x, (e) => e);
                return !(r instanceof Error) && Array.isArray(r.failures) && r.failures.every((f: any) => /^Invalid argument "/.test(f.reason));
            }), { numRuns: HOST_RUNS * 2, seed: SEED });
            const { failures } = await host.check({}, { __provider: providers.waiter, taskId: "1" });
            assert.deepStrictEqual([failures, requests()], [[], 0]);
            assert.doesNotMatch(host.stderr, /Unhandled|TypeError|ReferenceError/);
            countInputs(tried);
            record("badInput", { tried: `${tried} arbitrary JSON inputs`, target: "every resource's check (provider host)",
                outcome: "answered every time (failures or none); host alive; 0 requests", detail: "fc.jsonValue() for every property", survived: true });
        });
    });
});
