/**
 * EdgeOne's connection and client: its endpoint settings (default, international domain, environment, stack config,
 * a bad value named by where it came from), the shared retries, and a rate limiter per EdgeOne action apart from CDN's.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { forEdgeOne, resolveConnection } from "../../provider/client/connection";
import { EdgeOneClient } from "../../provider/edgeone/client";
import { limiterFor } from "../../provider/client/actionLimiters";

const KEYS = { TENCENTCLOUD_SECRET_ID: "AKIDx", TENCENTCLOUD_SECRET_KEY: "xkey" };
const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const ZONE = "zone-2noz78a8ev6k";

describe("edgeone: connection and client", () => {
    let emu: RunningEmulator;
    before(async () => {
        emu = await startEmulator();
    });
    beforeEach(() => emu.reset());
    after(() => emu.close());

    it("calls teo.tencentcloudapi.com by default", () => {
        assert.strictEqual(forEdgeOne(resolveConnection({}, undefined, KEYS)).host, "teo.tencentcloudapi.com");
    });
    it("calls the international host under domain", () => {
        const c = resolveConnection({}, config({ "tencentcloud:domain": "intl.tencentcloudapi.com" }), KEYS);
        assert.strictEqual(forEdgeOne(c).host, "teo.intl.tencentcloudapi.com");
    });
    it("takes TENCENTCLOUD_TEO_ENDPOINT as a full URL", () => {
        const c = forEdgeOne(resolveConnection({}, undefined, { ...KEYS, TENCENTCLOUD_TEO_ENDPOINT: "http://127.0.0.1:9000" }));
        assert.deepStrictEqual([c.protocol, c.host, c.origin.endpoint], ["http://", "127.0.0.1:9000", "environment variable TENCENTCLOUD_TEO_ENDPOINT"]);
    });
    it("takes stack config tencentcloud-purge:teoEndpoint over the environment", () => {
        const c = forEdgeOne(resolveConnection({}, config({ "tencentcloud-purge:teoEndpoint": "http://127.0.0.1:9001" }),
            { ...KEYS, TENCENTCLOUD_TEO_ENDPOINT: "http://127.0.0.1:9000" }));
        assert.strictEqual(c.host, "127.0.0.1:9001");
    });
    it("leaves the CDN endpoint alone", () => {
        const c = resolveConnection({}, undefined, { ...KEYS, TENCENTCLOUD_TEO_ENDPOINT: "http://127.0.0.1:9000" });
        assert.strictEqual(c.host, "cdn.tencentcloudapi.com");
    });
    it("refuses a host with a port but no scheme, naming where it was set", () => {
        assert.throws(() => resolveConnection({}, undefined, { ...KEYS, TENCENTCLOUD_TEO_ENDPOINT: "127.0.0.1:9000" }),
            /environment variable TENCENTCLOUD_TEO_ENDPOINT must start with http:\/\//);
    });
    it("retries a throttled read through the shared retries", async () => {
        emu.faults.add([{ kind: "throttle", action: "DescribePurgeTasks" }]);
        const client = new EdgeOneClient(resolveConnection({ ...EMULATOR_CREDENTIALS, teoEndpoint: emu.url }, undefined, {}),
            { retry: { maxAttempts: 3, baseDelayMs: 10, throttledBaseDelayMs: 10, maxDelayMs: 20 } });
        const page = await client.describePurgeTasks({ zoneId: ZONE, filters: [{ name: "job-id", values: ["x"] }] });
        assert.deepStrictEqual([page.totalCount, emu.stats.snapshot().requests.DescribePurgeTasks], [0, 2]);
    });
    it("counts each EdgeOne action against its own limiter, apart from CDN's", async () => {
        const keys: string[] = [];
        const client = new EdgeOneClient(resolveConnection({ ...EMULATOR_CREDENTIALS, teoEndpoint: emu.url }, undefined, {}),
            { limiterFor: (action: string) => { keys.push(action); return limiterFor(action); } });
        await client.describeContentQuota(ZONE);
        await client.describePurgeTasks({ zoneId: ZONE, filters: [{ name: "job-id", values: ["x"] }] });
        assert.deepStrictEqual(keys, ["teo:DescribeContentQuota", "teo:DescribePurgeTasks"]);
    });
    it("says what to do when the zone's daily quota is used up", async () => {
        const small = await startEmulator({ teoQuota: { purge_url: { batch: 10, daily: 1 } } });
        try {
            const client = new EdgeOneClient(resolveConnection({ ...EMULATOR_CREDENTIALS, teoEndpoint: small.url }, undefined, {}));
            await assert.rejects(client.createPurgeTask({ zoneId: ZONE, type: "purge_url", targets: ["https://a.example.com/1", "https://a.example.com/2"] }),
                (e: { code?: string; hint?: string }) => e.code === "LimitExceeded.DailyQuota" && /daily EdgeOne purge quota/.test(e.hint ?? ""));
        } finally {
            await small.close();
        }
    });
});
