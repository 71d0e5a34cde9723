import * as assert from "assert";
import { parseEndpoint, resolveConnection } from "../../provider/client/connection";

const env = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey" };
const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
/** The keys a static connection signs with. */
const keys = (c: ReturnType<typeof resolveConnection>) => c.credentials.getCredential();

describe("resolveConnection", () => {
    it("reads the environment when nothing else is given", async () => {
        const c = resolveConnection({}, undefined, env);
        const k = await keys(c);
        assert.deepStrictEqual([k.secretId, k.secretKey, c.protocol, c.host], ["AKIDenv", "envkey", "https://", "cdn.tencentcloudapi.com"]);
    });
    it("prefers explicit values over config and environment", async () => {
        const c = resolveConnection({ secretId: "AKIDx", secretKey: "xkey" },
            config({ "tencentcloud-purge:secretId": "AKIDc", "tencentcloud-purge:secretKey": "ckey" }), env);
        assert.strictEqual((await keys(c)).secretId, "AKIDx");
    });
    it("prefers tencentcloud-purge config over tencentcloud config", async () => {
        const c = resolveConnection({}, config({
            "tencentcloud-purge:secretId": "AKIDp", "tencentcloud-purge:secretKey": "pkey",
            "tencentcloud:secretId": "AKIDt", "tencentcloud:secretKey": "tkey",
        }), env);
        const k = await keys(c);
        assert.deepStrictEqual([k.secretId, k.secretKey], ["AKIDp", "pkey"]);
    });
    it("reads the official provider's tencentcloud config keys", async () => {
        const c = resolveConnection({}, config({ "tencentcloud:secretId": "AKIDt", "tencentcloud:secretKey": "tkey",
            "tencentcloud:securityToken": "ttok", "tencentcloud:region": "ap-guangzhou" }), {});
        const k = await keys(c);
        assert.deepStrictEqual([k.secretId, k.token, c.region], ["AKIDt", "ttok", "ap-guangzhou"]);
    });
    it("never pairs a token from another source with the chosen keys", async () => {
        const c = resolveConnection({}, config({ "tencentcloud-purge:secretId": "AKIDp", "tencentcloud-purge:secretKey": "pkey" }),
            { ...env, TENCENTCLOUD_SECURITY_TOKEN: "envtoken" });
        assert.strictEqual((await keys(c)).token, undefined);
    });
    it("takes the endpoint from TENCENTCLOUD_CDN_ENDPOINT", () => {
        const c = resolveConnection({}, undefined, { ...env, TENCENTCLOUD_CDN_ENDPOINT: "http://127.0.0.1:9000" });
        assert.deepStrictEqual([c.protocol, c.host], ["http://", "127.0.0.1:9000"]);
    });
    it("says what to set when no credentials are found", () => {
        assert.throws(() => resolveConnection({}, undefined, { HOME: "/nonexistent" }), /TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY/);
    });
    it("names the source that has an id but no key, without echoing the id", () => {
        assert.throws(() => resolveConnection({}, undefined, { TENCENTCLOUD_SECRET_ID: "AKIDlonely" }),
            (e: Error) => /environment/.test(e.message) && !e.message.includes("AKIDlonely"));
    });
    it("records the place each value came from, naming keys and never values", () => {
        const c = resolveConnection({}, config({ "tencentcloud:secretId": "AKIDt", "tencentcloud:secretKey": "tkey",
            "tencentcloud:securityToken": "ttok" }), { TENCENTCLOUD_CDN_ENDPOINT: "http://127.0.0.1:9000" });
        assert.deepStrictEqual(c.origin, { credentials: "the keys in stack config tencentcloud:secretId, tencentcloud:secretKey and tencentcloud:securityToken",
            secretId: "stack config tencentcloud:secretId", secretKey: "stack config tencentcloud:secretKey",
            securityToken: "stack config tencentcloud:securityToken", endpoint: "environment variable TENCENTCLOUD_CDN_ENDPOINT" });
    });
    it("names the config key of an endpoint without a scheme", () => {
        assert.throws(() => resolveConnection({}, config({ "tencentcloud-purge:endpoint": "localhost:9000" }), env),
            /stack config tencentcloud-purge:endpoint must start with http:\/\/ or https:\/\/ when it names a port: write http:\/\/localhost:9000/);
    });
    it("rejects a request timeout out of range", () => {
        assert.throws(() => resolveConnection({ requestTimeoutSeconds: 0 }, undefined, env), /requestTimeoutSeconds/);
    });
});

describe("parseEndpoint", () => {
    it("defaults a bare host to https", () => {
        assert.deepStrictEqual(parseEndpoint("cdn.intl.tencentcloudapi.com"), { protocol: "https://", host: "cdn.intl.tencentcloudapi.com" });
    });
    it("refuses a host and port without a scheme rather than guess https", () => {
        assert.throws(() => parseEndpoint("127.0.0.1:9000", "environment variable TENCENTCLOUD_CDN_ENDPOINT"),
            /TENCENTCLOUD_CDN_ENDPOINT must start with http:\/\/ or https:\/\/.*http:\/\/127\.0\.0\.1:9000/);
    });
    it("rejects other protocols", () => {
        assert.throws(() => parseEndpoint("ftp://127.0.0.1:21"), /endpoint must use http:\/\/ or https:\/\//);
    });
    it("never repeats a password given in an endpoint", () => {
        for (const endpoint of ["user:s3cret@127.0.0.1:9000", "http://user:s3cret@127.0.0.1:9000", "user:s3cret@bad host"]) {
            assert.throws(() => parseEndpoint(endpoint), (e: Error) => !e.message.includes("s3cret"), endpoint);
        }
    });
    it("rejects a path", () => {
        assert.throws(() => parseEndpoint("http://127.0.0.1:9000/api"), /bare origin/);
    });
});
