/**
 * Temporary credentials that renew themselves: fetched on first use, fetched again once most of their life has
 * passed (also in the middle of a long wait, since every API call asks for them), one fetch at a time. A failed
 * fetch is not remembered: the next call tries again. While the old credentials are still valid they keep
 * signing; once expired, the failure is raised with its cause, marked retryable when the credentials worked
 * before, so a wait goes on trying until its own deadline.
 */
import { messageOf } from "../apiError";
import { CredentialError, isRetryable } from "./credentialError";
import { CredentialSource, SigningCredential, TemporaryCredential } from "./credentialSource";

/** Never refresh earlier than this before expiry, however long the credentials live. */
const MAX_MARGIN_MS = 5 * 60_000;
/** Credentials this close to expiry are not used: a request signed now must still be valid when it arrives. */
const MIN_VALID_MS = 500;

interface Held {
    readonly credential: TemporaryCredential;
    readonly refreshAtMs: number;
}

/**
 * A {@link CredentialSource} over a function that fetches temporary credentials.
 *
 * @example
 * const source = new RefreshingCredential("STS AssumeRole", "id", () => assumeRole(...));
 * await source.getCredential(); // fetches; later calls reuse it until a quarter of its life is left
 */
export class RefreshingCredential implements CredentialSource {
    private held?: Held;
    private pending?: Promise<Held>;
    private worked = false;

    constructor(
        readonly description: string,
        readonly identity: string,
        private readonly fetch: () => Promise<TemporaryCredential>,
        private readonly now: () => number = Date.now,
    ) {}

    async getCredential(): Promise<SigningCredential> {
        const held = this.held;
        if (held && this.now() < held.refreshAtMs) {
            return held.credential;
        }
        try {
            return (await this.refresh()).credential;
        } catch (e) {
            if (held && this.now() < held.credential.expiresAtMs - MIN_VALID_MS) {
                return held.credential;
            }
            throw e;
        }
    }

    private refresh(): Promise<Held> {
        if (!this.pending) {
            const fetchedAt = this.now();
            this.pending = this.fetch().then((credential) => {
                const lifeMs = credential.expiresAtMs - fetchedAt;
                const held = { credential, refreshAtMs: credential.expiresAtMs - Math.min(MAX_MARGIN_MS, lifeMs / 4) };
                this.held = held;
                this.worked = true;
                return held;
            }, (e: unknown) => {
                // A failure of the credentials these were to be made from (a base source) names that source.
                const [source, reason] = e instanceof CredentialError ? [e.source, e.reason] : [this.description, messageOf(e)];
                throw new CredentialError(source, this.worked ? `renewing the temporary credentials failed: ${reason}` : reason, this.worked || isRetryable(e));
            }).finally(() => {
                this.pending = undefined;
            });
        }
        return this.pending;
    }
}
