/**
 * STS as a service of the core: the credential sources' actions, served beside every product.
 */
import { CORE_ERROR_CODES } from "./errors";
import { Service } from "./services";
import { runStsAction, STS_ACTIONS, StsActionName, StsContext } from "./stsActions";

/**
 * The STS API version the emulator serves.
 *
 * @example
 * new CommonClient("sts.tencentcloudapi.com", STS_API_VERSION, { ... });
 */
export const STS_API_VERSION = "2018-08-13";

/**
 * STS over `ctx`, its actions run at `clock()` (the clock temporary credentials expire by).
 *
 * @example
 * const sts = stsService(ctx, () => Date.now());
 */
export function stsService(ctx: StsContext, clock: () => number): Service {
    return {
        name: "sts", version: STS_API_VERSION, actions: STS_ACTIONS, unsignedActions: ["AssumeRoleWithWebIdentity"],
        requiredParams: {
            AssumeRole: ["RoleArn", "RoleSessionName"],
            AssumeRoleWithWebIdentity: ["ProviderId", "WebIdentityToken", "RoleArn", "RoleSessionName"],
        },
        paramKinds: { DurationSeconds: "integer" },
        // The pipeline checked the action against `actions`.
        run: (action, params) => runStsAction(ctx, action as StsActionName, params, clock()),
        throttleCode: () => CORE_ERROR_CODES.requestLimitExceeded,
        nullAnswer: (_action, nullList) => ({ Credentials: nullList ? null : { Token: null, TmpSecretId: null, TmpSecretKey: null },
            ExpiredTime: null, Expiration: null }),
        reset: () => ctx.temporaryCredentials.clear(),
    };
}
