/**
 * The emulator's STS, driven the way credential sources drive it: the Node.js SDK's own STSCredential
 * (AssumeRole, signed) and OIDCRoleArnCredential (AssumeRoleWithWebIdentity, `Authorization: SKIP`), pointed at
 * the emulator's address, and a CDN client that signs with what they return.
 */
import * as assert from "assert";
import * as http from "http";
import { CommonClient } from "tencentcloud-sdk-nodejs/tencentcloud/common/common_client";
import { OIDCRoleArnCredential, STSCredential } from "tencentcloud-sdk-nodejs/tencentcloud/common/credential";
import { cdn } from "tencentcloud-sdk-nodejs/tencentcloud/services/cdn";
import { EmulatorCredential } from "../../emulator/auth";
import { emulatorClient } from "../../emulator/cdn/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { STS_API_VERSION } from "../../emulator/stsService";

const codeOf = (p: Promise<unknown>): Promise<string | undefined> =>
    p.then(() => "no error", (e: { code?: string; message?: string }) => e.code ?? e.message);

describe("emulator STS with the Node.js SDK's credential classes", () => {
    let emu: RunningEmulator;
    let skewMs = 0;

    before(async () => {
        emu = await startEmulator({ authClock: () => Date.now() + skewMs });
    });
    beforeEach(() => {
        emu.reset();
        skewMs = 0;
    });
    after(() => emu.close());

    /** No key: what the SDK itself passes for the unsigned AssumeRoleWithWebIdentity. */
    const NO_KEY = { secretId: "", secretKey: "" };
    const clientConfig = (credential: EmulatorCredential = NO_KEY) => ({
        credential: { secretId: credential.secretId, secretKey: credential.secretKey },
        profile: { httpProfile: { endpoint: emu.endpoint, protocol: "http://", agent: new http.Agent() } },
    });
    const stsClient = (credential?: EmulatorCredential) => new CommonClient(emu.endpoint, STS_API_VERSION,
        { region: "ap-guangzhou", ...clientConfig(credential) });
    const webIdentityParams = (overrides: Record<string, string> = {}) => ({
        ProviderId: emu.webIdentity.providerId, WebIdentityToken: emu.webIdentity.webIdentityToken,
        RoleArn: emu.webIdentity.roleArn, RoleSessionName: "ci-oidc", ...overrides,
    });
    /** A CDN client whose credential is a credential source object, as the SDK takes it. */
    const cdnClientWith = (credential: STSCredential | OIDCRoleArnCredential) => new cdn.v20180606.Client({
        credential, region: "", profile: { httpProfile: { endpoint: emu.endpoint, protocol: "http://", agent: new http.Agent() } },
    });

    it("STSCredential assumes a role, and the CDN client signs with the temporary credentials and their token", async () => {
        const source = new STSCredential(clientConfig(emu.credentials[0]), { RoleArn: emu.roleArns[0], RoleSessionName: "deploy" });
        const quota = await cdnClientWith(source).DescribePurgeQuota();
        assert.ok(Array.isArray(quota.UrlPurge));
        assert.deepStrictEqual(emu.temporaryCredentials.all().map((c) => [c.roleArn, c.roleSessionName]), [[emu.roleArns[0], "deploy"]]);
    });

    it("OIDCRoleArnCredential assumes the role unsigned, and the CDN client signs with what it got", async () => {
        const source = new OIDCRoleArnCredential(clientConfig(), webIdentityParams());
        const quota = await cdnClientWith(source).DescribePurgeQuota();
        assert.ok(Array.isArray(quota.UrlPurge));
        assert.strictEqual(emu.temporaryCredentials.all().length, 1);
    });

    it("answers credentials shaped as the real API's: Credentials, ExpiredTime and Expiration agree", async () => {
        const res = await stsClient(emu.credentials[0]).request("AssumeRole",
            { RoleArn: emu.roleArns[0], RoleSessionName: "shape", DurationSeconds: 900 });
        assert.deepStrictEqual(Object.keys(res.Credentials).sort(), ["TmpSecretId", "TmpSecretKey", "Token"]);
        assert.ok(Math.abs(res.ExpiredTime - (Date.now() / 1000 + 900)) < 5, String(res.ExpiredTime));
        assert.strictEqual(Date.parse(res.Expiration) / 1000, res.ExpiredTime);
        assert.match(res.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    it("answers AuthFailure.TokenFailure once the temporary credentials expire", async () => {
        const short = await startEmulator({ temporaryCredentialSeconds: 1, authClock: () => Date.now() + skewMs });
        try {
            const res = await new CommonClient(short.endpoint, STS_API_VERSION, { credential: short.credentials[0],
                profile: { httpProfile: { endpoint: short.endpoint, protocol: "http://", agent: new http.Agent() } } })
                .request("AssumeRole", { RoleArn: short.roleArns[0], RoleSessionName: "short", DurationSeconds: 3600 });
            const temporary = { secretId: res.Credentials.TmpSecretId, secretKey: res.Credentials.TmpSecretKey, token: res.Credentials.Token };
            assert.strictEqual(res.ExpiredTime - Math.floor(Date.now() / 1000) <= 1, true, "the lifetime option wins over DurationSeconds");
            const client = emulatorClient(short, { credential: temporary });
            assert.ok(Array.isArray((await client.DescribePurgeQuota()).UrlPurge));
            skewMs = 1500;
            assert.strictEqual(await codeOf(client.DescribePurgeQuota()), "AuthFailure.TokenFailure");
        } finally {
            await short.close();
        }
    });

    it("answers AuthFailure.TokenFailure for temporary credentials sent with another token", async () => {
        const res = await stsClient(emu.credentials[0]).request("AssumeRole", { RoleArn: emu.roleArns[0], RoleSessionName: "tok" });
        const wrong = { secretId: res.Credentials.TmpSecretId, secretKey: res.Credentials.TmpSecretKey, token: "not-the-token" };
        assert.strictEqual(await codeOf(emulatorClient(emu, { credential: wrong }).DescribePurgeQuota()), "AuthFailure.TokenFailure");
    });

    it("answers ResourceNotFound.RoleNotFound for a role it was not configured with", async () => {
        assert.strictEqual(await codeOf(stsClient(emu.credentials[0]).request("AssumeRole",
            { RoleArn: "qcs::cam::uin/1:roleName/other", RoleSessionName: "x1" })), "ResourceNotFound.RoleNotFound");
    });

    it("answers AuthFailure.SignatureFailure for AssumeRole signed with a wrong key", async () => {
        const wrong = { ...emu.credentials[0], secretKey: "wrong" };
        assert.strictEqual(await codeOf(stsClient(wrong).request("AssumeRole", { RoleArn: emu.roleArns[0], RoleSessionName: "x1" })),
            "AuthFailure.SignatureFailure");
    });

    it("answers InvalidParameter.OverTimeError for DurationSeconds over 43200", async () => {
        assert.strictEqual(await codeOf(stsClient(emu.credentials[0]).request("AssumeRole",
            { RoleArn: emu.roleArns[0], RoleSessionName: "x1", DurationSeconds: 43201 })), "InvalidParameter.OverTimeError");
    });

    it("answers MissingParameter for AssumeRole without RoleSessionName", async () => {
        assert.strictEqual(await codeOf(stsClient(emu.credentials[0]).request("AssumeRole", { RoleArn: emu.roleArns[0] })),
            "MissingParameter");
    });

    it("answers InvalidParameter.WebIdentityTokenError for a web identity token it was not configured with", async () => {
        assert.strictEqual(await codeOf(stsClient().request("AssumeRoleWithWebIdentity",
            webIdentityParams({ WebIdentityToken: "forged" }), { skipSign: true })), "InvalidParameter.WebIdentityTokenError");
    });

    it("answers InvalidParameter.ParamError for another identity provider or role", async () => {
        const overrides: Array<Record<string, string>> = [{ ProviderId: "other-oidc" }, { RoleArn: "qcs::cam::uin/1:roleName/other" }];
        const codes = await Promise.all(overrides.map((o) =>
            codeOf(stsClient().request("AssumeRoleWithWebIdentity", webIdentityParams(o), { skipSign: true }))));
        assert.deepStrictEqual(codes, ["InvalidParameter.ParamError", "InvalidParameter.ParamError"]);
    });

    it("does not serve AssumeRole unsigned", async () => {
        assert.strictEqual(await codeOf(stsClient().request("AssumeRole", { RoleArn: emu.roleArns[0], RoleSessionName: "x1" },
            { skipSign: true })), "AuthFailure.InvalidAuthorization");
    });

    it("keeps the web identity token out of its request statistics", async () => {
        await stsClient().request("AssumeRoleWithWebIdentity", webIdentityParams(), { skipSign: true });
        const recent = JSON.stringify(emu.stats.snapshot().recent);
        assert.ok(!recent.includes(emu.webIdentity.webIdentityToken), recent);
        assert.ok(recent.includes("AssumeRoleWithWebIdentity"));
    });
});
