/**
 * `pulumi import` of EdgeOne resources through the provider plugin, as the engine does it: a Read that knows only
 * the import id, `<zoneId>/<jobId>`. Runs the plugin against the emulator's EdgeOne API.
 */
import * as assert from "assert";
import { pluginOnEmulator } from "../support/pluginOnEmulator";

const ZONE = "zone-2noz78a8ev6k";
const urnOf = (type: string) => `urn:pulumi:test::purge::tencentcloud-purge:edgeone:${type}::imported`;
const WAITER = urnOf("PurgeTaskWaiter");
const PURGE = urnOf("Purge");

describe("importing EdgeOne resources through the provider plugin", function () {
    this.timeout(30_000);
    const t = pluginOnEmulator({ completeAfterMs: 60_000 }, "teoEndpoint");
    const { calls } = t;
    /** A job from elsewhere that has already finished. */
    const finished = (targets: string[]) => t.emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets }, 0);

    it("imports a gate by <zoneId>/<jobId>: a job that succeeded is a passed gate", async () => {
        const jobId = finished(["https://www.example.com/a", "https://www.example.com/b"]);
        const read = await t.plugin.read(WAITER, `${ZONE}/${jobId}`, {});
        assert.deepStrictEqual([read.id, read.inputs, read.properties.jobIds, read.properties.status],
            [jobId, { zoneId: ZONE, jobId }, [jobId], "success"]);
    });
    it("imports a purge by <zoneId>/<jobId> with its type, targets and method, submitting nothing", async () => {
        const targets = ["https://www.example.com/static/"];
        const jobId = t.emu.teoStore.submit({ zoneId: ZONE, type: "purge_prefix", method: "delete", targets }, 0);
        const read = await t.plugin.read(PURGE, `${ZONE}/${jobId}`, {});
        assert.deepStrictEqual([read.id, read.inputs, read.properties.status, calls("CreatePurgeTask")],
            [jobId, { zoneId: ZONE, type: "purge_prefix", targets, method: "delete" }, "success", 0]);
    });
    it("imports an unfinished job as a gate still to wait for", async () => {
        const jobId = t.emu.teoStore.submit({ zoneId: ZONE, type: "purge_url", method: "invalidate", targets: ["https://www.example.com/slow"] });
        assert.strictEqual((await t.plugin.read(WAITER, `${ZONE}/${jobId}`, {})).properties.status, "processing");
    });
    it("refuses an id without the zone, saying the form, before any request", async () => {
        const jobId = finished(["https://www.example.com/c"]);
        for (const urn of [WAITER, PURGE]) {
            await assert.rejects(t.plugin.read(urn, jobId, {}), /the id has no zone; an EdgeOne import id carries the zone: <zoneId>\/<jobId>, e\.g\. zone-2noz78a8ev6k\/1379afjk91u32h/);
        }
        assert.strictEqual(calls("DescribePurgeTasks"), 0);
    });
    it("refuses a malformed zone, naming zoneId and the form", async () => {
        await assert.rejects(t.plugin.read(WAITER, "2noz78a8ev6k/1379afjk91u32h", {}), /Invalid argument "zoneId".*<zoneId>\/<jobId>/);
    });
    it("refuses a job the zone does not list", async () => {
        await assert.rejects(t.plugin.read(WAITER, `${ZONE}/1379afjk91u32h`, {}), new RegExp(`zone ${ZONE} lists no job 1379afjk91u32h`));
    });
});
