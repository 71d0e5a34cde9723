/**
 * The emulator's EdgeOne actions through a second official client: the Go SDK's generic CommonRequest (through
 * the test tool in tests/goClient), signed for service `teo` and version 2022-09-01, as a Go program would call it.
 */
import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { TEO_API_VERSION } from "../../emulator/edgeone/product";
import { buildGoClient, runGoClient } from "../support/goClient";

const ZONE = "zone-2noz78a8ev6k";

describe("emulator: EdgeOne with the Go SDK's generic client", function () {
    this.timeout(60_000);
    let bin: string | undefined;
    let emu: RunningEmulator;
    const teo = (action: string, params: Record<string, unknown>) => runGoClient(bin!, { endpoint: emu.endpoint, service: "teo",
        version: TEO_API_VERSION, action, params, credential: emu.credentials[0] });

    before(async function () {
        this.timeout(600_000); // a first build downloads the SDK module and compiles it
        bin = buildGoClient();
        if (bin === undefined) {
            console.warn("    Go is not installed: the Go SDK tests are skipped (in CI they fail instead)");
            this.skip();
        }
        emu = await startEmulator({ completeAfterMs: 200 });
    });
    after(() => emu?.close());

    it("creates a purge job and reads its tasks by job-id filter", async () => {
        const created = await teo("CreatePurgeTask", { ZoneId: ZONE, Type: "purge_url", Targets: ["https://www.example.com/a.png"] });
        const jobId = created.response?.JobId as string;
        const read = await teo("DescribePurgeTasks", { ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [jobId] }] });
        assert.deepStrictEqual(read.response?.Tasks.map((t: { JobId: string; Target: string }) => [t.JobId, t.Target]),
            [[jobId, "https://www.example.com/a.png"]]);
    });

    it("reads the zone's content quota", async () => {
        const { response } = await teo("DescribeContentQuota", { ZoneId: ZONE });
        assert.ok(response?.PurgeQuota.some((q: { Type: string }) => q.Type === "purge_url"));
    });

    it("answers a bad filter with the API's error code", async () => {
        const { code } = await teo("DescribePurgeTasks", { ZoneId: ZONE, Filters: [{ Name: "nope", Values: ["x"] }] });
        assert.strictEqual(code, "InvalidParameter");
    });
});
