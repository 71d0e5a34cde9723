/**
 * A second official client against the emulator: the Go SDK (tencentcloud-sdk-go's common package), through the
 * test tool in tests/goClient that the run builds. Its default (TC3-HMAC-SHA256 over POST, generic
 * CommonRequest) signs the host with its port; its GET and v1 modes send flat parameters. Each suite runs the
 * whole purge scenario; the STS suite takes temporary credentials the way the SDK's providers do and signs with
 * them.
 */
import * as assert from "assert";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { STS_API_VERSION } from "../../emulator/stsService";
import { buildGoClient, GoCall, runGoClient } from "../support/goClient";
import { CallAction, purgeScenario } from "../support/purgeScenario";

describe("emulator with the Go SDK", function () {
    let bin: string | undefined;

    before(function () {
        this.timeout(600_000); // a first build downloads the SDK module and compiles it
        bin = buildGoClient();
        if (bin === undefined) {
            console.warn("    Go is not installed: the Go SDK tests are skipped (in CI they fail instead)");
            this.skip();
        }
    });

    const goSdk = (options: Omit<GoCall, "endpoint" | "action" | "params" | "credential">): CallAction =>
        (emu, action, params, credential) =>
            runGoClient(bin!, { ...options, endpoint: emu.endpoint, action, params, credential: credential ?? emu.credentials[0] });

    purgeScenario("TC3-HMAC-SHA256 over POST with the generic CommonRequest (the SDK's defaults)", goSdk({}), 60_000);
    for (const sign of ["TC3-HMAC-SHA256", "HmacSHA1", "HmacSHA256"] as const) {
        for (const method of ["POST", "GET"] as const) {
            if (sign !== "TC3-HMAC-SHA256" || method !== "POST") {
                purgeScenario(`${sign} over ${method} with a typed request`, goSdk({ sign, method, request: "typed" }), 60_000);
            }
        }
    }

    describe("STS", function () {
        this.timeout(60_000);
        let emu: RunningEmulator;
        const sts = (action: string, params: Record<string, unknown>, extra: Partial<GoCall> = {}) =>
            runGoClient(bin!, { endpoint: emu.endpoint, service: "sts", version: STS_API_VERSION, action, params, ...extra });

        before(async () => {
            emu = await startEmulator();
        });
        after(() => emu.close());

        const assumeRole = async () => {
            const { response, code } = await sts("AssumeRole", { RoleArn: emu.roleArns[0], RoleSessionName: "go-sdk" },
                { credential: emu.credentials[0] });
            assert.ok(response, `AssumeRole answered ${code}`);
            const c = response.Credentials;
            return { secretId: c.TmpSecretId, secretKey: c.TmpSecretKey, token: c.Token };
        };

        it("issues temporary credentials that sign a TC3 call with X-TC-Token", async () => {
            const credential = await assumeRole();
            const { response } = await runGoClient(bin!, { endpoint: emu.endpoint, action: "DescribePurgeQuota", credential });
            assert.ok(Array.isArray(response?.UrlPurge));
        });

        it("issues temporary credentials that sign a v1 call with the Token parameter", async () => {
            const credential = await assumeRole();
            const { response } = await runGoClient(bin!, { endpoint: emu.endpoint, action: "DescribePurgeQuota", credential,
                sign: "HmacSHA256", method: "GET" });
            assert.ok(Array.isArray(response?.UrlPurge));
        });

        it("answers TokenFailure for temporary credentials sent without their token", async () => {
            const { secretId, secretKey } = await assumeRole();
            const { code } = await runGoClient(bin!, { endpoint: emu.endpoint, action: "DescribePurgeQuota", credential: { secretId, secretKey } });
            assert.strictEqual(code, "AuthFailure.TokenFailure");
        });

        it("serves AssumeRoleWithWebIdentity unsigned, as the SDK's OIDC provider sends it", async () => {
            const w = emu.webIdentity;
            const { response, code } = await sts("AssumeRoleWithWebIdentity", {
                ProviderId: w.providerId, WebIdentityToken: w.webIdentityToken, RoleArn: w.roleArn, RoleSessionName: "go-oidc",
                DurationSeconds: 600,
            }, { skipSign: true });
            assert.ok(response, `AssumeRoleWithWebIdentity answered ${code}`);
            const lifetime = response.ExpiredTime - Date.now() / 1000;
            assert.ok(lifetime > 590 && lifetime <= 600, String(lifetime));
        });
    });
});
