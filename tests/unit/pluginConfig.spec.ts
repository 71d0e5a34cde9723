import * as assert from "assert";
import { resolveConnection } from "../../provider/client/connection";
import { pluginConfig } from "../../provider/plugin/pluginConfig";

describe("the provider plugin's configuration", () => {
    it("hands an object setting such as assumeRole to the connection resolver as an object", () => {
        const config = pluginConfig({ secretId: "AKIDp", secretKey: "pkey", assumeRole: { roleArn: "qcs::cam::uin/1:roleName/deploy" } }, new Map());
        const c = resolveConnection({}, config, { HOME: "/nonexistent" });
        assert.match(c.credentials.description, /^STS AssumeRole of the role in stack config tencentcloud-purge:assumeRole/);
    });

    it("reads an object setting that older engines send as JSON text", () => {
        const config = pluginConfig(undefined, new Map([["tencentcloud-purge:config:secretId", "AKIDp"],
            ["tencentcloud-purge:config:secretKey", "pkey"], ["tencentcloud-purge:config:assumeRole", JSON.stringify({ roleArn: "qcs::cam::uin/1:roleName/deploy" })]]));
        assert.match(resolveConnection({}, config, { HOME: "/nonexistent" }).credentials.description, /STS AssumeRole/);
    });
});
