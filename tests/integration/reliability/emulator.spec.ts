/**
 * Emulator hardening: loopback only by default, the real AuthFailure codes, and survival of malformed and
 * oversized requests. The signature checks are covered in depth by tests/unit/emulatorSignature.spec.ts,
 * tests/integration/emulatorSdk.spec.ts and tests/integration/emulatorHttp.spec.ts; here each is tried once more over HTTP so the
 * table shows it, plus the abuse those specs do not try.
 */
import * as assert from "assert";
import * as net from "net";
import * as os from "os";
import { authorizationHeader, EMULATOR_CREDENTIALS, RunningEmulator, signedRequest, rawRequest, startEmulator } from "../../../emulator";
import { guardUnhandled } from "./support/guards";
import { finish, record } from "./support/report";

/** Sends raw bytes, returns what came back (or "" when the server closed without answering). */
function rawTcp(port: number, bytes: string | Buffer, endAfterWrite = true): Promise<string> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        let got = "";
        socket.on("data", (d) => (got += d.toString()));
        socket.on("error", () => resolve(got));
        socket.on("close", () => resolve(got));
        socket.write(bytes, () => (endAfterWrite ? socket.end() : setTimeout(() => socket.destroy(), 100)));
        socket.setTimeout(3000, () => socket.destroy());
    });
}

