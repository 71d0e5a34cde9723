/**
 * A wait's progress line tells why it is not moving while the API keeps failing, and stops saying so once calls
 * succeed again; seen through Pulumi's own dynamic-provider host. Needs the compiled provider.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../emulator";
import { hostedProvider } from "../sdk/hostedProvider";
import { ProviderHost } from "./support/providerHost";

describe("progress of a wait through an outage, in Pulumi's dynamic-provider host", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let host: ProviderHost;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000 });
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
    });
    after(async () => {
        host?.stop();
        await emu?.close();
    });

    it("shows the last error and for how long while retrying, and clears it when reads answer again", async () => {
        // Without a resource URN the host writes progress to standard error, one line per check. No delay inputs:
        // the wait goes through the shared poller, as waits do by default.
        emu.faults.add({ action: "DescribePurgeTasks", kind: "reset", times: "always" });
        const creating = host.create({ __provider: await ProviderHost.serialize(hostedProvider("urlPurge")),
            urls: ["https://www.example.com/o.html"], timeoutSeconds: 60 });
        // Each check retries its read a few times before it fails; the first failed check comes within seconds.
        const giveUpAt = Date.now() + 30_000;
        while (!/API unreachable/.test(host.stderr) && Date.now() < giveUpAt) {
            await new Promise((r) => setTimeout(r, 100));
        }
        emu.faults.clear();
        const { properties } = await creating;
        const lines = host.stderr.split("\n").filter((l) => l.startsWith("purge task"));
        assert.ok(lines.some((l) => /0\/1 done, 1 pending, 0 failed after \d+ s, next check in [\d.]+ s; API unreachable for \d+ s: .*socket hang up.*; retrying$/.test(l)),
            lines.join("\n"));
        assert.deepStrictEqual([properties.status, lines[lines.length - 1].replace(/after \d+ s/, "after N s")],
            ["done", `purge task ${properties.taskId}: 1/1 done, 0 pending, 0 failed after N s`]);
    });
});
