/**
 * The CDN API's own error codes, and the parameter error its purge actions answer for any bad input.
 */
import { ApiError } from "../errors";

/**
 * Codes the CDN actions answer, beside the core's.
 *
 * @example
 * assert.strictEqual(err.code, CDN_ERROR_CODES.dayLimit); // "LimitExceeded.CdnPurgeExceedDayLimit"
 */
export const CDN_ERROR_CODES = {
    cdnParamError: "InvalidParameter.CdnParamError",
    cdnUrlInvalid: "InvalidParameter.CdnUrlInvalid",
    batchLimit: "LimitExceeded.CdnPurgeExceedBatchLimit",
    dayLimit: "LimitExceeded.CdnPurgeExceedDayLimit",
    pushBatchLimit: "LimitExceeded.CdnPushExceedBatchLimit",
    pushDayLimit: "LimitExceeded.CdnPushExceedDayLimit",
    operationTooOften: "UnauthorizedOperation.OperationTooOften",
} as const;

/**
 * Shorthand for the CDN parameter error the purge actions use for any bad input.
 *
 * @example
 * throw paramError("StartTime must look like 2018-08-08 00:00:00");
 */
export function paramError(message: string): ApiError {
    return new ApiError(CDN_ERROR_CODES.cdnParamError, message);
}

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
