/**
 * Temporary credentials the emulator's STS issued: a SecretId, SecretKey and session token that sign requests
 * until they expire, after which the API answers `AuthFailure.TokenFailure`.
 */
import { randomBytes } from "crypto";
import { EmulatorCredential } from "./auth";

/** One issued credential, with what it was issued for. */
export interface IssuedCredential extends EmulatorCredential {
    readonly token: string;
    readonly expiresAtMs: number;
    readonly roleArn: string;
    readonly roleSessionName: string;
}

/** Expired credentials are kept this long (so they answer TokenFailure, not SecretIdNotFound), then dropped. */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;

const randomText = (bytes: number): string => randomBytes(bytes).toString("base64url");

/**
 * The credentials issued so far.
 *
 * @example
 * const issued = new TemporaryCredentials();
 * const c = issued.issue(EMULATOR_ROLE_ARN, "deploy", 60, Date.now());
 * // sign with c.secretId / c.secretKey and send c.token as X-TC-Token for the next 60 s
 */
export class TemporaryCredentials {
    private issued: IssuedCredential[] = [];

    /** Issues a credential that expires `lifetimeSeconds` after `nowMs`. */
    issue(roleArn: string, roleSessionName: string, lifetimeSeconds: number, nowMs: number): IssuedCredential {
        this.issued = this.issued.filter((c) => nowMs - c.expiresAtMs < KEEP_EXPIRED_MS);
        const credential: IssuedCredential = Object.freeze({
            // The real service's temporary ids start with AKID too; the emulator's carry a marker after it.
            secretId: `AKIDtmp${randomText(24)}`,
            secretKey: randomText(24),
            token: randomText(96),
            expiresAtMs: nowMs + lifetimeSeconds * 1000,
            roleArn,
            roleSessionName,
        });
        this.issued.push(credential);
        return credential;
    }

    /** Every credential issued and not yet dropped, expired ones included. */
    all(): readonly IssuedCredential[] {
        return this.issued;
    }

    /** Forgets every issued credential. */
    clear(): void {
        this.issued = [];
    }
}
