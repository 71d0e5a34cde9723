/**
 * Credential and endpoint messages name the place each value really came from, seen as a user sees them:
 * through Pulumi's own dynamic-provider host, against the emulator. Needs the compiled provider.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { ProviderHost } from "../support/providerHost";

const NO_ENV = { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_SECURITY_TOKEN: "", TENCENTCLOUD_CDN_ENDPOINT: "" };
const UNKNOWN_ID = "AKIDunknown00000000000000000000000000";

describe("connection messages in Pulumi's dynamic-provider host", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let provider: string;
    const hosts: ProviderHost[] = [];
    /** A host with `env` and stack `config`; `create` of a one-URL purge on it. */
    const createWith = async (env: Record<string, string>, config: Record<string, string>) => {
        const host = await ProviderHost.start({ ...NO_ENV, ...env });
        hosts.push(host);
        await host.configure(config);
        return host.create({ __provider: provider, urls: ["https://www.example.com/h.html"] });
    };
    const requests = () => Object.values(emu.stats.snapshot().requests).reduce((a, b) => a + (b ?? 0), 0);

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 200 });
        provider = await ProviderHost.serialize(hostedProvider("urlPurge"));
    });
    beforeEach(() => emu.reset());
    afterEach(() => hosts.splice(0).forEach((h) => h.stop()));
    after(async () => emu?.close());

    it("blames an unknown SecretId on the tencentcloud:* stack config it came from", async () => {
        await assert.rejects(createWith({}, { "tencentcloud:secretId": UNKNOWN_ID, "tencentcloud:secretKey": "some-key",
            "tencentcloud-purge:endpoint": emu.url }), (e: Error) => /SecretIdNotFound.*Hint: the SecretId is unknown to the API: check stack config tencentcloud:secretId/.test(e.message) &&
            !/TENCENTCLOUD_SECRET_ID|tencentcloud-purge:secretId/.test(e.message));
    });

    it("blames a wrong SecretKey on the environment variable it came from", async () => {
        await assert.rejects(createWith({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: "wrong-key",
            TENCENTCLOUD_CDN_ENDPOINT: emu.url }, {}), /the SecretKey from environment variable TENCENTCLOUD_SECRET_KEY does not belong to the SecretId from environment variable TENCENTCLOUD_SECRET_ID/);
    });

    it("lists every place a resource can take credentials from, in order, and no connection option (only getPurgeTasks has one)", async () => {
        await assert.rejects(createWith({ HOME: "/nonexistent" }, {}), (e: Error) => new RegExp("No Tencent Cloud credentials found.*" +
            "Looked in this order: 1\\. stack config tencentcloud-purge:assumeRoleWithWebIdentity, tencentcloud-purge:camRoleName, or tencentcloud-purge:secretId and tencentcloud-purge:secretKey; " +
            "2\\. stack config tencentcloud:assumeRoleWithWebIdentity, tencentcloud:camRoleName, or tencentcloud:secretId and tencentcloud:secretKey; " +
            "3\\. environment variable TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN\\(_FILE\\) with TENCENTCLOUD_ASSUME_ROLE_ARN, TENCENTCLOUD_CAM_ROLE_NAME, or TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY; " +
            "4\\. the shared credentials file /nonexistent/\\.tccli/default\\.credential \\(profile default\\); " +
            "5\\. a TKE pod identity").test(e.message) && !/connection option/.test(e.message));
    });

    it("refuses an endpoint with a port but no scheme, naming the variable and the forms, before any request", async () => {
        const bare = `127.0.0.1:${emu.port}`;
        await assert.rejects(createWith({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
            TENCENTCLOUD_CDN_ENDPOINT: bare }, {}), (e: Error) => e.message.includes(`environment variable TENCENTCLOUD_CDN_ENDPOINT must start with http:// or https://`) &&
            e.message.includes(`http://${bare}`));
        assert.strictEqual(requests(), 0);
    });

    it("hints at http:// when https:// meets a plain-HTTP server", async () => {
        await assert.rejects(createWith({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey },
            { "tencentcloud-purge:endpoint": `https://127.0.0.1:${emu.port}` }),
        new RegExp(`TlsFailed.*the TLS handshake with https://127\\.0\\.0\\.1:${emu.port} \\(from stack config tencentcloud-purge:endpoint\\) failed: ` +
            `if that server speaks plain HTTP \\(as the emulator does\\), write http://127\\.0\\.0\\.1:${emu.port}`));
    });

    it("names the stack config key of an endpoint that cannot be reached", async () => {
        await assert.rejects(createWith({ TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey },
            { "tencentcloud-purge:endpoint": "http://127.0.0.1:9" }), /could not reach http:\/\/127\.0\.0\.1:9 \(from stack config tencentcloud-purge:endpoint\)/);
    });
});
