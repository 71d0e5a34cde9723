/**
 * The credentials for one API call, from the connection's source; a source that fails becomes a
 * {@link PurgeApiError} with code `CredentialsUnavailable`, retried and reported like any other failed call.
 */
import { messageOf, PurgeApiError } from "../apiError";
import { CredentialError } from "./credentialError";
import { CredentialSource, SigningCredential } from "./credentialSource";

/**
 * The credentials to sign `action` with.
 *
 * @example
 * const { secretId, secretKey, token } = await signingCredential("DescribePurgeTasks", settings.credentials);
 */
export async function signingCredential(action: string, source: CredentialSource): Promise<SigningCredential> {
    try {
        return await source.getCredential();
    } catch (e) {
        const retryable = e instanceof CredentialError ? e.retryable : false;
        const message = e instanceof CredentialError ? e.message : `${messageOf(e)}; credential source: ${source.description}`;
        throw new PurgeApiError({ action, code: "CredentialsUnavailable", message, retryable });
    }
}
