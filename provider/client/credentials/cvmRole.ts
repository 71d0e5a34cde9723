/**
 * The temporary credentials of the CAM role bound to the CVM instance this runs on (`camRoleName`), from the
 * instance metadata service: `GET <metadata>/latest/meta-data/cam/security-credentials/<role>`.
 *
 * The SDK's CvmRoleCredential is not used: its metadata address is a constant that nothing can point at a test
 * server or a proxy, and it asks the service which role is bound instead of using the name the user set.
 */
import { CredentialSource, TemporaryCredential } from "./credentialSource";
import { RefreshingCredential } from "./refreshingCredential";

/** The instance metadata service of Tencent Cloud CVM. */
export const DEFAULT_METADATA_ENDPOINT = "http://metadata.tencentyun.com";

const TRANSIENT_STATUS = (status: number) => status >= 500 || status === 429;

async function fetchRoleCredential(url: string, roleName: string, timeoutMs: number): Promise<TemporaryCredential> {
    let response: Response;
    try {
        response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        throw Object.assign(new Error(`the metadata service did not answer (${cause}): this works only on a CVM instance`),
            { retryable: true });
    }
    if (!response.ok) {
        throw Object.assign(new Error(response.status === 404
            ? `the metadata service knows no role "${roleName}" on this instance (HTTP 404): check the role bound to the instance`
            : `the metadata service answered HTTP ${response.status}`), { retryable: TRANSIENT_STATUS(response.status) });
    }
    const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
    const expiredTime = Number(body?.ExpiredTime);
    if (body?.Code !== "Success" || typeof body.TmpSecretId !== "string" || typeof body.TmpSecretKey !== "string" ||
        typeof body.Token !== "string" || !Number.isFinite(expiredTime)) {
        throw Object.assign(new Error(`the metadata service answered no credentials for role "${roleName}"` +
            (typeof body?.Code === "string" ? ` (Code ${body.Code})` : "")), { retryable: true });
    }
    return { secretId: body.TmpSecretId, secretKey: body.TmpSecretKey, token: body.Token, expiresAtMs: expiredTime * 1000 };
}

/**
 * The role's credentials, renewed before they expire.
 *
 * @example
 * const source = cvmRoleCredential("deploy-role", "environment variable TENCENTCLOUD_CAM_ROLE_NAME", DEFAULT_METADATA_ENDPOINT, 10);
 */
export function cvmRoleCredential(roleName: string, where: string, metadataEndpoint: string, timeoutSeconds: number): CredentialSource {
    const base = metadataEndpoint.replace(/\/+$/, "");
    const url = `${base}/latest/meta-data/cam/security-credentials/${encodeURIComponent(roleName)}`;
    const description = `the CVM instance role in ${where} (metadata service ${base})`;
    return new RefreshingCredential(description, JSON.stringify(["cvmRole", roleName, base]),
        () => fetchRoleCredential(url, roleName, timeoutSeconds * 1000));
}
