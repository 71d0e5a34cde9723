/**
 * Secrets audit, for every product (CDN's and EdgeOne's resources run through each host): distinctive secret keys and session tokens, given as stack config (`tencentcloud-purge:*`
 * and `tencentcloud:*`, as the engine hands them to the host's configure) or as environment, the base keys of
 * an assumed role, a web-identity token, a profile's keys, and every temporary credential STS issued, are searched for
 * in everything the package produces: outputs and partial states, the serialized providers, the host's stderr
 * (progress lines and errors), error messages of every kind (auth failures included), and the emulator's own
 * request log and statistics. Outputs derived from a secret connection stay secret.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as util from "util";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_ROLE_ARN, FaultRule, INTERNAL_ERROR_CODES, RunningEmulator, startEmulator } from "../../../emulator";
import { PurgeClient } from "../../../provider/cdn/client";
import { resolveConnection } from "../../../provider/client/connection";
import { EdgeOneClient } from "../../../provider/edgeone/client";
import { getPurgeTasks, getPurgeTasksOutput } from "../../../sdk/getPurgeTasks";
import * as edgeone from "../../../sdk/edgeone";
import { hostedProvider } from "../../../sdk/hostedProvider";
import { HostError, ProviderHost } from "../../support/providerHost";
import { guardUnhandled, settle } from "./support/guards";
import { countSecretSearch, finish, record } from "./support/report";

const ZONE = "zone-2noz78a8ev6k";
const CFG = { secretId: "AKIDsecretsAuditConfig01", secretKey: "SKcfg-SECRET-9f3a7c41e2", token: "TOKcfg-SECRET-51be8d0a" };
const TC = { secretId: "AKIDsecretsAuditTc00002", secretKey: "SKtc-SECRET-77d0b3c9aa" };
const ENV = { secretId: "AKIDsecretsAuditEnv0003", secretKey: "SKenv-SECRET-c0ffee1234", token: "TOKenv-SECRET-abcd9876" };
const WRONG = { key: "SKwrong-SECRET-0badf00d", token: "TOKwrong-SECRET-feedbeef", webIdentityToken: "WITwrong-SECRET-deadbeef" };
/** The keys an assumed role is assumed with, a profile's keys, and the web-identity token. */
const ROLE_BASE = { secretId: "AKIDsecretsAuditRole004", secretKey: "SKrole-SECRET-5a5a1e2f" };
const PROFILE = { secretId: "AKIDsecretsAuditProf005", secretKey: "SKprof-SECRET-0ddba11c" };
const WEB_IDENTITY = { providerId: "audit-oidc", webIdentityToken: "WIT-SECRET-7e1d2c3b4a", roleArn: EMULATOR_ROLE_ARN };
const SECRETS = [CFG.secretKey, CFG.token, TC.secretKey, ENV.secretKey, ENV.token, WRONG.key, WRONG.token, WRONG.webIdentityToken,
    ROLE_BASE.secretKey, PROFILE.secretKey, WEB_IDENTITY.webIdentityToken];

/** Every place searched, by name, with what it held. */
const places: Array<{ name: string; text: string }> = [];
const collect = (name: string, value: unknown) => {
    places.push({ name, text: typeof value === "string" ? value : util.inspect(value, { depth: 10 }) + JSON.stringify(value ?? null) });
};
const errorText = (e: any) => `${e?.message}\n${e?.stack}\n${util.inspect(e, { depth: 10 })}`;

