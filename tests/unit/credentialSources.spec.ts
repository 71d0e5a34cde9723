/**
 * Which credential source a connection uses, and the errors that say what is missing: no network, only the
 * choice (each source's description names where it was configured).
 */
import * as assert from "assert";
import { pluginConfig } from "../../provider/plugin/pluginConfig";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveConnection } from "../../provider/client/connection";

const config = (values: Record<string, unknown>) => ({ get: (k: string) => values[k] });
const ROLE = "qcs::cam::uin/100000000001:roleName/deploy";
const KEYS_ENV = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey-SECRET" };

describe("credential sources: which one is used", () => {
    let home: string;
    beforeEach(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "purge-home-"));
    });
    afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
    const source = (explicit: object, values: Record<string, unknown>, env: NodeJS.ProcessEnv) =>
        resolveConnection(explicit, config(values), { HOME: home, ...env }).credentials.description;
    const writeProfile = (name: string, content: object) => {
        fs.mkdirSync(path.join(home, ".tccli"), { recursive: true });
        fs.writeFileSync(path.join(home, ".tccli", `${name}.credential`), JSON.stringify(content));
    };

    it("the first place that configures any source decides: keys in stack config beat a web identity in the environment", () => {
        const d = source({}, { "tencentcloud:secretId": "AKIDc", "tencentcloud:secretKey": "ckey" },
            { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "tok", TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE });
        assert.match(d, /^the keys in stack config tencentcloud:secretId/);
    });

    it("within one place a web identity comes before keys", () => {
        const d = source({}, {}, { ...KEYS_ENV, TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "tok", TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE });
        assert.match(d, /^STS AssumeRoleWithWebIdentity .*TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN/);
    });

    it("within one place an instance role comes before keys, as in the official provider", () => {
        const d = source({}, { "tencentcloud-purge:camRoleName": "cvm-role", "tencentcloud-purge:secretId": "AKIDp",
            "tencentcloud-purge:secretKey": "pkey" }, {});
        assert.match(d, /^the CVM instance role in stack config tencentcloud-purge:camRoleName \(metadata service http:\/\/metadata\.tencentyun\.com\)/);
    });

    it("explicit values come before stack config", () => {
        const d = source({ secretId: "AKIDx", secretKey: "xkey" }, { "tencentcloud-purge:camRoleName": "cvm-role" }, {});
        assert.match(d, /^the keys in connection option secretId/);
    });

    it("keys anywhere come before the default profile", () => {
        writeProfile("default", { secretId: "AKIDprof", secretKey: "profkey" });
        assert.match(source({}, {}, KEYS_ENV), /environment variable TENCENTCLOUD_SECRET_ID/);
    });

    it("the default profile is used when nothing else is set", () => {
        writeProfile("default", { secretId: "AKIDprof", secretKey: "profkey" });
        assert.strictEqual(source({}, {}, {}), `profile default in ${path.join(home, ".tccli", "default.credential")}`);
    });

    it("the profile named by tencentcloud:profile", () => {
        writeProfile("ci", { secretId: "AKIDprof", secretKey: "profkey" });
        assert.match(source({}, { "tencentcloud:profile": "ci" }, {}), /^profile ci in /);
    });

    it("a role from the environment is assumed with keys from stack config", () => {
        const d = source({}, { "tencentcloud:secretId": "AKIDc", "tencentcloud:secretKey": "ckey" },
            { TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE, TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "ci" });
        assert.match(d, /^STS AssumeRole of the role in environment variable TENCENTCLOUD_ASSUME_ROLE_ARN .*signed by the keys in stack config tencentcloud:secretId/);
    });

    it("tencentcloud:assumeRole as the engine hands it (JSON text) and as an object", () => {
        const keys = { "tencentcloud:secretId": "AKIDc", "tencentcloud:secretKey": "ckey" };
        for (const value of [JSON.stringify({ roleArn: ROLE, sessionDuration: 900 }), { roleArn: ROLE, sessionDuration: "900" }]) {
            assert.match(source({}, { ...keys, "tencentcloud:assumeRole": value }, {}), /^STS AssumeRole of the role in stack config tencentcloud:assumeRole/);
        }
    });

    it("tencentcloud-purge:assumeRole comes before tencentcloud:assumeRole", () => {
        const d = source({}, { "tencentcloud-purge:assumeRole": { roleArn: ROLE }, "tencentcloud:assumeRole": { roleArn: "other" } }, KEYS_ENV);
        assert.match(d, /stack config tencentcloud-purge:assumeRole/);
    });

    it("the STS and CDN addresses follow domain and protocol; full URLs win", () => {
        const intl = resolveConnection({}, config({ "tencentcloud:domain": "intl.tencentcloudapi.com", "tencentcloud:assumeRole": { roleArn: ROLE } }),
            { ...KEYS_ENV, HOME: home, TENCENTCLOUD_PROTOCOL: "HTTP" });
        assert.deepStrictEqual([intl.protocol, intl.host], ["http://", "cdn.intl.tencentcloudapi.com"]);
        assert.match(intl.credentials.description, /STS at http:\/\/sts\.intl\.tencentcloudapi\.com/);
        const own = resolveConnection({ endpoint: "http://127.0.0.1:9000", stsEndpoint: "http://127.0.0.1:9001", domain: "intl.tencentcloudapi.com",
            assumeRole: { roleArn: ROLE } }, undefined, { ...KEYS_ENV, HOME: home });
        assert.deepStrictEqual([own.protocol, own.host], ["http://", "127.0.0.1:9000"]);
        assert.match(own.credentials.description, /STS at http:\/\/127\.0\.0\.1:9001/);
    });
});

