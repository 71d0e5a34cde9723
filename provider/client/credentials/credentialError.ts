/**
 * A credential source that could not give credentials: which source, why, and whether trying again can help.
 * The message names settings and files, never a key, token or web-identity token.
 */

/**
 * Raised by a credential source.
 *
 * @example
 * throw new CredentialError("STS AssumeRole of the role in stack config tencentcloud:assumeRole", "connect ECONNREFUSED", true);
 */
export class CredentialError extends Error {
    /** True when a later try may succeed (a network fault, a throttled STS, a refresh of credentials that worked). */
    readonly retryable: boolean;
    /** The source, as in {@link CredentialSource.description}. */
    readonly source: string;
    /** Why, without the source. */
    readonly reason: string;

    constructor(source: string, reason: string, retryable: boolean) {
        // The reason first: progress lines show the start of a message.
        super(`${reason}; credential source: ${source}`);
        this.name = "CredentialError";
        this.source = source;
        this.reason = reason;
        this.retryable = retryable;
    }
}

/**
 * True when `e` says a later try may help: it carries `retryable: true`.
 *
 * @example
 * isRetryable(new CredentialError("x", "y", true)); // true
 */
export function isRetryable(e: unknown): boolean {
    return typeof e === "object" && e !== null && (e as { retryable?: unknown }).retryable === true;
}

