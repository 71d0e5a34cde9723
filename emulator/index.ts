/**
 * A local, signature-checking emulator of the Tencent Cloud CDN purge API (version 2018-06-06):
 * DescribePurgeTasks, PurgeUrlsCache, PurgePathCache and DescribePurgeQuota, with fault injection.
 *
 * @example
 * import { startEmulator, EMULATOR_CREDENTIALS } from "./emulator";
 * const emu = await startEmulator();
 * // point the SDK at emu.endpoint with protocol "http://", sign with EMULATOR_CREDENTIALS
 * await emu.close();
 */
export { startEmulator, EMULATOR_CREDENTIALS } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { verifyRequest, MAX_CLOCK_SKEW_SECONDS } from "./auth";
export type { EmulatorCredential } from "./auth";
export { computeSignature, authorizationHeader } from "./tc3Signature";
export type { SignatureParts, Signature } from "./tc3Signature";
export { TaskStore } from "./store";
export type { TaskRecord, TaskStatus, PurgeType, FlushType, Area, StoreOptions, Submission } from "./store";
export { FaultInjector, FAULT_KINDS } from "./faults";
export type { FaultRule, FaultKind } from "./faults";
export { EmulatorStats } from "./stats";
export type { StatsSnapshot, RecentRequest } from "./stats";
export { PurgeQuota } from "./quota";
export type { QuotaLimits, QuotaEntry } from "./quota";
export { keywordMatches } from "./query";
export type { StatusCase } from "./query";
export { ApiError, INTERNAL_ERROR_CODES, ERROR_CODES } from "./errors";
export { API_VERSION, STS_API_VERSION } from "./services";
export { CONTROL_PREFIX } from "./control";
export { startEmulatorProcess } from "./process";
export type { EmulatorProcess } from "./process";
export { emulatorClient, signedRequest, rawRequest } from "./client";
export type { CdnClient, EmulatorAddress, EmulatorClientOptions, RawAnswer, RawRequestOptions } from "./client";
