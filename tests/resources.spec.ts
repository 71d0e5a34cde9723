/** The resource classes under Pulumi's mocks: type tokens, inputs as registered, and nothing secret captured. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";

const SECRET_KEY = "mock-secret-key-7f3a9c";
const registered: pulumi.runtime.MockResourceArgs[] = [];

pulumi.runtime.setMocks({
    newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: { ...args.inputs, status: "done", taskId: "1533" } };
    },
    call: (args) => args.inputs,
}, "project", "stack", false);

// Imported after setMocks, as Pulumi's mock testing requires.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const purge: typeof import("../sdk") = require("../sdk");

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
    it("captures no credential in the inputs or the serialized provider", async () => {
        new purge.UrlPurge("secretless", { urls: ["https://www.example.com/a"] });
        const text = JSON.stringify((await registration("secretless")).inputs);
        assert.ok(text.includes("__provider") && !text.includes(SECRET_KEY) && !text.includes("AKIDmockid"));
    });
});