describe("credential sources: errors name what is missing, never a value", () => {
    const HOME = { HOME: path.join(os.tmpdir(), "purge-no-such-home") };
    const fails = (explicit: object, values: Record<string, unknown>, env: NodeJS.ProcessEnv, expected: RegExp) =>
        assert.throws(() => resolveConnection(explicit, config(values), { ...HOME, ...env }), (e: Error) => {
            assert.match(e.message, expected);
            for (const secret of ["envkey-SECRET", "tok-SECRET"]) {
                assert.ok(!e.message.includes(secret), e.message);
            }
            return true;
        });

    it("a role to assume without base credentials names where the role was set and every place looked in", () =>
        fails({}, { "tencentcloud:assumeRole": JSON.stringify({ roleArn: ROLE }) }, {},
            /^assumeRole\.roleArn is set \(stack config tencentcloud:assumeRole\) but no base credentials .*1\. connection option .*4\. environment variable .*TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY; 5\. the shared credentials file .*default\.credential/));

    it("no source at all lists every place, the profile file and the TKE variables", () =>
        fails({}, {}, {}, /^No Tencent Cloud credentials found\. .*stack config tencentcloud:assumeRoleWithWebIdentity.*profile default.*TKE_ROLE_ARN/));

    it("the provider plugin's config lists neither a connection option nor the tencentcloud:* keys it never receives", () =>
        assert.throws(() => resolveConnection(null, pluginConfig(undefined, new Map()), { ...HOME }), (e: Error) =>
            /^No Tencent Cloud credentials found\. Looked in this order: 1\. stack config tencentcloud-purge:.*; 2\. environment variable .*; 3\. the shared credentials file/.test(e.message) &&
            !/connection option|tencentcloud:/.test(e.message)));

    it("an assumeRole without roleArn", () =>
        fails({}, { "tencentcloud:assumeRole": { sessionName: "x" } }, KEYS_ENV, /stack config tencentcloud:assumeRole has no roleArn/));

    it("an assumeRole field that does not exist, e.g. a typo", () =>
        fails({}, { "tencentcloud:assumeRole": { rolearn: ROLE } }, KEYS_ENV, /unknown field\(s\) rolearn; the fields are roleArn, sessionName/));

    it("a session duration out of range", () =>
        fails({}, {}, { ...KEYS_ENV, TENCENTCLOUD_ASSUME_ROLE_ARN: ROLE, TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "99999" },
            /TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION must be a whole number of seconds from 1 to 43200/));

    it("a web identity token without a role", () =>
        fails({}, {}, { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "tok-SECRET" },
            /TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN is set but TENCENTCLOUD_ASSUME_ROLE_ARN is not/));

    it("a TKE identity with some variables missing", () =>
        fails({}, {}, { TKE_ROLE_ARN: ROLE, TKE_REGION: "ap-guangzhou" }, /TKE_ROLE_ARN.*without TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE/));

    it("a named profile whose file does not exist", () =>
        fails({}, { "tencentcloud:profile": "ci" }, {}, /stack config tencentcloud:profile names profile "ci", but .*ci\.credential does not exist/));

    it("a protocol other than HTTP or HTTPS", () =>
        fails({}, {}, { ...KEYS_ENV, TENCENTCLOUD_PROTOCOL: "ftp" }, /environment variable TENCENTCLOUD_PROTOCOL must be HTTP or HTTPS/));

    it("an STS endpoint that is not a URL", () =>
        fails({}, { "tencentcloud-purge:stsEndpoint": "http://127.0.0.1:9000/sts" }, KEYS_ENV, /stack config tencentcloud-purge:stsEndpoint must be a bare origin/));
});