describe("reliability: emulator hardening", function () {
    this.timeout(20_000);
    guardUnhandled();
    let emu: RunningEmulator;
    const healthy = async () => (await rawRequest(emu, "GET", "/healthz")).status === 200 &&
        (await signedRequest(emu, "DescribePurgeQuota", "{}")).json?.Response?.UrlPurge !== undefined;
    const code = (a: { json: any }) => a.json?.Response?.Error?.Code ?? "(none)";

    before(async () => {
        emu = await startEmulator({ maxBodyBytes: 64 * 1024 });
    });
    after(async () => {
        await emu.close();
        finish("emulator");
    });

    it("listens on loopback only by default", async () => {
        assert.strictEqual(emu.host, "127.0.0.1");
        const external = Object.values(os.networkInterfaces()).flat()
            .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
        let detail = "host 127.0.0.1 (no other IPv4 interface to try)";
        if (external) {
            const refused = await new Promise<boolean>((resolve) => {
                const s = net.connect(emu.port, external);
                s.on("connect", () => { s.destroy(); resolve(false); });
                s.on("error", () => resolve(true));
            });
            assert.ok(refused, `reachable on ${external}`);
            detail = "host 127.0.0.1; a connection to the machine's other interface is refused";
        }
        record("emulator", { tried: "default listen address", target: "startEmulator()", outcome: "loopback only",
            detail: `${detail} (also tests/integration/emulatorHttp.spec.ts)`, survived: true });
    });

    const now = () => Math.floor(Date.now() / 1000);
    const AUTH: ReadonlyArray<readonly [string, () => Promise<{ json: any }>, string, string]> = [
        ["without a signature", () => signedRequest(emu, "DescribePurgeQuota", "{}", { authorization: "" }),
            "AuthFailure.InvalidAuthorization", "tests/integration/emulatorHttp.spec.ts, tests/unit/emulatorSignature.spec.ts"],
        ["with a malformed Authorization header", () => signedRequest(emu, "DescribePurgeQuota", "{}", { authorization: "TC3-HMAC-SHA256 junk" }),
            "AuthFailure.InvalidAuthorization", "tests/unit/emulatorSignature.spec.ts"],
        ["signed with the wrong key", () => signedRequest(emu, "DescribePurgeQuota", "{}",
            { credential: { ...EMULATOR_CREDENTIALS, secretKey: "not-the-key" } }), "AuthFailure.SignatureFailure", "tests/integration/emulatorSdk.spec.ts"],
        ["whose body changed after signing", () => signedRequest(emu, "DescribePurgeQuota", "{\"x\":1}", {
            timestamp: now(), authorization: authorizationHeader(EMULATOR_CREDENTIALS.secretId, { secretKey: EMULATOR_CREDENTIALS.secretKey,
                service: "cdn", timestamp: now(), payload: "{}", contentType: "application/json", host: emu.host }) }),
        "AuthFailure.SignatureFailure", "tests/unit/emulatorSignature.spec.ts"],
        ["signed for another service (cvm)", () => signedRequest(emu, "DescribePurgeQuota", "{}", { service: "cvm" }),
            "AuthFailure.InvalidAuthorization", "-"],
        ["signed 301 s ago (expired)", () => signedRequest(emu, "DescribePurgeQuota", "{}", { timestamp: now() - 301 }),
            "AuthFailure.SignatureExpire", "tests/unit/emulatorSignature.spec.ts, tests/integration/emulatorSdk.spec.ts"],
        ["signed 1 h in the future", () => signedRequest(emu, "DescribePurgeQuota", "{}", { timestamp: now() + 3600 }),
            "AuthFailure.SignatureExpire", "-"],
        ["with an unknown SecretId", () => signedRequest(emu, "DescribePurgeQuota", "{}",
            { credential: { secretId: "AKIDunknown000", secretKey: "x" } }), "AuthFailure.SecretIdNotFound", "tests/integration/emulatorSdk.spec.ts"],
    ];
    for (const [what, send, expected, also] of AUTH) {
        it(`rejects a request ${what} with ${expected}`, async () => {
            const got = code(await send());
            record("emulator", { tried: what, target: "emulator API", outcome: got === expected ? "rejected" : "unexpected",
                detail: `${got} (also ${also})`, survived: got === expected });
            assert.strictEqual(got, expected);
        });
    }

    const ABUSE: ReadonlyArray<readonly [string, () => Promise<unknown>, string]> = [
        ["raw bytes that are not HTTP", () => rawTcp(emu.port, Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])), "connection closed with 400"],
        ["an HTTP request line without headers' end", () => rawTcp(emu.port, "POST / HTTP/1.1\r\nHost: x\r\n", false), "dropped"],
        ["Content-Length larger than the body, then hang-up", () => rawTcp(emu.port,
            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\nX-TC-Action: DescribePurgeTasks\r\n\r\n{\"a\":", true), "dropped"],
        ["a header of 64 KiB", () => rawTcp(emu.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(65_536)}\r\n\r\n`), "431"],
        ["a 2 MiB body to the API (limit 64 KiB)", () => signedRequest(emu, "DescribePurgeTasks", Buffer.alloc(2 * 1024 * 1024, "a")), "413"],
        ["a 2 MiB body to the control API", () => rawRequest(emu, "POST", "/_emulator/faults", Buffer.alloc(2 * 1024 * 1024, "{")), "413"],
        ["a signed body that is JSON but not an object", () => signedRequest(emu, "DescribePurgeTasks", "[1,2,3]"), "InvalidParameter"],
        ["a signed body with wrongly typed fields", () => signedRequest(emu, "DescribePurgeTasks", "{\"TaskId\":{\"$gt\":1},\"Limit\":\"x\"}"), "CdnParamError"],
        ["a signed body with 10,000 nested arrays", () => signedRequest(emu, "DescribePurgeTasks", "[".repeat(10_000) + "]".repeat(10_000)), "InvalidParameter"],
        ["an unknown action and a wrong version", () => signedRequest(emu, "DeleteEverything", "{}", { version: "2099-01-01" }), "NoSuchVersion"],
        ["a chunked body that never ends, 200 connections at once", () => Promise.all(Array.from({ length: 200 }, () =>
            rawTcp(emu.port, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", false))), "dropped"],
    ];
    for (const [what, send, expectation] of ABUSE) {
        it(`survives ${what} and still answers`, async () => {
            const answer: any = await send().catch((e) => `client error: ${e.message}`);
            const shown = typeof answer === "string" ? answer.split("\r\n")[0] || "(closed)"
                : Array.isArray(answer) ? `${answer.length} connections dropped` : `HTTP ${answer.status} ${code(answer)}`;
            const ok = await healthy();
            record("emulator", { tried: what, target: "emulator server", outcome: ok ? "survived, still answers" : "DOWN",
                detail: `${shown} (expected: ${expectation})`, survived: ok });
            assert.ok(ok, "the emulator stopped answering");
        });
    }
});
