import * as assert from "assert";
import { computeV1Signature, v1StringToSign, V1SignatureMethod } from "../../emulator/v1Signature";
import { verifyV1Request, V1SignedRequest } from "../../emulator/auth";
import { apiErrorCode as codeOf } from "../support/apiErrorCode";

const CRED = { secretId: "AKIDtestid", secretKey: "testkey" };
const NOW = 1700000000 * 1000;

/** A v1 request signed like the SDKs sign it: every parameter but Signature, host as `host`. */
function signed(method: V1SignatureMethod | undefined, overrides: Record<string, string> = {},
    host = "127.0.0.1:9000", key = CRED.secretKey): V1SignedRequest {
    const params: Record<string, string> = {
        Action: "DescribePurgeQuota", Version: "2018-06-06", Timestamp: "1700000000", Nonce: "11886",
        SecretId: CRED.secretId, Region: "", ...(method ? { SignatureMethod: method } : {}), ...overrides,
    };
    const signature = computeV1Signature(key, method ?? "HmacSHA1", { method: "POST", host, params });
    return { method: "POST", path: "/", host: "127.0.0.1:9000", params: { ...params, Signature: signature } };
}

describe("emulator v1 signature (HmacSHA1, HmacSHA256)", () => {
    it("computes the published HmacSHA1 vector", () => {
        const parts = {
            method: "GET", host: "cvm.tencentcloudapi.com", params: {
                Action: "DescribeInstances", "InstanceIds.0": "ins-09dx96dg", Limit: "20", Nonce: "11886", Offset: "0",
                Region: "ap-guangzhou", SecretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", Timestamp: "1465185768",
                Version: "2017-03-12",
            },
        };
        assert.strictEqual(v1StringToSign(parts), "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=" +
            "ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&" +
            "Timestamp=1465185768&Version=2017-03-12");
        assert.strictEqual(computeV1Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "HmacSHA1", parts), "EliP9YW3pW28FpsEdkXt/+WcGeI=");
    });

    it("accepts HmacSHA1, the method when SignatureMethod is absent", () => {
        assert.strictEqual(verifyV1Request(signed(undefined), [CRED], NOW), CRED);
        assert.strictEqual(verifyV1Request(signed("HmacSHA1"), [CRED], NOW), CRED);
    });

    it("accepts HmacSHA256", () => {
        assert.strictEqual(verifyV1Request(signed("HmacSHA256"), [CRED], NOW), CRED);
    });

    it("rejects an HmacSHA256 signature that claims HmacSHA1 as SignatureFailure", () => {
        const req = signed("HmacSHA256");
        assert.strictEqual(codeOf(() => verifyV1Request({ ...req, params: { ...req.params, SignatureMethod: "HmacSHA1" } }, [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("accepts the host signed without its port", () => {
        assert.strictEqual(verifyV1Request(signed("HmacSHA256", {}, "127.0.0.1"), [CRED], NOW), CRED);
    });

    it("rejects a changed parameter as SignatureFailure", () => {
        const req = signed("HmacSHA256", { Limit: "10" });
        assert.strictEqual(codeOf(() => verifyV1Request({ ...req, params: { ...req.params, Limit: "11" } }, [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("rejects a wrong key as SignatureFailure", () => {
        assert.strictEqual(codeOf(() => verifyV1Request(signed("HmacSHA1", {}, "127.0.0.1:9000", "other"), [CRED], NOW)),
            "AuthFailure.SignatureFailure");
    });

    it("rejects an unknown SecretId as SecretIdNotFound", () => {
        assert.strictEqual(codeOf(() => verifyV1Request(signed("HmacSHA1", { SecretId: "AKIDother" }), [CRED], NOW)),
            "AuthFailure.SecretIdNotFound");
    });

    it("rejects a timestamp 301 s away as SignatureExpire, before looking at the SecretId", () => {
        assert.strictEqual(codeOf(() => verifyV1Request(signed("HmacSHA1", { SecretId: "AKIDother" }), [CRED], NOW + 301_000)),
            "AuthFailure.SignatureExpire");
    });

    for (const name of ["Timestamp", "Nonce", "SecretId", "Signature"]) {
        it(`answers MissingParameter without ${name}`, () => {
            const req = signed("HmacSHA1");
            const params = Object.fromEntries(Object.entries(req.params).filter(([k]) => k !== name));
            assert.strictEqual(codeOf(() => verifyV1Request({ ...req, params }, [CRED], NOW)), "MissingParameter");
        });
    }

    it("answers InvalidParameterValue for a SignatureMethod it does not know", () => {
        const req = signed("HmacSHA1");
        assert.strictEqual(codeOf(() => verifyV1Request({ ...req, params: { ...req.params, SignatureMethod: "HmacMD5" } }, [CRED], NOW)),
            "InvalidParameterValue");
    });

    it("checks the Token parameter of a key that has a token", () => {
        const withToken = { ...CRED, token: "session-token" };
        assert.strictEqual(codeOf(() => verifyV1Request(signed("HmacSHA256"), [withToken], NOW)), "AuthFailure.TokenFailure");
        assert.strictEqual(verifyV1Request(signed("HmacSHA256", { Token: "session-token" }), [withToken], NOW), withToken);
    });
});
