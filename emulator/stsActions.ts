/**
 * The STS actions credential sources call (service `sts`, version 2018-08-13): `AssumeRole`, signed by a key
 * the emulator accepts, and `AssumeRoleWithWebIdentity`, which the real API serves unsigned (the SDKs send
 * `Authorization: SKIP`) and checks against the identity provider instead. Both answer temporary credentials
 * that the emulator then accepts with their token until they expire.
 */
import { ApiError, CORE_ERROR_CODES } from "./errors";
import { Params } from "./params";
import { IssuedCredential, TemporaryCredentials } from "./temporaryCredentials";

/**
 * The role the emulator lets `AssumeRole` assume unless told otherwise.
 *
 * @example
 * new STSCredential({ credential, profile }, { RoleArn: EMULATOR_ROLE_ARN, RoleSessionName: "test" });
 */
export const EMULATOR_ROLE_ARN = "qcs::cam::uin/100000000001:roleName/emulator-role";

/** The OIDC identity `AssumeRoleWithWebIdentity` accepts: all three must match what a request sends. */
export interface WebIdentity {
    readonly providerId: string;
    readonly webIdentityToken: string;
    readonly roleArn: string;
}

/**
 * The web identity the emulator accepts unless told otherwise. Not a secret: it only opens the local emulator.
 *
 * @example
 * new OIDCRoleArnCredential(clientConfig, { ProviderId: EMULATOR_WEB_IDENTITY.providerId,
 *     WebIdentityToken: EMULATOR_WEB_IDENTITY.webIdentityToken, RoleArn: EMULATOR_WEB_IDENTITY.roleArn, RoleSessionName: "ci" });
 */
export const EMULATOR_WEB_IDENTITY: WebIdentity = Object.freeze({
    providerId: "emulator-oidc",
    webIdentityToken: "emulator-web-identity-token",
    roleArn: EMULATOR_ROLE_ARN,
});

/** STS settings of the emulator; every field has a default. */
export interface StsOptions {
    /** Roles `AssumeRole` may assume; any other answers `ResourceNotFound.RoleNotFound`. Default `[EMULATOR_ROLE_ARN]`. */
    readonly roleArns?: readonly string[];
    /** What `AssumeRoleWithWebIdentity` accepts. Default {@link EMULATOR_WEB_IDENTITY}. */
    readonly webIdentity?: WebIdentity;
    /**
     * Lifetime in seconds of every credential STS issues, whatever `DurationSeconds` asks: set it low (1-2 s) to
     * see expiry in a test. Default: the request's `DurationSeconds`, else 7200, as the real API.
     */
    readonly temporaryCredentialSeconds?: number;
}

/** What the STS actions work on. */
export interface StsContext {
    readonly roleArns: readonly string[];
    readonly webIdentity: WebIdentity;
    readonly temporaryCredentialSeconds?: number;
    readonly temporaryCredentials: TemporaryCredentials;
}

/**
 * The actions the emulator's STS serves.
 *
 * @example
 * STS_ACTIONS.includes("AssumeRole"); // true
 */
export const STS_ACTIONS = ["AssumeRole", "AssumeRoleWithWebIdentity"] as const;

/** One of {@link STS_ACTIONS}. */
export type StsActionName = typeof STS_ACTIONS[number];

const DEFAULT_DURATION_SECONDS = 7200;
const MAX_DURATION_SECONDS = 43200;

const paramError = (message: string): ApiError => new ApiError(CORE_ERROR_CODES.stsParamError, message);

function text(params: Params, name: string): string {
    const v = params[name];
    if (typeof v !== "string") {
        throw paramError(`${name} must be a string.`);
    }
    return v;
}

/** The role session name rule the real API documents: 2 to 128 letters, digits or `=,.@_-`. */
function sessionName(params: Params): string {
    const v = text(params, "RoleSessionName");
    if (!/^[\w=,.@-]{2,128}$/.test(v)) {
        throw paramError("RoleSessionName must be 2 to 128 letters, digits or =,.@_- characters.");
    }
    return v;
}

function lifetime(ctx: StsContext, params: Params, overTimeCode: string): number {
    const v = params.DurationSeconds;
    if (v !== undefined && v !== null &&
        (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > MAX_DURATION_SECONDS)) {
        throw new ApiError(overTimeCode, `DurationSeconds must be a whole number from 1 to ${MAX_DURATION_SECONDS}.`);
    }
    return ctx.temporaryCredentialSeconds ?? (typeof v === "number" ? v : DEFAULT_DURATION_SECONDS);
}

/** The answer body both actions share. */
function credentialsAnswer(c: IssuedCredential): Record<string, unknown> {
    return {
        Credentials: { Token: c.token, TmpSecretId: c.secretId, TmpSecretKey: c.secretKey },
        ExpiredTime: Math.floor(c.expiresAtMs / 1000),
        Expiration: new Date(c.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
}

function assumeRole(ctx: StsContext, params: Params, nowMs: number): Record<string, unknown> {
    const roleArn = text(params, "RoleArn");
    const name = sessionName(params);
    const seconds = lifetime(ctx, params, CORE_ERROR_CODES.stsOverTime);
    if (!ctx.roleArns.includes(roleArn)) {
        throw new ApiError(CORE_ERROR_CODES.roleNotFound, `The role '${roleArn}' does not exist.`);
    }
    return credentialsAnswer(ctx.temporaryCredentials.issue(roleArn, name, seconds, nowMs));
}

function assumeRoleWithWebIdentity(ctx: StsContext, params: Params, nowMs: number): Record<string, unknown> {
    const providerId = text(params, "ProviderId");
    const token = text(params, "WebIdentityToken");
    const roleArn = text(params, "RoleArn");
    const name = sessionName(params);
    const seconds = lifetime(ctx, params, CORE_ERROR_CODES.stsParamError);
    if (providerId !== ctx.webIdentity.providerId) {
        throw paramError(`The identity provider '${providerId}' does not exist.`);
    }
    if (token !== ctx.webIdentity.webIdentityToken) {
        throw new ApiError(CORE_ERROR_CODES.webIdentityTokenError, "The WebIdentityToken is invalid.");
    }
    if (roleArn !== ctx.webIdentity.roleArn) {
        throw paramError(`The role '${roleArn}' does not trust the identity provider '${providerId}'.`);
    }
    return credentialsAnswer(ctx.temporaryCredentials.issue(roleArn, name, seconds, nowMs));
}

/**
 * Runs one STS action at `nowMs` (the clock temporary credentials expire by) and returns its answer body.
 *
 * @example
 * runStsAction(ctx, "AssumeRole", { RoleArn: EMULATOR_ROLE_ARN, RoleSessionName: "test" }, Date.now()).Credentials;
 */
export function runStsAction(ctx: StsContext, action: StsActionName, params: Params, nowMs: number): Record<string, unknown> {
    switch (action) {
        case "AssumeRole":
            return assumeRole(ctx, params, nowMs);
        case "AssumeRoleWithWebIdentity":
            return assumeRoleWithWebIdentity(ctx, params, nowMs);
    }
}
