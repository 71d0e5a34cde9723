/**
 * API errors as the emulator answers them: a code from the real CDN API (or its common codes) and a message.
 * Handlers throw {@link ApiError}; the server turns it into `{"Response":{"Error":{"Code","Message"},"RequestId"}}`.
 */

/**
 * An error the emulator answers inside an HTTP 200 JSON body, exactly as the real API does.
 *
 * @example
 * throw new ApiError("InvalidParameter.CdnParamError", "Limit must be between 1 and 1000");
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
 * Shorthand for the CDN parameter error the purge actions use for any bad input.
 *
 * @example
 * throw paramError("StartTime must look like 2018-08-08 00:00:00");
 */
export function paramError(message: string): ApiError {
    return new ApiError("InvalidParameter.CdnParamError", message);
}

/**
 * Codes the emulator itself answers (faults may answer any other code too).
 *
 * @example
 * assert.strictEqual(err.code, ERROR_CODES.signatureExpire); // "AuthFailure.SignatureExpire"
 */
export const ERROR_CODES = {
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
    cdnParamError: "InvalidParameter.CdnParamError",
    cdnUrlInvalid: "InvalidParameter.CdnUrlInvalid",
    batchLimit: "LimitExceeded.CdnPurgeExceedBatchLimit",
    dayLimit: "LimitExceeded.CdnPurgeExceedDayLimit",
    operationTooOften: "UnauthorizedOperation.OperationTooOften",
    requestLimitExceeded: "RequestLimitExceeded",
    stsParamError: "InvalidParameter.ParamError",
    stsOverTime: "InvalidParameter.OverTimeError",
    webIdentityTokenError: "InvalidParameter.WebIdentityTokenError",
    roleNotFound: "ResourceNotFound.RoleNotFound",
} as const;

/**
 * Every `InternalError.*` code DescribePurgeTasks documents; handy for `apiError` fault rules.
 *
 * @example
 * faults.add({ kind: "apiError", code: INTERNAL_ERROR_CODES[0] });
 */
export const INTERNAL_ERROR_CODES: readonly string[] = [
    "InternalError.CamSystemError",
    "InternalError.CdnDbError",
    "InternalError.CdnQuerySystemError",
    "InternalError.CdnSystemError",
    "InternalError.Error",
    "InternalError.ProxyServer",
    "InternalError.RouteError",
    "InternalError.UnknownError",
];
