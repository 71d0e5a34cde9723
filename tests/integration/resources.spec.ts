/** The resource classes under Pulumi's mocks: type tokens, inputs as registered, and nothing secret captured. */
import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";

const SECRET_KEY = "mock-secret-key-7f3a9c";
const registered: pulumi.runtime.MockResourceArgs[] = [];
/** What happened, in order: "created <name>" for mock resources of type test:index:Slow, and the emulator's requests. */
const events: string[] = [];

pulumi.runtime.setMocks({
    newResource: async (args) => {
        registered.push(args);
        if (args.type === "test:index:Slow") {
            await new Promise((r) => setTimeout(r, 200));
            events.push(`created ${args.name}`);
        }
        return { id: `${args.name}-id`, state: { ...args.inputs, status: "done", taskId: "1533" } };
    },
    call: (args) => args.inputs,
}, "project", "stack", false);

// Imported after setMocks, as Pulumi's mock testing requires.
const purge: typeof import("../../sdk") = require("../../sdk");

const outputOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));
const registration = async (name: string) => {
    await new Promise((r) => setTimeout(r, 50));
    const found = registered.find((r) => r.name === name);
    assert.ok(found, `${name} was not registered`);
    return found;
};

describe("resources under mocks", () => {
    before(() => {
        process.env.TENCENTCLOUD_SECRET_ID = "AKIDmockid";
        process.env.TENCENTCLOUD_SECRET_KEY = SECRET_KEY;
    });
    after(() => {
        delete process.env.TENCENTCLOUD_SECRET_ID;
        delete process.env.TENCENTCLOUD_SECRET_KEY;
    });

    it("registers UrlPurge with its type token and inputs", async () => {
        const p = new purge.UrlPurge("site", { urls: ["https://www.example.com/index.html"], timeoutSeconds: 60 });
        assert.strictEqual(await outputOf(p.status), "done");
        const r = await registration("site");
        assert.deepStrictEqual([r.type, r.inputs.urls, r.inputs.timeoutSeconds],
            ["pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge", ["https://www.example.com/index.html"], 60]);
    });
    it("registers PathPurge with its type token", async () => {
        new purge.PathPurge("dir", { paths: ["https://www.example.com/static/"], flushType: "delete" });
        assert.strictEqual((await registration("dir")).type, "pulumi-nodejs:dynamic/tencentcloud-purge:PathPurge");
    });
    it("registers PurgeTaskWaiter with a task id from another resource", async () => {
        const p = new purge.UrlPurge("site2", { urls: ["https://www.example.com/"] });
        new purge.PurgeTaskWaiter("gate", { taskId: p.taskId });
        const r = await registration("gate");
        assert.deepStrictEqual([r.type, r.inputs.taskId], ["pulumi-nodejs:dynamic/tencentcloud-purge:PurgeTaskWaiter", "1533"]);
    });
    it("turns a Date startTime into ISO-8601 for the waiter", async () => {
        new purge.PurgeTaskWaiter("since", { keyword: "www.example.com", startTime: new Date("2026-11-29T00:00:00Z") });
        assert.strictEqual((await registration("since")).inputs.startTime, "2026-11-29T00:00:00.000Z");
    });
    it("names no folder of this machine in the serialized provider", async () => {
        new purge.UrlPurge("placeless", { urls: ["https://www.example.com/a"] });
        const provider = String((await registration("placeless")).inputs.__provider);
        assert.deepStrictEqual([process.cwd(), __dirname, path.dirname(require.resolve("@pulumi/pulumi"))].filter((p) => provider.includes(p)), []);
    });
    it("refuses the import option with what to do instead, before Pulumi's dynamic-provider host fails with \"code must be a string\"", () => {
        assert.throws(() => new purge.UrlPurge("imported", { urls: ["https://www.example.com/a"] }, { import: "1533" }),
            /^Error: UrlPurge cannot be imported \(the `import` option\): Pulumi's dynamic-provider host, .* cannot adopt existing resources\. .*declare a PurgeTaskWaiter with its task id instead \(`new PurgeTaskWaiter\(name, \{ taskId \}\)`\).*tencentcloud-purge:index:UrlPurge by task id$/);
        assert.throws(() => new purge.PathPurge("importedDir", { paths: ["https://www.example.com/s/"], flushType: "flush" }, { import: "1533" }),
            /PathPurge cannot be imported/);
        assert.throws(() => new purge.PurgeTaskWaiter("importedGate", { taskId: "1533" }, { import: "1533" }),
            /PurgeTaskWaiter cannot be imported .*Drop the `import` option: a PurgeTaskWaiter given the task id \(`taskId`\) adopts that task/);
        assert.throws(() => new purge.UrlPush("importedWarm", { urls: ["https://www.example.com/a.js"] }, { import: "1533" }),
            /UrlPush cannot be imported .*declare a PushTaskWaiter with its task id instead .*prefetches nothing.*tencentcloud-purge:index:UrlPush by task id$/);
        assert.deepStrictEqual(registered.filter((r) => r.name.startsWith("imported")), []);
    });
    it("captures no credential in the inputs or the serialized provider", async () => {
        new purge.UrlPurge("secretless", { urls: ["https://www.example.com/a"] });
        const text = JSON.stringify((await registration("secretless")).inputs);
        assert.ok(text.includes("__provider") && !text.includes(SECRET_KEY) && !text.includes("AKIDmockid"));
    });
});

/** A resource whose creation the mocks above delay. */
class Slow extends pulumi.CustomResource {
    constructor(name: string) {
        super("test:index:Slow", name, {});
    }
}

describe("getPurgeTasksOutput under mocks", () => {
    let emu: RunningEmulator;
    let connection: { secretId: string; secretKey: string; endpoint: string };

    before(async () => {
        emu = await startEmulator({ log: (line) => events.push(`request ${line}`) });
        connection = { ...EMULATOR_CREDENTIALS, endpoint: emu.url };
    });
    beforeEach(() => {
        emu.reset();
        events.length = 0;
    });
    after(() => emu.close());

    it("keeps a Date startTime given directly", async () => {
        emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: ["https://d.example.com/1"] });
        const result = purge.getPurgeTasksOutput({ startTime: new Date(Date.now() - 60_000) }, { connection });
        assert.deepStrictEqual((await outputOf(result.purgeLogs)).map((t) => t.url), ["https://d.example.com/1"]);
    });
    it("keeps a Date startTime that arrives in an Output", async () => {
        emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: ["https://d.example.com/2"] });
        const since = pulumi.output(60_000).apply((ms) => new Date(Date.now() - ms));
        const result = purge.getPurgeTasksOutput({ startTime: since }, { connection });
        assert.strictEqual((await outputOf(result.totalCount)), 1);
    });
    it("keeps a Date endTime that arrives in a Promise", async () => {
        emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls: ["https://d.example.com/3"] });
        const result = purge.getPurgeTasksOutput({ startTime: new Date(Date.now() - 60_000),
            endTime: Promise.resolve(new Date(Date.now() + 60_000)) }, { connection });
        assert.strictEqual((await outputOf(result.totalCount)), 1);
    });
    it("reads only after the resources of dependsOn are created", async () => {
        const slow = new Slow("slow");
        const result = purge.getPurgeTasksOutput({ startTime: new Date(Date.now() - 60_000) }, { connection, dependsOn: [slow] });
        await outputOf(result.totalCount);
        assert.deepStrictEqual(events.map((e) => e.split(" ")[0] === "request" ? "request" : e), ["created slow", "request"]);
    });
    it("takes a single resource as dependsOn", async () => {
        const slow = new Slow("slow-single");
        const result = purge.getPurgeTasksOutput({ startTime: new Date(Date.now() - 60_000) }, { connection, dependsOn: slow });
        await outputOf(result.totalCount);
        assert.strictEqual(events[0], "created slow-single");
    });
});
