/**
 * API errors as the emulator answers them: a code the real API answers and a message. Handlers throw
 * {@link ApiError}; the server turns it into `{"Response":{"Error":{"Code","Message"},"RequestId"}}`.
 */

/**
 * An error the emulator answers inside an HTTP 200 JSON body, exactly as the real API does.
 *
 * @example
 * throw new ApiError("InvalidParameter", "Limit must be between 1 and 1000");
 */
export class ApiError extends Error {
    /** The API error code, e.g. `AuthFailure.SignatureFailure`. */
    public readonly code: string;

    constructor(code: string, message: string) {
        super(message);
        this.name = "ApiError";
        this.code = code;
    }
}

/**
 * Codes the emulator's core answers, common to every service, and STS's (each product has its own; faults may
 * answer any other code too).
 *
 * @example
 * assert.strictEqual(err.code, CORE_ERROR_CODES.signatureExpire); // "AuthFailure.SignatureExpire"
 */
export const CORE_ERROR_CODES = {
    invalidAuthorization: "AuthFailure.InvalidAuthorization",
    secretIdNotFound: "AuthFailure.SecretIdNotFound",
    signatureFailure: "AuthFailure.SignatureFailure",
    signatureExpire: "AuthFailure.SignatureExpire",
    tokenFailure: "AuthFailure.TokenFailure",
    invalidAction: "InvalidAction",
    noSuchVersion: "NoSuchVersion",
    missingParameter: "MissingParameter",
    invalidParameter: "InvalidParameter",
    invalidParameterValue: "InvalidParameterValue",
    requestLimitExceeded: "RequestLimitExceeded",
    stsParamError: "InvalidParameter.ParamError",
    stsOverTime: "InvalidParameter.OverTimeError",
    webIdentityTokenError: "InvalidParameter.WebIdentityTokenError",
    roleNotFound: "ResourceNotFound.RoleNotFound",
} as const;
