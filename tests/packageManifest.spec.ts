/** What package.json promises to whoever installs the package. */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));

describe("package manifest", () => {
    it("builds before it is packed or published", () => {
        assert.match(manifest.scripts.prepack, /npm run build/);
    });
    it("ships the build, README and LICENSE", () => {
        assert.deepStrictEqual(["bin/", "README.md", "LICENSE"].filter((f) => !manifest.files.includes(f)), []);
        assert.ok(fs.existsSync(path.join(__dirname, "..", "LICENSE")));
    });
    it("exports the SDK, the emulator and the provider host by name, with their types", () => {
        assert.deepStrictEqual(Object.keys(manifest.exports).sort(), [".", "./emulator", "./package.json", "./provider-host"]);
        assert.deepStrictEqual(Object.keys(manifest.typesVersions["*"]).sort(), ["emulator", "provider-host"]);
    });
    it("says where it comes from and what it is about", () => {
        assert.ok(manifest.repository?.url);
        assert.deepStrictEqual(["pulumi", "tencentcloud", "cdn", "purge"].filter((k) => !manifest.keywords.includes(k)), []);
    });
    it("takes @pulumi/pulumi from the program, from 3.139 (dynamic providers get configure) up to 4", () => {
        assert.deepStrictEqual([manifest.peerDependencies["@pulumi/pulumi"], manifest.dependencies?.["@pulumi/pulumi"]], [">=3.139.0 <4", undefined]);
    });
});
