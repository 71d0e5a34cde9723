import * as assert from "assert";
import { authorizationHeader, computeSignature } from "../../emulator/tc3Signature";
import { verifyRequest, SignedRequest } from "../../emulator/auth";
import { apiErrorCode as codeOf } from "../support/apiErrorCode";

const VECTOR = {
    secretKey: "testkey", service: "cdn", timestamp: 1700000000,
    payload: '{"Urls":["https://www.example.com/a.png"]}', contentType: "application/json", host: "127.0.0.1",
};
const CRED = { secretId: "AKIDtestid", secretKey: "testkey" };
const NOW = 1700000000 * 1000;

function request(overrides: Partial<Record<string, string>> = {}, body = VECTOR.payload): SignedRequest {
    return {
        method: "POST", path: "/", query: "", body: Buffer.from(body),
        headers: {
            "content-type": "application/json", host: "127.0.0.1:9000", "x-tc-timestamp": "1700000000",
            authorization: authorizationHeader("AKIDtestid", VECTOR), ...overrides,
        },
    };
}

describe("emulator signature", () => {
    it("computes the published TC3 test vector", () => {
        const s = computeSignature(VECTOR);
        assert.strictEqual(s.signature, "f00b3444b590e4c073c8eb7ff925ede03e2fb62ed42f232bd918cab683e53881");
        assert.strictEqual(s.credentialScope, "2023-11-14/cdn/tc3_request");
    });

    it("builds the Authorization header the SDK sends", () => {
        assert.strictEqual(authorizationHeader("AKIDtestid", VECTOR),
            "TC3-HMAC-SHA256 Credential=AKIDtestid/2023-11-14/cdn/tc3_request, SignedHeaders=content-type;host, " +
            "Signature=f00b3444b590e4c073c8eb7ff925ede03e2fb62ed42f232bd918cab683e53881");
    });

    it("accepts a correctly signed request", () => {
        assert.strictEqual(verifyRequest(request(), [CRED], NOW), CRED);
    });

    it("accepts the Host header's first label as the service", () => {
        const auth = authorizationHeader("AKIDtestid", { ...VECTOR, service: "127" });
        assert.strictEqual(verifyRequest(request({ authorization: auth }), [CRED], NOW), CRED);
    });

    it("rejects a missing Authorization header as InvalidAuthorization", () => {
        assert.strictEqual(codeOf(() => verifyRequest(request({ authorization: "" }), [CRED], NOW)), "AuthFailure.InvalidAuthorization");
    });

    it("rejects a malformed Authorization header as InvalidAuthorization", () => {
        const req = request({ authorization: "TC3-HMAC-SHA256 Credential=AKIDtestid, Signature=abc" });
        assert.strictEqual(codeOf(() => verifyRequest(req, [CRED], NOW)), "AuthFailure.InvalidAuthorization");
    });

    it("rejects an unknown SecretId as SecretIdNotFound", () => {
        const req = request({ authorization: authorizationHeader("AKIDother", VECTOR) });
        assert.strictEqual(codeOf(() => verifyRequest(req, [CRED], NOW)), "AuthFailure.SecretIdNotFound");
    });

    it("rejects a changed body as SignatureFailure", () => {
        const req = request({}, '{"Urls":["https://www.example.com/b.png"]}');
        assert.strictEqual(codeOf(() => verifyRequest(req, [CRED], NOW)), "AuthFailure.SignatureFailure");
    });

    it("rejects a wrong key as SignatureFailure", () => {
        const req = request({ authorization: authorizationHeader("AKIDtestid", { ...VECTOR, secretKey: "other" }) });
        assert.strictEqual(codeOf(() => verifyRequest(req, [CRED], NOW)), "AuthFailure.SignatureFailure");
    });

    it("accepts a timestamp 300 s away and rejects 301 s as SignatureExpire", () => {
        assert.strictEqual(verifyRequest(request(), [CRED], NOW + 300_000), CRED);
        assert.strictEqual(codeOf(() => verifyRequest(request(), [CRED], NOW + 301_000)), "AuthFailure.SignatureExpire");
    });

    it("rejects a missing or wrong X-TC-Token as TokenFailure when the key has a token", () => {
        const withToken = { ...CRED, token: "session-token" };
        assert.strictEqual(codeOf(() => verifyRequest(request(), [withToken], NOW)), "AuthFailure.TokenFailure");
        assert.strictEqual(codeOf(() => verifyRequest(request({ "x-tc-token": "nope" }), [withToken], NOW)), "AuthFailure.TokenFailure");
        assert.strictEqual(verifyRequest(request({ "x-tc-token": "session-token" }), [withToken], NOW), withToken);
    });
});

