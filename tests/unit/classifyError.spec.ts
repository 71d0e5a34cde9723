import * as assert from "assert";
import { PurgeApiError } from "../../provider/client/apiError";
import { isAbort, toPurgeApiError } from "../../provider/client/classifyError";
import { cdnHint } from "../../provider/cdn/apiHints";

const classify = (e: unknown) => toPurgeApiError("DescribePurgeTasks", e, ["topsecretkey"]);

describe("toPurgeApiError: whether a request may have been carried out", () => {
    const inDoubt = (e: unknown) => classify(e).inDoubt;
    it("not after an API error code: the API answered", () =>
        assert.strictEqual(inDoubt(Object.assign(new Error("x"), { code: "InternalError.CdnSystemError" })), false));
    it("maybe after a timeout", () => assert.strictEqual(inDoubt(new Error("network timeout at: http://127.0.0.1:1/")), true));
    it("maybe after a connection reset", () => assert.strictEqual(inDoubt(new Error("request failed, reason: socket hang up")), true));
    it("not after a refused connection", () =>
        assert.strictEqual(inDoubt(new Error("request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1")), false));
    it("not after an unknown host", () => assert.strictEqual(inDoubt(new Error("getaddrinfo ENOTFOUND cdn.example")), false));
    it("maybe after a gateway's 502", () => assert.strictEqual(inDoubt(Object.assign(new Error("Bad Gateway"), { httpCode: 502 })), true));
    it("not after a 429", () => assert.strictEqual(inDoubt(Object.assign(new Error("Too Many"), { httpCode: 429 })), false));
    it("maybe after an answer that is not JSON", () =>
        assert.strictEqual(inDoubt(Object.assign(new Error("invalid json"), { name: "FetchError", type: "invalid-json" })), true));
    it("not after a failed TLS handshake", () => assert.strictEqual(inDoubt(new Error("SSL routines:wrong version number")), false));
    it("maybe after an answer cut off after its status (a client's own error code, not the API's)", () => {
        const e = classify(Object.assign(new Error("Invalid response body: Premature close"),
            { name: "FetchError", type: "system", code: "ERR_STREAM_PREMATURE_CLOSE" }));
        assert.deepStrictEqual([e.code, e.inDoubt, e.retryable], ["ConnectionFailed", true, true]);
    });
    it("not after a connect timeout, which is tried again", () => {
        const e = classify(new Error("request to http://10.0.0.1/ failed, reason: connect ETIMEDOUT 10.0.0.1:443"));
        assert.deepStrictEqual([e.code, e.inDoubt, e.retryable], ["ConnectionFailed", false, true]);
    });
});

describe("toPurgeApiError", () => {
    it("keeps an API error's code, message and RequestId", () => {
        const e = classify(Object.assign(new Error("No CAM policy"), { code: "UnauthorizedOperation.CdnCamUnauthorized", requestId: "r-1" }));
        assert.deepStrictEqual([e.code, e.requestId, e.retryable], ["UnauthorizedOperation.CdnCamUnauthorized", "r-1", false]);
    });
    /** As the CDN client classifies: with the CDN's own hints. */
    const classifyCdn = (e: unknown) => toPurgeApiError("DescribePurgeTasks", e, ["topsecretkey"], (code) => cdnHint("DescribePurgeTasks", code));
    it("hints at the missing CAM permission", () =>
        assert.match(classifyCdn(Object.assign(new Error("x"), { code: "UnauthorizedOperation.CdnCamUnauthorized" })).message, /cdn:DescribePurgeTasks/));
    it("hints to activate CDN when the user does not exist", () =>
        assert.match(classifyCdn(Object.assign(new Error("x"), { code: "ResourceNotFound.CdnUserNotExists" })).message, /activate/));
    it("retries throttling", () => assert.ok(classify(Object.assign(new Error("x"), { code: "UnauthorizedOperation.OperationTooOften" })).retryable));
    it("retries RequestLimitExceeded", () => assert.ok(classify(Object.assign(new Error("x"), { code: "RequestLimitExceeded" })).retryable));
    for (const code of ["InternalError.CamSystemError", "InternalError.CdnDbError", "InternalError.CdnQuerySystemError",
        "InternalError.CdnSystemError", "InternalError.Error", "InternalError.ProxyServer", "InternalError.RouteError",
        "InternalError.UnknownError", "InternalError"]) {
        it(`retries ${code}`, () => assert.ok(classify(Object.assign(new Error("x"), { code })).retryable));
    }
    for (const code of ["InvalidParameter.CdnParamError", "AuthFailure.SignatureFailure", "AuthFailure.SecretIdNotFound",
        "UnauthorizedOperation.OpNoAuth", "ResourceNotFound.CdnUserNotExists"]) {
        it(`does not retry ${code}`, () => assert.ok(!classify(Object.assign(new Error("x"), { code })).retryable));
    }
    it("retries an HTTP 502", () => {
        const e = classify(Object.assign(new Error("Bad Gateway"), { httpCode: 502 }));
        assert.deepStrictEqual([e.code, e.httpStatus, e.retryable], ["HTTP502", 502, true]);
    });
    it("does not retry an HTTP 404", () => assert.ok(!classify(Object.assign(new Error("Not Found"), { httpCode: 404 })).retryable));
    it("retries a non-JSON answer", () => {
        const e = classify(Object.assign(new Error("invalid json response body"), { name: "FetchError", type: "invalid-json" }));
        assert.deepStrictEqual([e.code, e.retryable], ["InvalidResponse", true]);
    });
    it("retries a 200 {} answer (a TypeError in the SDK)", () =>
        assert.strictEqual(classify(new TypeError("Cannot read properties of undefined (reading 'Error')")).code, "InvalidResponse"));
    it("retries a timeout", () => assert.strictEqual(classify(new Error("network timeout at: http://127.0.0.1:1/")).code, "Timeout"));
    it("retries a reset connection", () =>
        assert.strictEqual(classify(new Error("request to http://127.0.0.1:1/ failed, reason: socket hang up")).code, "ConnectionFailed"));
    it("retries a refused connection", () =>
        assert.strictEqual(classify(new Error("request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED")).code, "ConnectionFailed"));
    it("scrubs a secret from the message", () =>
        assert.ok(!classify(new Error("echo topsecretkey back")).message.includes("topsecretkey")));
    it("passes a PurgeApiError through", () => {
        const e = new PurgeApiError({ action: "A", code: "C", message: "m", retryable: false });
        assert.strictEqual(classify(e), e);
    });
    it("recognises an abort", () => assert.ok(isAbort(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }))));
});
