/**
 * A local, signature-checking emulator of the Tencent Cloud CDN purge API (version 2018-06-06):
 * DescribePurgeTasks, PurgeUrlsCache, PurgePathCache and DescribePurgeQuota, with fault injection; of EdgeOne's
 * CreatePurgeTask, DescribePurgeTasks and DescribeContentQuota (service `teo`, version 2022-09-01); and of the
 * STS actions credential sources call (AssumeRole, AssumeRoleWithWebIdentity, version 2018-08-13). It takes
 * TC3-HMAC-SHA256 and v1 (HmacSHA1, HmacSHA256) signatures over POST and GET, as the official clients send them.
 *
 * @example
 * import { startEmulator, EMULATOR_CREDENTIALS } from "./emulator";
 * const emu = await startEmulator();
 * // point the SDK at emu.endpoint with protocol "http://", sign with EMULATOR_CREDENTIALS
 * await emu.close();
 */
export { startEmulator, EMULATOR_CREDENTIALS } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { verifyRequest, verifyV1Request, MAX_CLOCK_SKEW_SECONDS } from "./auth";
export type { EmulatorCredential, SignedRequest, V1SignedRequest } from "./auth";
export { computeSignature, authorizationHeader } from "./tc3Signature";
export type { SignatureParts, Signature } from "./tc3Signature";
export { computeV1Signature, v1StringToSign, V1_SIGNATURE_METHODS } from "./v1Signature";
export type { V1SignatureMethod, V1SignatureParts } from "./v1Signature";
export { EMULATOR_ROLE_ARN, EMULATOR_WEB_IDENTITY, STS_ACTIONS } from "./stsActions";
export type { StsOptions, WebIdentity } from "./stsActions";
export { TemporaryCredentials } from "./temporaryCredentials";
export type { IssuedCredential } from "./temporaryCredentials";
export { TaskStore } from "./cdn/store";
export type { TaskRecord, TaskStatus, PurgeType, FlushType, Area, StoreOptions, Submission, SavedTask } from "./cdn/store";
export { FaultInjector, FAULT_KINDS } from "./faults";
export type { FaultRule, FaultKind } from "./faults";
export { EmulatorStats } from "./stats";
export type { StatsSnapshot, RecentRequest } from "./stats";
export { PurgeQuota } from "./cdn/quota";
export type { QuotaLimits, QuotaEntry } from "./cdn/quota";
export { keywordMatches } from "./cdn/query";
export type { StatusCase } from "./cdn/query";
export { ApiError } from "./errors";
export { INTERNAL_ERROR_CODES } from "./cdn/errors";
export { ERROR_CODES } from "./products";
export { API_VERSION } from "./cdn/product";
export { STS_API_VERSION } from "./stsService";
export { TEO_API_VERSION } from "./edgeone/product";
export { TeoStore, TEO_PURGE_TYPES } from "./edgeone/store";
export type { TeoTaskRecord, TeoStatus, TeoPurgeType, TargetOutcome, SavedTeoJob } from "./edgeone/store";
export type { TeoQuotaLimits } from "./edgeone/quota";
export { CONTROL_PREFIX } from "./control";
export { startEmulatorProcess } from "./process";
export type { EmulatorProcess } from "./process";
export { rawRequest } from "./client";
export { emulatorClient, signedRequest } from "./cdn/client";
export { emulatorTeoClient } from "./edgeone/client";
export type { EmulatorAddress, EmulatorClientOptions, RawAnswer, RawRequestOptions } from "./client";
export type { CdnClient } from "./cdn/client";
export type { TeoClient } from "./edgeone/client";
export { parseEmulatorArgs, USAGE, UsageError } from "./cli";
export type { CliRequest } from "./cli";
