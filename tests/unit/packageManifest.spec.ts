/** What package.json promises to whoever installs the package. */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8"));

describe("package manifest", () => {
    it("builds before it is packed or published", () => {
        assert.match(manifest.scripts.prepack, /npm run build/);
    });
    it("ships the build, README and LICENSE", () => {
        assert.deepStrictEqual(["bin/", "README.md", "LICENSE"].filter((f) => !manifest.files.includes(f)), []);
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "LICENSE")));
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
    it("takes the Tencent Cloud SDK by a range of 4.x releases, so a program's own copy can serve both", () => {
        assert.match(manifest.dependencies["tencentcloud-sdk-nodejs"], /^\^4\.\d+\.\d+$/);
    });
    it("ships its source maps with the sources they point to, since the TypeScript sources are not in the package", () => {
        const options = tsconfig.compilerOptions;
        assert.ok(!options.sourceMap || options.inlineSources === true, "sourceMap without inlineSources");
    });
    it("has a release command, and the plugin's bundler as a build tool only", () => {
        assert.match(manifest.scripts.release, /scripts\/release\.sh/);
        assert.deepStrictEqual([typeof manifest.devDependencies.esbuild, manifest.dependencies.esbuild], ["string", undefined]);
    });
});
