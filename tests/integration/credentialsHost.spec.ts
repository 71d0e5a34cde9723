/**
 * Each credential source end to end through Pulumi's own dynamic-provider host, as `pulumi up` drives it: the
 * stack config arrives through configure, the rest from the host's environment; the emulator serves the CDN
 * API and STS, a local server stands in for the CVM metadata service. Needs the compiled provider
 * (`npm run build`).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { MetadataServer, startMetadataServer } from "../support/metadataServer";
import { ProviderHost } from "../support/providerHost";

const HOST_MODULE = path.join(__dirname, "..", "..", "bin", "provider", "host.js");
/** Credentials live this long, so every purge below outlives its first ones. */
const LIFETIME_SECONDS = 2;
const COMPLETE_AFTER_MS = 3500;
const KEYS = { "tencentcloud-purge:secretId": EMULATOR_CREDENTIALS.secretId, "tencentcloud-purge:secretKey": EMULATOR_CREDENTIALS.secretKey };

describe("credential sources through the provider host", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let home: string;
    let urlPurge: string;
    const hosts: ProviderHost[] = [];

    before(async () => {
        assert.ok(fs.existsSync(HOST_MODULE), `${HOST_MODULE} is missing: run "npm run build" first`);
        emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, temporaryCredentialSeconds: LIFETIME_SECONDS });
        urlPurge = await ProviderHost.serialize(hostedProvider("urlPurge"));
    });
    beforeEach(() => {
        emu.reset();
        home = fs.mkdtempSync(path.join(os.tmpdir(), "purge-host-home-"));
    });
    afterEach(() => {
        hosts.splice(0).forEach((h) => h.stop());
        fs.rmSync(home, { recursive: true, force: true });
    });
    after(() => emu.close());

    /** A host with no keys in its environment (HOME is the temp folder), configured with `config`. */
    const host = async (config: Record<string, string>, env: Record<string, string> = {}) => {
        const h = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", HOME: home,
            TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_STS_ENDPOINT: emu.url, ...env });
        hosts.push(h);
        await h.configure(config);
        return h;
    };
    const purge = (h: ProviderHost, extra: Record<string, unknown> = {}) =>
        h.create({ __provider: urlPurge, urls: ["https://www.example.com/creds.html"], ...extra });
    const issued = () => emu.temporaryCredentials.all().length;

    it("assumeRole (stack config tencentcloud:assumeRole): the purge is waited for across credential expiries", async () => {
        const h = await host({ ...KEYS, "tencentcloud:assumeRole": JSON.stringify({ roleArn: emu.roleArns[0], sessionName: "gate" }) });
        const { properties } = await purge(h);
        assert.strictEqual(properties.status, "done");
        assert.ok(issued() >= 2, `only ${issued()} credential(s) issued: the wait did not renew them`);
        assert.deepStrictEqual(emu.stats.snapshot().errors, {}, "no call was refused, e.g. for an expired token");
    });

    it("assumeRole: a renewal STS refuses is reported with its cause, and the wait retries until its deadline", async () => {
        const h = await host({ ...KEYS, "tencentcloud-purge:assumeRole": JSON.stringify({ roleArn: emu.roleArns[0] }) });
        // Long enough for a read to fail for good (its own retries included) before the deadline.
        const created = purge(h, { timeoutSeconds: 14 });
        await new Promise((r) => setTimeout(r, 500));
        emu.faults.add({ action: "AssumeRole", kind: "apiError", code: "ResourceNotFound.RoleNotFound", times: "always" });
        await assert.rejects(created, (e: Error) => /timed out after/.test(e.message) &&
            /CredentialsUnavailable/.test(e.message) && /renewing the temporary credentials failed: .*ResourceNotFound\.RoleNotFound/.test(e.message));
        assert.ok(emu.stats.snapshot().requests.AssumeRole! > 2, "the wait should have kept trying STS");
    });

    it("web identity (token file in TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE): no keys anywhere", async () => {
        const file = path.join(home, "oidc-token");
        fs.writeFileSync(file, emu.webIdentity.webIdentityToken);
        const h = await host({}, { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE: file, TENCENTCLOUD_ASSUME_ROLE_ARN: emu.webIdentity.roleArn,
            TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: emu.webIdentity.providerId });
        assert.strictEqual((await purge(h)).properties.status, "done");
        assert.ok(issued() >= 2, `only ${issued()} credential(s) issued`);
    });

    it("web identity (a TKE pod's TKE_* variables, as the official SDKs read them)", async () => {
        const file = path.join(home, "tke-token");
        fs.writeFileSync(file, emu.webIdentity.webIdentityToken);
        const h = await host({}, { TKE_REGION: "ap-guangzhou", TKE_PROVIDER_ID: emu.webIdentity.providerId, TKE_WEB_IDENTITY_TOKEN_FILE: file,
            TKE_ROLE_ARN: emu.webIdentity.roleArn });
        assert.strictEqual((await purge(h)).properties.status, "done");
        assert.ok(issued() >= 1);
    });

    it("profile (tencentcloud:profile in tencentcloud:sharedCredentialsDir), as tccli configure writes it", async () => {
        const dir = path.join(home, "profiles");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "deploy.credential"), JSON.stringify({ secretId: EMULATOR_CREDENTIALS.secretId,
            secretKey: EMULATOR_CREDENTIALS.secretKey }));
        const h = await host({ "tencentcloud:profile": "deploy", "tencentcloud:sharedCredentialsDir": dir });
        assert.strictEqual((await purge(h)).properties.status, "done");
    });

    describe("CVM instance role", () => {
        let md: MetadataServer;
        before(async () => {
            md = await startMetadataServer(emu, "purge-role", LIFETIME_SECONDS);
        });
        after(() => md.close());

        it("camRoleName with the metadata service pointed at a local server", async () => {
            const h = await host({ "tencentcloud:camRoleName": "purge-role", "tencentcloud-purge:metadataEndpoint": md.url });
            assert.strictEqual((await purge(h)).properties.status, "done");
            assert.ok(md.requests.length >= 2, `metadata asked ${md.requests.length} time(s)`);
        });
    });

    it("precedence: keys in stack config win over a web identity in the host's environment", async () => {
        const h = await host(KEYS, { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "not-the-token", TENCENTCLOUD_ASSUME_ROLE_ARN: "qcs::cam::uin/1:roleName/x" });
        assert.strictEqual((await purge(h)).properties.status, "done");
        assert.strictEqual(issued(), 0);
    });

    it("a role to assume without base credentials fails before any request, naming where the role was set", async () => {
        const h = await host({ "tencentcloud:assumeRole": JSON.stringify({ roleArn: emu.roleArns[0] }) });
        await assert.rejects(purge(h), /assumeRole\.roleArn is set \(stack config tencentcloud:assumeRole\) but no base credentials/);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });
});
