/**
 * How long a test must watch to see a retry that the client would send: the longest delay its own retry policy
 * allows before the first retry of a failure that is not throttling, plus time for the request to reach a local
 * emulator. Proving that something was NOT sent needs some wait; this one comes from the client, not a guess.
 */
import { DEFAULT_RETRY_POLICY, retryDelayMs } from "../../provider/client/retry";
import { PurgeApiError } from "../../provider/client/apiError";

/** Time for a request, once its timer fired, to leave a local process and be counted by the emulator. */
const DELIVERY_MS = 300;

/**
 * Milliseconds after a failure by which a retry, were there one, has reached the emulator.
 *
 * @example
 * await retryWouldHaveShown(cancelledAt);
 * assert.strictEqual(submissions(), 1);
 */
export const RETRY_WOULD_SHOW_MS =
    retryDelayMs(DEFAULT_RETRY_POLICY, 1, { code: "InternalError" } as PurgeApiError, () => 1) + DELIVERY_MS;

/**
 * Resolves once a retry of a failure at `failedAt` (epoch ms), were there one, has reached the emulator: at once
 * when that time has passed.
 *
 * @example
 * await retryWouldHaveShown(cancelledAt);
 */
export async function retryWouldHaveShown(failedAt: number): Promise<void> {
    const left = failedAt + RETRY_WOULD_SHOW_MS - Date.now();
    if (left > 0) {
        await new Promise((resolve) => setTimeout(resolve, left));
    }
}
