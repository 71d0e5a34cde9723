/**
 * Role credentials through the provider plugin (the host of every other Pulumi language): the provider's
 * configuration as the engine sends it in Configure, an `assumeRole` object included, against the emulator's STS.
 * Needs the compiled provider.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import { isSecret, PluginHost, secret, urnOf } from "../support/pluginHost";

describe("the provider plugin with an assumed role", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    let plugin: PluginHost | undefined;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 3000, temporaryCredentialSeconds: 2 });
    });
    after(async () => {
        plugin?.stop();
        await emu?.close();
    });

    it("makes a web identity secret in CheckConfig even when set without --secret: it may hold the token", async () => {
        plugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
        const inputs = await plugin.checkConfig({ assumeRoleWithWebIdentity: { roleArn: emu.webIdentity.roleArn, webIdentityToken: "tok" } });
        assert.ok(isSecret(inputs.assumeRoleWithWebIdentity));
        plugin.stop();
    });

    it("assumes the role in the provider's assumeRole and keeps waiting across credential expiries", async () => {
        plugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", HOME: "/nonexistent" });
        await plugin.configure({ secretId: EMULATOR_CREDENTIALS.secretId, secretKey: secret(EMULATOR_CREDENTIALS.secretKey),
            endpoint: emu.url, stsEndpoint: emu.url, assumeRole: { roleArn: emu.roleArns[0], sessionName: "plugin" } });
        const { properties } = await plugin.create(urnOf("UrlPurge", "site"), { urls: ["https://www.example.com/plugin-role.html"] });
        assert.strictEqual(properties.status, "done");
        const issued = emu.temporaryCredentials.all();
        assert.ok(issued.length >= 2 && issued.every((c) => c.roleSessionName === "plugin"), `issued ${issued.length}`);
    });
});
