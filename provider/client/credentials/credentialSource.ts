/**
 * What the CDN client signs with: a source of credentials that may change over time (temporary credentials
 * are refreshed), shaped as the official SDK's `DynamicCredential`, so the SDK's clients take it as it is.
 */

/** One set of keys to sign with. Holds secrets: never log, serialize or put it in an error. */
export interface SigningCredential {
    readonly secretId: string;
    readonly secretKey: string;
    readonly token?: string;
}

/** Temporary keys and the moment they stop working. */
export interface TemporaryCredential extends SigningCredential {
    readonly token: string;
    readonly expiresAtMs: number;
}

/** Where fixed keys were set, in words for messages: `stack config tencentcloud:secretId`. Names places, never values. */
export interface KeysOrigin {
    readonly secretId: string;
    readonly secretKey: string;
    readonly securityToken?: string;
}

/**
 * A source of credentials.
 *
 * @example
 * const { secretId, secretKey, token } = await settings.credentials.getCredential();
 */
export interface CredentialSource {
    /** What the source is and where it was configured, for messages: names keys, never values. */
    readonly description: string;
    /** Tells two sources apart for the client cache. In memory only: it may contain secrets. */
    readonly identity: string;
    /** For fixed keys: where each was set, so an auth failure can name the place to fix. */
    readonly keysOrigin?: KeysOrigin;
    getCredential(): Promise<SigningCredential>;
}

/**
 * Fixed keys (a SecretId and SecretKey, and a session token if the keys are temporary).
 *
 * @example
 * const source = staticCredentials({ secretId: "AKID...", secretKey: "..." }, "the keys in environment variable ...");
 */
export function staticCredentials(credential: SigningCredential, description: string, keysOrigin?: KeysOrigin): CredentialSource {
    const fixed = Object.freeze({ ...credential });
    return {
        description,
        keysOrigin,
        identity: JSON.stringify(["static", fixed.secretId, fixed.secretKey, fixed.token]),
        getCredential: async () => fixed,
    };
}