describe("emulator signature: what other clients sign", () => {
    const ts = String(VECTOR.timestamp);
    const signedWith = (parts: Partial<typeof VECTOR> & Record<string, unknown>, headers: Record<string, string> = {},
        method = "POST", query = "", body = VECTOR.payload): SignedRequest => ({
        method, path: "/", query, body: Buffer.from(body),
        headers: {
            "content-type": "application/json", host: "127.0.0.1:9000", "x-tc-timestamp": ts, ...headers,
            authorization: authorizationHeader("AKIDtestid", { ...VECTOR, ...parts }),
        },
    });

    it("matches the published vector that also signs x-tc-action", () => {
        const s = computeSignature({
            secretKey: "*".repeat(32), service: "cvm", timestamp: 1551113065, contentType: "application/json; charset=utf-8",
            host: "cvm.tencentcloudapi.com", extraHeaders: [["x-tc-action", "DescribeInstances"]],
            payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
        });
        assert.deepStrictEqual([s.signature, s.signedHeaders],
            ["10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f", "content-type;host;x-tc-action"]);
    });

    it("accepts the host signed with its port, as the Go SDK signs it", () => {
        assert.strictEqual(verifyRequest(signedWith({ host: "127.0.0.1:9000" }), [CRED], NOW), CRED);
    });

    it("rejects a host signed with another port as SignatureFailure", () => {
        assert.strictEqual(codeOf(() => verifyRequest(signedWith({ host: "127.0.0.1:9001" }), [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("accepts an extra signed header and rejects it changed after signing", () => {
        const parts = { extraHeaders: [["x-tc-action", "PurgeUrlsCache"]] as const };
        assert.strictEqual(verifyRequest(signedWith(parts, { "x-tc-action": "PurgeUrlsCache" }), [CRED], NOW), CRED);
        assert.strictEqual(codeOf(() => verifyRequest(signedWith(parts, { "x-tc-action": "PurgePathCache" }), [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("accepts a GET whose query string is signed, and rejects a changed query", () => {
        const query = "Limit=10&TaskId=1700000000";
        const parts = { method: "GET", query, payload: "", contentType: "application/x-www-form-urlencoded" };
        const headers = { "content-type": "application/x-www-form-urlencoded" };
        assert.strictEqual(verifyRequest(signedWith(parts, headers, "GET", query, ""), [CRED], NOW), CRED);
        assert.strictEqual(codeOf(() => verifyRequest(signedWith(parts, headers, "GET", "Limit=11&TaskId=1700000000", ""), [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("accepts UNSIGNED-PAYLOAD when X-TC-Content-SHA256 says so, whatever the body", () => {
        const req = signedWith({ payload: "UNSIGNED-PAYLOAD" }, { "x-tc-content-sha256": "UNSIGNED-PAYLOAD" }, "POST", "", '{"any":1}');
        assert.strictEqual(verifyRequest(req, [CRED], NOW), CRED);
    });

    it("checks the timestamp before the SecretId, as the API does", () => {
        const req = request({ authorization: authorizationHeader("AKIDother", VECTOR) });
        assert.strictEqual(codeOf(() => verifyRequest(req, [CRED], NOW + 3600_000)), "AuthFailure.SignatureExpire");
    });

    it("answers MissingParameter without X-TC-Timestamp", () => {
        assert.strictEqual(codeOf(() => verifyRequest(request({ "x-tc-timestamp": undefined }), [CRED], NOW)), "MissingParameter");
    });

    it("accepts the credential scope of a known service and rejects any other", () => {
        const sts = authorizationHeader("AKIDtestid", { ...VECTOR, service: "sts" });
        assert.strictEqual(verifyRequest(request({ authorization: sts }), [CRED], NOW, ["cdn", "sts"]), CRED);
        const cvm = authorizationHeader("AKIDtestid", { ...VECTOR, service: "cvm" });
        assert.strictEqual(codeOf(() => verifyRequest(request({ authorization: cvm }), [CRED], NOW, ["cdn", "sts"])),
            "AuthFailure.InvalidAuthorization");
    });

    it("rejects a temporary credential from its expiry on as TokenFailure", () => {
        const temporary = { ...CRED, token: "session-token", expiresAtMs: NOW + 1000 };
        const req = request({ "x-tc-token": "session-token" });
        assert.strictEqual(verifyRequest(req, [temporary], NOW + 999), temporary);
        assert.strictEqual(codeOf(() => verifyRequest(req, [temporary], NOW + 1000)), "AuthFailure.TokenFailure");
    });
});
