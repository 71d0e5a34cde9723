/**
 * Every credential source signing real CDN calls against the emulator: its STS for roles and web identities,
 * profile files in a temporary folder, and a local stand-in for the CVM metadata service.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { ConnectionInput, resolveConnection } from "../../provider/client/connection";
import { PurgeApiError } from "../../provider/client/apiError";
import { MetadataServer, startMetadataServer } from "../support/metadataServer";

const NO_RETRY = { maxAttempts: 1, baseDelayMs: 0, throttledBaseDelayMs: 0, maxDelayMs: 0 };

describe("credential sources against the emulator", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let dir: string;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 0 });
    });
    beforeEach(() => {
        emu.reset();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-creds-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    after(() => emu.close());

    /** A client over `explicit` and `env` (HOME points at the temp folder, so no real profile is read). */
    const client = (explicit: ConnectionInput, env: NodeJS.ProcessEnv = {}) =>
        new PurgeClient(resolveConnection({ endpoint: emu.url, stsEndpoint: emu.url, ...explicit }, undefined, { HOME: dir, ...env }),
            { retry: NO_RETRY });
    const keys = { secretId: EMULATOR_CREDENTIALS.secretId, secretKey: EMULATOR_CREDENTIALS.secretKey };
    const issued = () => emu.temporaryCredentials.all().map((c) => c.roleSessionName);

    it("assumeRole: signs with the role's temporary credentials, assumed with the base keys", async () => {
        await client({ ...keys, assumeRole: { roleArn: emu.roleArns[0], sessionName: "deploy" } }).describePurgeQuota();
        assert.deepStrictEqual(issued(), ["deploy"]);
    });

    it("assumeRole from TENCENTCLOUD_ASSUME_ROLE_ARN and _SESSION_NAME", async () => {
        await client(keys, { TENCENTCLOUD_ASSUME_ROLE_ARN: emu.roleArns[0], TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "from-env" })
            .describePurgeQuota();
        assert.deepStrictEqual(issued(), ["from-env"]);
    });

    it("assumeRole renews the credentials as they expire, so calls go on working", async () => {
        const short = await startEmulator({ completeAfterMs: 0, temporaryCredentialSeconds: 2 });
        try {
            const c = new PurgeClient(resolveConnection({ ...keys, endpoint: short.url, stsEndpoint: short.url,
                assumeRole: { roleArn: short.roleArns[0] } }, undefined, { HOME: dir }), { retry: NO_RETRY });
            for (let i = 0; i < 4; i++) {
                await c.describePurgeQuota();
                await new Promise((r) => setTimeout(r, 1000));
            }
            assert.ok(short.temporaryCredentials.all().length >= 2, `issued ${short.temporaryCredentials.all().length}`);
        } finally {
            await short.close();
        }
    });

    it("assumeRole sends its duration, and its policy URL-encoded as STS takes it", async () => {
        const policy = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["cdn:DescribePurgeTasks"], resource: ["*"] }] });
        await client({ ...keys, assumeRole: { roleArn: emu.roleArns[0], sessionDuration: 900, policy } }).describePurgeQuota();
        const sent = emu.stats.snapshot().recent.find((r) => r.action === "AssumeRole")?.params as Record<string, unknown>;
        assert.deepStrictEqual([sent.DurationSeconds, sent.Policy, sent.RoleSessionName], [900, encodeURIComponent(policy), "pulumi-tencentcloud-purge"]);
    });

    it("assumeRole of a role STS does not know fails at once, naming the code and where the role was set", async () => {
        await assert.rejects(client({ ...keys, assumeRole: { roleArn: "qcs::cam::uin/1:roleName/nope" } }).describePurgeQuota(),
            (e: PurgeApiError) => e.code === "CredentialsUnavailable" && !e.retryable &&
                /connection option assumeRole/.test(e.message) && /ResourceNotFound\.RoleNotFound/.test(e.message));
    });

    it("web identity: a token file and TENCENTCLOUD_ASSUME_ROLE_ARN, no keys at all", async () => {
        const file = path.join(dir, "token");
        fs.writeFileSync(file, emu.webIdentity.webIdentityToken);
        await client({}, { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE: file, TENCENTCLOUD_ASSUME_ROLE_ARN: emu.webIdentity.roleArn,
            TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: emu.webIdentity.providerId, TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "ci" }).describePurgeQuota();
        assert.deepStrictEqual(issued(), ["ci"]);
    });

    it("web identity: a token file in the official provider's JSON form, named in stack-config style", async () => {
        const file = path.join(dir, "token.json");
        fs.writeFileSync(file, JSON.stringify({ web_identity_token: emu.webIdentity.webIdentityToken }));
        await client({ assumeRoleWithWebIdentity: { roleArn: emu.webIdentity.roleArn, providerId: emu.webIdentity.providerId,
            webIdentityTokenFile: file, sessionName: "json-file" } }).describePurgeQuota();
        assert.deepStrictEqual(issued(), ["json-file"]);
    });

    it("web identity: the TKE pod variables the official SDKs read", async () => {
        const file = path.join(dir, "tke-token");
        fs.writeFileSync(file, `${emu.webIdentity.webIdentityToken}\n`);
        await client({}, { TKE_REGION: "ap-guangzhou", TKE_PROVIDER_ID: emu.webIdentity.providerId,
            TKE_WEB_IDENTITY_TOKEN_FILE: file, TKE_ROLE_ARN: emu.webIdentity.roleArn }).describePurgeQuota();
        assert.strictEqual(issued().length, 1);
    });

    it("web identity: a token STS rejects is reported without the token", async () => {
        const token = "wrong-web-identity-token-3f9a";
        await assert.rejects(client({ assumeRoleWithWebIdentity: { roleArn: emu.webIdentity.roleArn, providerId: emu.webIdentity.providerId,
            webIdentityToken: token } }).describePurgeQuota(),
        (e: PurgeApiError) => e.code === "CredentialsUnavailable" && /AssumeRoleWithWebIdentity/.test(e.message) && !e.message.includes(token));
    });

    it("profile: the keys tccli configure wrote, in sharedCredentialsDir", async () => {
        fs.writeFileSync(path.join(dir, "ci.credential"), JSON.stringify({ ...keys, "role-arn": "", "role-session-name": "" }));
        fs.writeFileSync(path.join(dir, "ci.configure"), JSON.stringify({ _sys_param: { region: "ap-singapore", output: "json" } }));
        const settings = resolveConnection({ endpoint: emu.url, profile: "ci", sharedCredentialsDir: dir }, undefined, { HOME: "/nonexistent" });
        assert.strictEqual(settings.region, "ap-singapore");
        await new PurgeClient(settings, { retry: NO_RETRY }).describePurgeQuota();
    });

    it("profile: a key the API rejects is blamed on the profile file, without the key", async () => {
        const file = path.join(dir, "bad.credential");
        fs.writeFileSync(file, JSON.stringify({ secretId: keys.secretId, secretKey: "wrong-profile-SECRET-key" }));
        await assert.rejects(client({ profile: "bad", sharedCredentialsDir: dir }).describePurgeQuota(), (e: PurgeApiError) =>
            e.code === "AuthFailure.SignatureFailure" && e.message.includes(`the SecretKey from secretKey in ${file}`) &&
            !e.message.includes("wrong-profile-SECRET-key"));
    });

    it("profile: the default profile in ~/.tccli when nothing else is set", async () => {
        fs.mkdirSync(path.join(dir, ".tccli"));
        fs.writeFileSync(path.join(dir, ".tccli", "default.credential"), JSON.stringify(keys));
        await client({}).describePurgeQuota();
    });

    it("profile: a role stored in the profile is assumed with its keys", async () => {
        fs.writeFileSync(path.join(dir, "role.credential"), JSON.stringify({ ...keys, "role-arn": emu.roleArns[0], "role-session-name": "tccli" }));
        await client({ profile: "role", sharedCredentialsDir: dir }).describePurgeQuota();
        assert.deepStrictEqual(issued(), ["tccli"]);
    });

    describe("CVM instance role", () => {
        let md: MetadataServer;
        before(async () => {
            md = await startMetadataServer(emu, "deploy-role", 2);
        });
        after(() => md.close());

        it("signs with the role's credentials from the metadata service, renewed as they expire", async () => {
            const c = client({ camRoleName: "deploy-role", metadataEndpoint: md.url });
            await c.describePurgeQuota();
            await new Promise((r) => setTimeout(r, 1800));
            await c.describePurgeQuota();
            assert.deepStrictEqual(md.requests, ["deploy-role", "deploy-role"]);
        });

        it("a role not bound to the instance is reported with the role name and the metadata address", async () => {
            await assert.rejects(client({ camRoleName: "other-role", metadataEndpoint: md.url }).describePurgeQuota(),
                (e: PurgeApiError) => e.code === "CredentialsUnavailable" && /other-role/.test(e.message) && e.message.includes(md.url));
        });

        it("is the base an assumeRole is assumed with", async () => {
            await client({ camRoleName: "deploy-role", metadataEndpoint: md.url, assumeRole: { roleArn: emu.roleArns[0], sessionName: "on-cvm" } })
                .describePurgeQuota();
            assert.deepStrictEqual(issued().filter((s) => s !== "cvm"), ["on-cvm"]);
        });
    });
});
