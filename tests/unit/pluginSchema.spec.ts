import * as assert from "assert";
import * as fs from "fs";
import { SCHEMA_FILE } from "../../scripts/writeSchema";
import { packageSchema } from "../../provider/plugin/schema";
import { schemaText } from "../../provider/plugin/schemaText";

type Props = Record<string, { description?: string }>;

/** Every property map of the schema, named by where it is. */
function propertyMaps(): [string, Props][] {
    const s = packageSchema();
    const maps: [string, Props][] = [["config", s.config.variables], ["provider", s.provider.inputProperties]];
    for (const [tok, t] of Object.entries(s.types as Record<string, { properties?: Props }>)) {
        if (t.properties) maps.push([tok, t.properties]);
    }
    for (const [tok, r] of Object.entries(s.resources)) maps.push([`${tok} inputs`, r.inputProperties], [`${tok} outputs`, r.properties]);
    for (const [tok, f] of Object.entries(s.functions)) maps.push([`${tok} inputs`, f.inputs.properties], [`${tok} outputs`, f.outputs.properties]);
    return maps;
}

describe("the provider plugin's schema", () => {
    it("schema.json is what provider/plugin/schema.ts describes (run scripts/writeSchema.ts after a change)", () => {
        assert.strictEqual(fs.readFileSync(SCHEMA_FILE, "utf8"), schemaText());
    });

    it("offers the function and resources under the package's tokens", () => {
        const s = packageSchema();
        assert.deepStrictEqual([Object.keys(s.functions), Object.keys(s.resources).sort()], [
            ["tencentcloud-purge:index:getPurgeTasks", "tencentcloud-purge:edgeone:getPurgeTasks", "tencentcloud-purge:edgeone:getPrefetchTasks",
                "tencentcloud-purge:index:getPushTasks"],
            ["tencentcloud-purge:edgeone:Prefetch", "tencentcloud-purge:edgeone:PrefetchTaskWaiter",
                "tencentcloud-purge:edgeone:Purge", "tencentcloud-purge:edgeone:PurgeTaskWaiter",
                "tencentcloud-purge:index:PathPurge", "tencentcloud-purge:index:PurgeTaskWaiter", "tencentcloud-purge:index:PushTaskWaiter",
                "tencentcloud-purge:index:UrlPurge", "tencentcloud-purge:index:UrlPush"],
        ]);
    });

    it("describes every property with an example", () => {
        const missing = propertyMaps().flatMap(([where, props]) => Object.entries(props)
            .filter(([, p]) => !/Example: `.+`/.test(p.description ?? "")).map(([name]) => `${where}.${name}`));
        assert.deepStrictEqual(missing, []);
    });

    it("marks the secret id and key, the session token and the web identity (it may hold a token) secret, in stack config and on the provider", () => {
        const s = packageSchema();
        const secret = (props: Record<string, { secret?: boolean }>) => Object.keys(props).filter((k) => props[k].secret);
        assert.deepStrictEqual([secret(s.config.variables), secret(s.provider.inputProperties)],
            [["secretId", "secretKey", "securityToken", "assumeRoleWithWebIdentity"], ["secretId", "secretKey", "securityToken", "assumeRoleWithWebIdentity"]]);
    });
});