describe("reliability: secrets audit", function () {
    this.timeout(60_000);
    guardUnhandled();
    let emu: RunningEmulator;
    const emulators: RunningEmulator[] = [];
    const log: string[] = [];
    const credentials = [{ secretId: CFG.secretId, secretKey: CFG.secretKey, token: CFG.token }, TC,
        { secretId: ENV.secretId, secretKey: ENV.secretKey, token: ENV.token }, ROLE_BASE, PROFILE];
    /** A HOME with a tccli profile, and a web-identity token file. */
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "purge-secrets-"));
    /**
     * One emulator per credential source, so the host runs can go at once without sharing faults. Temporary
     * credentials live 3 s, so they are renewed during the runs.
     */
    const newEmulator = async () => {
        const e = await startEmulator({ completeAfterMs: 500, log: (line) => log.push(line), credentials,
            webIdentity: WEB_IDENTITY, temporaryCredentialSeconds: 3 });
        emulators.push(e);
        return e;
    };
    const hosts: ProviderHost[] = [];
    /** Every resource kind of every product. */
    const KINDS = ["urlPurge", "pathPurge", "waiter", "edgeOnePurge", "edgeOneWaiter"] as const;
    const providers: Record<string, string> = {};
    const FAULTS: FaultRule[] = [{ kind: "throttle" }, ...INTERNAL_ERROR_CODES.map((code) => ({ kind: "apiError" as const, code })),
        { kind: "http", status: 502 }, { kind: "slow", delayMs: 1500 }, { kind: "reset" }, { kind: "badJson" }, { kind: "emptyJson" },
        { kind: "apiError", code: "UnauthorizedOperation.CdnCamUnauthorized" }, { kind: "nullFields" }];
    const HOST_FAULTS: FaultRule[] = [{ kind: "apiError", code: "UnauthorizedOperation.CdnCamUnauthorized" },
        { kind: "apiError", code: "ResourceNotFound.CdnUserNotExists" }, { kind: "nullFields" }];

    before(async () => {
        emu = await newEmulator();
        for (const kind of KINDS) {
            providers[kind] = await ProviderHost.serialize(hostedProvider(kind));
        }
    });
    after(async () => {
        hosts.forEach((h) => h.stop());
        await Promise.all(emulators.map((e) => e.close()));
        fs.rmSync(home, { recursive: true, force: true });
        finish("secrets");
    });

    /** Runs the resources through a host whose credentials come from `how`, collecting everything it produced. */
    async function exercise(how: string, e: RunningEmulator, env: Record<string, string>, config?: Record<string, string>) {
        const host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", ...env });
        hosts.push(host);
        if (config) {
            await host.configure(config);
        }
        // Quick pacing (0.2..0.5 s between checks) keeps the audit short; the secrets take the same path either way.
        const quick = { minDelaySeconds: 0.2, maxDelaySeconds: 0.5 };
        const url = (props: Record<string, unknown>) => ({ __provider: providers.urlPurge, ...quick, ...props });
        const [done, path, failed] = await Promise.all([
            host.create(url({ urls: ["https://www.example.com/secret-audit"] })),
            host.create({ __provider: providers.pathPurge, ...quick, paths: ["https://www.example.com/s/"], flushType: "delete" }),
            settle(() => host.create(url({ urls: ["https://www.example.com/fail/secret"] })))]);
        collect(`${how}: UrlPurge outputs`, done);
        collect(`${how}: read outputs`, await host.read(done.id, done.properties));
        collect(`${how}: PathPurge outputs`, path);
        collect(`${how}: waiter outputs`, await host.create({ __provider: providers.waiter, ...quick, taskId: done.id }));
        collect(`${how}: check failures`, await host.check({}, url({ urls: ["nope"], area: "moon" })));
        assert.ok(!failed.ok);
        collect(`${how}: failed purge error and partial state`, errorText(failed.error) + JSON.stringify((failed.error as HostError).partial));
        const edge = { zoneId: ZONE, ...quick };
        const job = await host.create({ __provider: providers.edgeOnePurge, ...edge, type: "purge_url", targets: ["https://www.example.com/edge-secret"] });
        collect(`${how}: edgeone.Purge outputs`, job);
        collect(`${how}: edgeone.Purge read outputs`, await host.read(job.id, job.properties));
        collect(`${how}: edgeone.PurgeTaskWaiter outputs`, await host.create({ __provider: providers.edgeOneWaiter, ...edge, jobId: (job.properties.jobIds as string[])[0] }));
        collect(`${how}: edgeone check failures`, await host.check({}, { __provider: providers.edgeOnePurge, zoneId: "nope", type: "moon", targets: [] }));
        // Errors that end a wait at once (the retried kinds are audited in process below), and a wait that times out.
        for (const rule of HOST_FAULTS) {
            e.faults.add({ ...rule, action: "DescribePurgeTasks", times: "always" });
            const r = await settle(() => host.create({ __provider: providers.waiter, ...quick, taskId: done.id, timeoutSeconds: 1 }));
            e.faults.clear();
            collect(`${how}: waiter under ${rule.kind}${rule.code ? ` ${rule.code}` : ""}`, r.ok ? r.value : errorText(r.error) + JSON.stringify((r.error as HostError).partial));
        }
        collect(`${how}: host stderr (progress lines and errors)`, host.stderr);
        return host;
    }

    /** The credential sources, in the order of `runs`. */
    const HOW = ["config tencentcloud-purge:*", "config tencentcloud:*", "environment", "assumeRole (tencentcloud:assumeRole)",
        "web identity token file", "tccli profile"] as const;
    const runs: Array<Promise<unknown>> = [];
    /** The emulator of each run, in the order of `runs`. */
    const runEmulators: RunningEmulator[] = [];
    before(async () => {
        const [a, b, c, d, e, f] = await Promise.all([newEmulator(), newEmulator(), newEmulator(), newEmulator(), newEmulator(), newEmulator()]);
        runEmulators.push(a, b, c, d, e, f);
        fs.mkdirSync(path.join(home, ".tccli"));
        fs.writeFileSync(path.join(home, ".tccli", "default.credential"), JSON.stringify(PROFILE));
        const tokenFile = path.join(home, "oidc-token");
        fs.writeFileSync(tokenFile, WEB_IDENTITY.webIdentityToken);
        runs.push(
            exercise(HOW[0], a, {}, { "tencentcloud-purge:secretId": CFG.secretId,
                "tencentcloud-purge:secretKey": CFG.secretKey, "tencentcloud-purge:securityToken": CFG.token, "tencentcloud-purge:endpoint": a.url,
                "tencentcloud-purge:teoEndpoint": a.url }),
            exercise(HOW[1], b, { TENCENTCLOUD_CDN_ENDPOINT: b.url, TENCENTCLOUD_TEO_ENDPOINT: b.url },
                { "tencentcloud:secretId": TC.secretId, "tencentcloud:secretKey": TC.secretKey }),
            exercise(HOW[2], c, { TENCENTCLOUD_SECRET_ID: ENV.secretId, TENCENTCLOUD_SECRET_KEY: ENV.secretKey,
                TENCENTCLOUD_SECURITY_TOKEN: ENV.token, TENCENTCLOUD_CDN_ENDPOINT: c.url, TENCENTCLOUD_TEO_ENDPOINT: c.url }),
            exercise(HOW[3], d, { TENCENTCLOUD_CDN_ENDPOINT: d.url, TENCENTCLOUD_TEO_ENDPOINT: d.url, TENCENTCLOUD_STS_ENDPOINT: d.url },
                { "tencentcloud:secretId": ROLE_BASE.secretId, "tencentcloud:secretKey": ROLE_BASE.secretKey,
                    "tencentcloud:assumeRole": JSON.stringify({ roleArn: EMULATOR_ROLE_ARN, sessionName: "audit" }) }),
            exercise(HOW[4], e, { TENCENTCLOUD_CDN_ENDPOINT: e.url, TENCENTCLOUD_TEO_ENDPOINT: e.url, TENCENTCLOUD_STS_ENDPOINT: e.url,
                TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE: tokenFile, TENCENTCLOUD_ASSUME_ROLE_ARN: WEB_IDENTITY.roleArn,
                TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: WEB_IDENTITY.providerId }),
            exercise(HOW[5], f, { TENCENTCLOUD_CDN_ENDPOINT: f.url, TENCENTCLOUD_TEO_ENDPOINT: f.url, HOME: home }));
        runs.forEach((r) => r.catch(() => undefined));
    });
    /** The distinct secrets, and every temporary credential STS issued so far, found in the places named `how: ...`. */
    const leaksIn = (how: string) => {
        const issued = emulators.flatMap((e) => e.temporaryCredentials.all().flatMap((c) => [c.secretKey, c.token]));
        return places.filter((p) => p.name.startsWith(`${how}: `))
            .flatMap((p) => [...SECRETS, ...issued].filter((s) => p.text.includes(s)).map((s) => `${s} in ${p.name}`));
    };
    /** Each run's own test: its scenario ran, and nothing it produced holds a secret. */
    const audited = (i: number, how: string) => async () => {
        await runs[i];
        assert.ok(places.some((p) => p.name.startsWith(`${how}: `)), `nothing collected for ${how}`);
        assert.deepStrictEqual(leaksIn(how), []);
    };
    it("stack config tencentcloud-purge:* (key and session token) reaches no output, state, stderr or message", audited(0, HOW[0]));
    it("stack config tencentcloud:* reaches no output, state, stderr or message", audited(1, HOW[1]));
    it("environment credentials (key and token) reach no output, state, stderr or message", audited(2, HOW[2]));
    it("an assumed role's base keys and temporary credentials reach no output, state, stderr or message", async () => {
        await audited(3, HOW[3])();
        assert.ok(runEmulators[3].temporaryCredentials.all().length >= 1, "the role run was given temporary credentials");
    });
    it("a web-identity token and its temporary credentials reach no output, state, stderr or message", async () => {
        await audited(4, HOW[4])();
        assert.ok(runEmulators[4].temporaryCredentials.all().length >= 1, "the web-identity run was given temporary credentials");
    });
    it("a profile's keys reach no output, state, stderr or message", audited(5, HOW[5]));
    it("STS refusing a web-identity token or a role names the problem without the token or the keys", async () => {
        const tokenFile = path.join(home, "wrong-token");
        fs.writeFileSync(tokenFile, WRONG.webIdentityToken);
        for (const [what, env, config] of [
            ["wrong web-identity token", { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE: tokenFile, TENCENTCLOUD_ASSUME_ROLE_ARN: WEB_IDENTITY.roleArn,
                TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: WEB_IDENTITY.providerId }, {}],
            ["unknown role", {}, { "tencentcloud:secretId": ROLE_BASE.secretId, "tencentcloud:secretKey": ROLE_BASE.secretKey,
                "tencentcloud:assumeRole": JSON.stringify({ roleArn: "qcs::cam::uin/1:roleName/none" }) }],
        ] as const) {
            const host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: emu.url,
                TENCENTCLOUD_STS_ENDPOINT: emu.url, ...env });
            hosts.push(host);
            await host.configure(config);
            const r = await settle(() => host.create({ __provider: providers.urlPurge, urls: ["https://www.example.com/sts"] }));
            assert.ok(!r.ok && /CredentialsUnavailable/.test((r.error as Error).message), r.ok ? "created" : (r.error as Error).message);
            collect(`host, ${what}: error`, errorText(r.error));
            collect(`host, ${what}: stderr`, host.stderr);
        }
    });
    it("auth failures (wrong key, wrong token) name the problem without the secret", async () => {
        for (const [what, config] of [
            ["wrong key", { "tencentcloud-purge:secretId": CFG.secretId, "tencentcloud-purge:secretKey": WRONG.key, "tencentcloud-purge:securityToken": CFG.token }],
            ["wrong token", { "tencentcloud-purge:secretId": CFG.secretId, "tencentcloud-purge:secretKey": CFG.secretKey, "tencentcloud-purge:securityToken": WRONG.token }],
        ] as const) {
            const host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
            hosts.push(host);
            await host.configure({ ...config, "tencentcloud-purge:endpoint": emu.url });
            const r = await settle(() => host.create({ __provider: providers.urlPurge, urls: ["https://www.example.com/auth"] }));
            assert.ok(!r.ok && /AuthFailure\.(SignatureFailure|TokenFailure)/.test((r.error as Error).message), r.ok ? "created" : (r.error as Error).message);
            collect(`host, ${what}: error`, errorText(r.error));
            collect(`host, ${what}: stderr`, host.stderr);
            const direct = await settle(() => getPurgeTasks({ taskId: "1" }, { connection: { secretId: CFG.secretId,
                secretKey: what === "wrong key" ? WRONG.key : CFG.secretKey, securityToken: what === "wrong token" ? WRONG.token : CFG.token, endpoint: emu.url } }));
            assert.ok(!direct.ok);
            collect(`getPurgeTasks, ${what}: error`, errorText(direct.error));
            const edge = await settle(() => edgeone.getPurgeTasks({ zoneId: ZONE, jobId: "1" }, { connection: { secretId: CFG.secretId,
                secretKey: what === "wrong key" ? WRONG.key : CFG.secretKey, securityToken: what === "wrong token" ? WRONG.token : CFG.token, teoEndpoint: emu.url } }));
            assert.ok(!edge.ok && /AuthFailure\.(SignatureFailure|TokenFailure)/.test((edge.error as Error).message), edge.ok ? "answered" : (edge.error as Error).message);
            collect(`edgeone.getPurgeTasks, ${what}: error`, errorText(edge.error));
        }
    });
    it("every product's getPurgeTasks errors of every kind carry no secret", async () => {
        const connection = { secretId: CFG.secretId, secretKey: CFG.secretKey, securityToken: CFG.token, endpoint: emu.url, requestTimeoutSeconds: 1 };
        // One try, so every kind ends in its own error message (the message path is the same with retries).
        const once = { retry: { maxAttempts: 1, baseDelayMs: 1, throttledBaseDelayMs: 1, maxDelayMs: 1 } };
        const settings = resolveConnection({ ...connection, teoEndpoint: emu.url }, undefined, {});
        const readers = [
            ["PurgeClient (getPurgeTasks' client)", (c: PurgeClient) => c.describePurgeTasks({ taskId: "1" }), new PurgeClient(settings, once)],
            ["EdgeOneClient (edgeone.getPurgeTasks' client)", (c: EdgeOneClient) => c.describePurgeTasks({ zoneId: ZONE }), new EdgeOneClient(settings, once)],
        ] as const;
        for (const [name, read, client] of readers) {
            for (const rule of FAULTS) {
                emu.faults.add({ ...rule, action: "DescribePurgeTasks", times: 1 });
                const r = await settle(() => (read as (c: unknown) => Promise<unknown>)(client));
                emu.faults.clear();
                collect(`${name} under ${rule.kind}${rule.code ? ` ${rule.code}` : ""}`, r.ok ? r.value : errorText(r.error));
            }
        }
        const missing = await settle(() => getPurgeTasks({ taskId: "1" }, { connection: { secretId: CFG.secretId, endpoint: emu.url } as never }));
        collect("getPurgeTasks without a key: error", missing.ok ? missing.value : errorText(missing.error));
    });
    it("the serialized providers hold no secret, even with secrets in this process's environment", async () => {
        const saved = { ...process.env };
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: ENV.secretId, TENCENTCLOUD_SECRET_KEY: ENV.secretKey, TENCENTCLOUD_SECURITY_TOKEN: ENV.token });
        try {
            for (const kind of KINDS) {
                collect(`serialized ${kind} provider`, await ProviderHost.serialize(hostedProvider(kind)));
            }
        } finally {
            for (const k of ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN"]) {
                if (saved[k] === undefined) { delete process.env[k]; } else { process.env[k] = saved[k]; }
            }
        }
    });
    it("getPurgeTasksOutput with a secret connection gives a secret Output", async () => {
        const out = getPurgeTasksOutput({ taskId: "1", limit: 5 }, { connection: { secretId: CFG.secretId,
            secretKey: pulumi.secret(CFG.secretKey), securityToken: pulumi.secret(CFG.token), endpoint: emu.url } });
        const value = await new Promise((resolve) => out.apply(resolve));
        assert.strictEqual(await (out as any).isSecret, true);
        assert.strictEqual(await (out.purgeLogs as any).isSecret, true);
        collect("getPurgeTasksOutput value", value);
        record("secrets", { tried: "getPurgeTasksOutput with pulumi.secret(secretKey), pulumi.secret(securityToken)", target: "Output",
            outcome: "the result Output (and its purgeLogs) is secret", detail: "Output.isSecret = true", survived: true });
    });
    it("the emulator's request log and statistics hold no secret (and no SecretId)", () => {
        assert.ok(log.length > 30, `only ${log.length} log lines`);
        collect("emulator request log", log.join("\n"));
        const stats = JSON.stringify(emulators.map((e) => e.stats.snapshot()));
        collect("emulator stats snapshots", stats);
        for (const id of [CFG.secretId, TC.secretId, ENV.secretId]) {
            assert.ok(!log.join("\n").includes(id) && !stats.includes(id), `${id} in the emulator's log or stats`);
        }
    });
    it("no secret anywhere: every collected place searched for every secret", async () => {
        await Promise.all(runs);
        const issued = emulators.flatMap((e) => e.temporaryCredentials.all().flatMap((c) => [c.secretKey, c.token]));
        // At least one each for the assumed role and the web identity, so the search covers temporary credentials.
        assert.ok(issued.length >= 4, `STS issued only ${issued.length / 2} credential(s)`);
        const found = places.flatMap((p) => [...SECRETS, ...issued].filter((s) => p.text.includes(s)).map((s) => `${s} in ${p.name}`));
        countSecretSearch(places.length, found.length);
        const groups = new Map<string, number>();
        for (const p of places) {
            const group = p.name.replace(/ under .*/, ": waits/reads under every fault kind");
            groups.set(group, (groups.get(group) ?? 0) + 1);
        }
        for (const [group, n] of groups) {
            const hits = found.filter((f) => f.includes(` in ${group.split(": waits")[0]}`)).length;
            record("secrets", { tried: group + (n > 1 ? ` (${n} places)` : ""), target: `searched for ${SECRETS.length} distinct secrets and every temporary credential STS issued`,
                outcome: hits === 0 ? "none found" : `${hits} FOUND`, detail: "", survived: hits === 0 });
        }
        assert.deepStrictEqual(found, []);
    });
});
