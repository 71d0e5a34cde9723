import * as assert from "assert";
import { CredentialError } from "../../provider/client/credentials/credentialError";
import { TemporaryCredential } from "../../provider/client/credentials/credentialSource";
import { RefreshingCredential } from "../../provider/client/credentials/refreshingCredential";

/** A fetch that answers credentials living `lifeMs` from the fake clock, or throws what `fail` holds. */
function fakeFetch(clock: { now: number }, lifeMs: number) {
    const state = { calls: 0, fail: undefined as Error | undefined };
    const fetch = async (): Promise<TemporaryCredential> => {
        state.calls += 1;
        if (state.fail) {
            throw state.fail;
        }
        return { secretId: `AKIDtmp${state.calls}`, secretKey: "k", token: "t", expiresAtMs: clock.now + lifeMs };
    };
    return { state, fetch };
}

describe("RefreshingCredential", () => {
    const setup = (lifeMs = 4000) => {
        const clock = { now: 1_000_000 };
        const { state, fetch } = fakeFetch(clock, lifeMs);
        return { clock, state, source: new RefreshingCredential("test source", "id", fetch, () => clock.now) };
    };

    it("fetches once and reuses the credentials while most of their life is left", async () => {
        const { clock, state, source } = setup();
        await source.getCredential();
        clock.now += 2000;
        assert.strictEqual((await source.getCredential()).secretId, "AKIDtmp1");
        assert.strictEqual(state.calls, 1);
    });

    it("fetches new credentials once three quarters of their life have passed", async () => {
        const { clock, source } = setup();
        await source.getCredential();
        clock.now += 3001;
        assert.strictEqual((await source.getCredential()).secretId, "AKIDtmp2");
    });

    it("makes one fetch for calls that arrive together", async () => {
        const { state, source } = setup();
        await Promise.all([source.getCredential(), source.getCredential(), source.getCredential()]);
        assert.strictEqual(state.calls, 1);
    });

    it("keeps signing with the old credentials when a renewal fails before they expire", async () => {
        const { clock, state, source } = setup();
        await source.getCredential();
        clock.now += 3200;
        state.fail = Object.assign(new Error("STS unreachable"), { retryable: true });
        assert.strictEqual((await source.getCredential()).secretId, "AKIDtmp1");
    });

    it("reports a failed renewal of expired credentials with its cause, as retryable", async () => {
        const { clock, state, source } = setup();
        await source.getCredential();
        clock.now += 5000;
        state.fail = Object.assign(new Error("ResourceNotFound.RoleNotFound: gone"), { retryable: false });
        await assert.rejects(source.getCredential(), (e: CredentialError) =>
            e.retryable && /^renewing the temporary credentials failed: ResourceNotFound\.RoleNotFound: gone; credential source: test source$/.test(e.message));
    });

    it("does not remember a failure: the next call fetches again", async () => {
        const { state, source } = setup();
        state.fail = Object.assign(new Error("ECONNREFUSED"), { retryable: true });
        await assert.rejects(source.getCredential(), /ECONNREFUSED/);
        state.fail = undefined;
        assert.strictEqual((await source.getCredential()).secretId, "AKIDtmp2");
    });

    it("keeps a first failure's own verdict: a permanent cause is not retryable", async () => {
        const { state, source } = setup();
        state.fail = Object.assign(new Error("AuthFailure.SecretIdNotFound"), { retryable: false });
        await assert.rejects(source.getCredential(), (e: CredentialError) => e.retryable === false);
    });
});
