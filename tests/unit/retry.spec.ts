import * as assert from "assert";
import { PurgeApiError } from "../../provider/client/apiError";
import { DEFAULT_RETRY_POLICY, retryDelayMs, SUBMISSION_RETRY, withRetry } from "../../provider/client/retry";
import { FakeTiming } from "../support/fakeTiming";

const apiError = (code: string, retryable: boolean) => new PurgeApiError({ action: "DescribePurgeTasks", code, message: "m", retryable });

describe("withRetry", () => {
    it("retries a retryable failure and returns the later success", async () => {
        let calls = 0;
        const result = await withRetry(async () => {
            if (++calls < 3) {
                throw apiError("InternalError.CdnDbError", true);
            }
            return "ok";
        }, DEFAULT_RETRY_POLICY, new FakeTiming(), () => 0.5);
        assert.deepStrictEqual([result, calls], ["ok", 3]);
    });
    it("does not retry a parameter error", async () => {
        let calls = 0;
        await assert.rejects(withRetry(async () => {
            calls++;
            throw apiError("InvalidParameter.CdnParamError", false);
        }, DEFAULT_RETRY_POLICY, new FakeTiming(), () => 0.5), /CdnParamError/);
        assert.strictEqual(calls, 1);
    });
    it("gives up after maxAttempts and throws the last error", async () => {
        let calls = 0;
        await assert.rejects(withRetry(async () => {
            calls++;
            throw apiError("RequestLimitExceeded", true);
        }, DEFAULT_RETRY_POLICY, new FakeTiming(), () => 0.5), /RequestLimitExceeded/);
        assert.strictEqual(calls, DEFAULT_RETRY_POLICY.maxAttempts);
    });
    it("does not retry an error that is not an API error", async () => {
        let calls = 0;
        await assert.rejects(withRetry(async () => {
            calls++;
            throw new RangeError("bug");
        }, DEFAULT_RETRY_POLICY, new FakeTiming(), () => 0.5), RangeError);
        assert.strictEqual(calls, 1);
    });
});

describe("withRetry of a submission", () => {
    const failing = (error: PurgeApiError) => {
        let calls = 0;
        const run = withRetry(async () => {
            if (++calls === 1) {
                throw error;
            }
            return "1533";
        }, DEFAULT_RETRY_POLICY, new FakeTiming(), () => 0.5, undefined, SUBMISSION_RETRY);
        return run.then((r) => [r, calls], (e: Error) => [e.message, calls]);
    };
    const inDoubt = (code: string) => new PurgeApiError({ action: "PurgeUrlsCache", code, message: "m", retryable: true, inDoubt: true });

    it("is not sent again after a timeout: the API may have created the task", async () =>
        assert.deepStrictEqual((await failing(inDoubt("Timeout")))[1], 1));
    it("is not sent again after a connection lost after sending", async () =>
        assert.deepStrictEqual((await failing(inDoubt("ConnectionFailed")))[1], 1));
    it("is sent again after throttling, which the API answered without acting", async () =>
        assert.deepStrictEqual(await failing(apiError("RequestLimitExceeded", true)), ["1533", 2]));
    it("is sent again after a refused connection, which nothing received", async () =>
        assert.deepStrictEqual(await failing(new PurgeApiError({ action: "PurgeUrlsCache", code: "ConnectionFailed", message: "ECONNREFUSED",
            retryable: true, inDoubt: false })), ["1533", 2]));
});

describe("retryDelayMs", () => {
    it("caps the delay at maxDelayMs", () => {
        assert.strictEqual(retryDelayMs(DEFAULT_RETRY_POLICY, 20, apiError("InternalError", true), () => 1), DEFAULT_RETRY_POLICY.maxDelayMs);
    });
    it("uses full jitter for server faults", () => {
        assert.strictEqual(retryDelayMs(DEFAULT_RETRY_POLICY, 1, apiError("InternalError", true), () => 0), 0);
    });
    it("waits at least the throttling base after a throttled call", () => {
        const d = retryDelayMs(DEFAULT_RETRY_POLICY, 1, apiError("UnauthorizedOperation.OperationTooOften", true), () => 0);
        assert.strictEqual(d, DEFAULT_RETRY_POLICY.throttledBaseDelayMs);
    });
    it("grows exponentially with the attempt", () => {
        const e = apiError("InternalError", true);
        assert.strictEqual(retryDelayMs(DEFAULT_RETRY_POLICY, 3, e, () => 1), 4 * retryDelayMs(DEFAULT_RETRY_POLICY, 1, e, () => 1));
    });
});
