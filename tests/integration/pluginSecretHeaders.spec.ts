/**
 * A prefetch's `headers` may carry the origin's credentials: the provider plugin (Python, Go, YAML) hands them
 * back secret in what the engine stores (Check's inputs, Create's outputs) even when the program gave them in
 * plain text, for `UrlPush` and `edgeone.Prefetch`. Needs the compiled provider (`npm run build`).
 */
import * as assert from "assert";
import { isSecret, urnOf } from "../support/pluginHost";
import { pluginOnEmulator } from "../support/pluginOnEmulator";

const BEARER = "Bearer plugin-origin-SECRET-2c9e4b17";
const HEADERS = [{ name: "Authorization", value: BEARER }];
const URL = "https://www.example.com/app.js";
const QUICK = { minDelaySeconds: 0.1, maxDelaySeconds: 0.2 };

/** The specs of one prefetch resource: `urn`, its inputs with the headers, and the API call that carries them. */
function secretHeaders(urn: string, inputs: Record<string, unknown>, submit: string, t: ReturnType<typeof pluginOnEmulator>) {
    it("check returns the headers secret, for the engine to store encrypted", async () => {
        const { inputs: checked, failures } = await t.plugin.check(urn, {}, inputs);
        assert.deepStrictEqual([failures, isSecret(checked.headers), JSON.stringify(checked).includes(BEARER)], [[], true, true]);
    });
    it("create sends the headers and returns them secret in the outputs", async () => {
        const { properties } = await t.plugin.create(urn, inputs);
        const sent = t.emu.stats.snapshot().recent.find((r) => r.action === submit)?.params as { Headers?: unknown };
        assert.deepStrictEqual([sent?.Headers, isSecret(properties.headers)], [[{ Name: "Authorization", Value: BEARER }], true]);
    });
    it("leaves the other inputs plain", async () => {
        const { inputs: checked } = await t.plugin.check(urn, {}, inputs);
        assert.deepStrictEqual(Object.keys(checked).filter((k) => isSecret(checked[k])), ["headers"]);
    });
}

describe("a prefetch's headers through the provider plugin", function () {
    this.timeout(30_000);
    describe("UrlPush", () => {
        const t = pluginOnEmulator({ pushCompleteAfterMs: 300 }, "endpoint");
        secretHeaders(urnOf("UrlPush"), { urls: [URL], headers: HEADERS, ...QUICK }, "PushUrlsCache", t);
    });
    describe("edgeone.Prefetch", () => {
        const t = pluginOnEmulator({ teoPrefetchCompleteAfterMs: 300 }, "teoEndpoint");
        secretHeaders("urn:pulumi:test::purge::tencentcloud-purge:edgeone:Prefetch::warm",
            { zoneId: "zone-2noz78a8ev6k", targets: [URL], headers: HEADERS, ...QUICK }, "CreatePrefetchTask", t);
    });
});
