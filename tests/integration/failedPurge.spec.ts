/**
 * The rule for a purge the CDN reports failed, through Pulumi's own dynamic-provider host: the next `pulumi up`
 * submits it again and says so, three submissions in all; after that the update fails without submitting until
 * the inputs change. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { HostError, ProviderHost } from "../support/providerHost";

describe("a purge the CDN reports failed, in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let host: ProviderHost;
    let provider: string;
    const purges = () => emu.stats.snapshot().requests.PurgeUrlsCache ?? 0;
    const inputs = (extra: Record<string, unknown> = {}) =>
        ({ __provider: provider, urls: ["https://www.example.com/fail/page.html"], minDelaySeconds: 0.1, maxDelaySeconds: 0.2, ...extra });
    const failure = (p: Promise<unknown>) => p.then(() => assert.fail("the purge should fail"), (e: HostError) => e);
    /** The state after `n` failed submissions of `inputs()`, as the engine would hold it. */
    const failedTimes = async (n: number) => {
        let err = await failure(host.create(inputs()));
        for (let i = 1; i < n; i++) {
            err = await failure(host.update(err.partial!.id, err.partial!.properties, inputs()));
        }
        return err;
    };

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 200 });
        provider = await ProviderHost.serialize(hostedProvider("urlPurge"));
        host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey, TENCENTCLOUD_CDN_ENDPOINT: emu.url });
    });
    beforeEach(() => emu.reset());
    after(async () => {
        host?.stop();
        await emu?.close();
    });

    it("fails the create, saying the next up submits it again", async () => {
        const err = await failedTimes(1);
        assert.match(err.message, /fail\/page\.html.*the next `pulumi up` submits again what was not purged \(submission 2 of 3\)/);
        assert.deepStrictEqual([err.partial?.properties.status, err.partial?.properties.attempt], ["fail", 1]);
    });

    it("the next update reports a change, so a failed purge is never passed over", async () => {
        const err = await failedTimes(1);
        assert.strictEqual(await host.diff(err.partial!.id, err.partial!.properties, inputs()), "some");
    });

    it("the next update submits the failed purge again, with a warning", async () => {
        const stderrBefore = host.stderr.length;
        const err = await failedTimes(2);
        assert.deepStrictEqual([purges(), err.partial?.properties.attempt], [2, 2]);
        assert.match(host.stderr.slice(stderrBefore), /warning: purge task \d+ failed at the CDN; submitting the purge again \(submission 2 of 3\)/);
    });

    it("after three submissions, the update fails at once without submitting", async () => {
        const third = await failedTimes(3);
        assert.match(third.message, /it is not submitted again until its inputs change/);
        const err = await failure(host.update(third.partial!.id, third.partial!.properties, inputs()));
        assert.match(err.message, /submitted 3 times already.*Change `triggers`/);
        assert.strictEqual(purges(), 3);
    });

    it("a change of triggers submits a purge that failed three times, counting from one", async () => {
        const third = await failedTimes(3);
        const err = await failure(host.update(third.partial!.id, third.partial!.properties, inputs({ triggers: ["again"] })));
        assert.deepStrictEqual([purges(), err.partial?.properties.attempt], [4, 1]);
    });
});
