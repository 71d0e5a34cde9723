/**
 * The error a simulated API throws for a throttled call, shaped like the client's API error: retryable, with the
 * product's own error code.
 *
 * @example
 * throw new SimThrottled("RequestLimitExceeded", "RequestLimitExceeded: request limit exceeded");
 */
export class SimThrottled extends Error {
    readonly retryable = true;

    constructor(readonly code: string, message: string) {
        super(message);
    }
}
