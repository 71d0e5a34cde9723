/**
 * The API error code a synchronous emulator check throws, for specs of the verifiers.
 */
import * as assert from "assert";
import { ApiError } from "../../emulator/errors";

/**
 * Runs `fn` and returns the code of the {@link ApiError} it throws, or `"no error"`.
 *
 * @example
 * assert.strictEqual(apiErrorCode(() => verifyRequest(req, [cred], now)), "AuthFailure.SignatureFailure");
 */
export function apiErrorCode(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof ApiError, `expected an ApiError, got ${String(e)}`);
        return e.code;
    }
    return "no error";
}
