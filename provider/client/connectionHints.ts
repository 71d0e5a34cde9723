/**
 * Hints for failures that come from the connection itself (an unknown SecretId, a key that does not match, an
 * endpoint that cannot be reached or speaks another protocol). They name the place each value really came from,
 * so a user with credentials in `tencentcloud:*` stack config is not sent to look at an environment variable.
 */
import { ConnectionSettings } from "./connection";

/**
 * The hint for `code` under `settings`, or undefined when the failure is not about the connection.
 *
 * @example
 * connectionHint("AuthFailure.SecretIdNotFound", settings);
 * // "the SecretId is unknown to the API: check stack config tencentcloud:secretId"
 */
export function connectionHint(code: string, settings: ConnectionSettings): string | undefined {
    const o = settings.origin;
    const url = `${settings.protocol}${settings.host}`;
    const endpoint = `${url} (${o.endpoint === "the default endpoint" ? o.endpoint : `from ${o.endpoint}`})`;
    if (code.startsWith("AuthFailure.") && o.secretId === undefined && code !== "AuthFailure.SignatureExpire") {
        // Temporary credentials from a role, web identity or instance role: the source is what to check.
        return `the API refused the temporary credentials from ${o.credentials}: check that they are for this account ` +
            "and this machine's clock is right (they are renewed before they expire)";
    }
    switch (code) {
        case "AuthFailure.SecretIdNotFound":
            return `the SecretId is unknown to the API: check ${o.secretId}`;
        case "AuthFailure.SignatureFailure":
            return `the signature was rejected: the SecretKey from ${o.secretKey} does not belong to the SecretId from ${o.secretId}`;
        case "AuthFailure.TokenFailure":
            return o.securityToken
                ? `the session token from ${o.securityToken} was rejected: it is expired or does not belong to the SecretId from ${o.secretId}`
                : `the API wants a session token with the temporary SecretId from ${o.secretId}, and none was set beside it`;
        case "ConnectionFailed":
            return `could not reach ${endpoint}: check the address and the network`;
        case "Timeout":
            return `no answer in time from ${endpoint}: check the address and the network, or raise the request timeout`;
        case "InvalidResponse":
            return `${endpoint} answered something that is not a Tencent Cloud API: check the address`;
        case "TlsFailed":
            return `the TLS handshake with ${endpoint} failed: if that server speaks plain HTTP (as the emulator does), ` +
                `write http://${settings.host}; otherwise check its certificate`;
        default:
            return undefined;
    }
}
