import * as assert from "assert";
import { authorizationHeader, computeSignature } from "../emulator/tc3Signature";
import { verifyRequest, SignedRequest } from "../emulator/auth";
import { ApiError } from "../emulator/errors";

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

function codeOf(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof ApiError);
        return e.code;
    }
    return "no error";
}

describe("emulator signature", () => {
    it("computes the API-FACTS test vector", () => {
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
