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
    describe("the provider plugin's folder (plugin/, which Pulumi.yaml's plugins.providers path names)", () => {
        const NAME = "pulumi-resource-tencentcloud-purge";
        const plugin = (file: string) => path.join(root, "plugin", file);
        it("ships plugin/ with a launcher for POSIX systems and one for Windows", () => {
            assert.ok(manifest.files.includes("plugin/"), "files lacks plugin/");
            assert.deepStrictEqual(fs.readdirSync(path.join(root, "plugin")).sort(),
                ["launcher.js", NAME, `${NAME}.cmd`, "requireNode20.js"]);
            assert.ok((fs.statSync(plugin(NAME)).mode & 0o111) !== 0, `${NAME} is not executable`);
        });
        it("has launchers that look for Node.js before starting launcher.js", () => {
            const posix = fs.readFileSync(plugin(NAME), "utf8");
            const windows = fs.readFileSync(plugin(`${NAME}.cmd`), "utf8");
            assert.deepStrictEqual([/^#!\/bin\/sh\n/.test(posix), /command -v node/.test(posix), /exec node "\$\(dirname "\$self"\)\/launcher\.js" "\$@"/.test(posix)],
                [true, true, true]);
            assert.deepStrictEqual([/^@echo off\r\n/.test(windows), /\r\nwhere node /.test(windows), windows.includes('node "%~dp0launcher.js" %*\r\n'),
                windows.replace(/\r\n/g, "").includes("\n")], [true, true, true, false]);
            const needs = "pulumi-resource-tencentcloud-purge needs Node.js 20+ on PATH";
            assert.deepStrictEqual([posix.includes(needs), windows.includes(needs)], [true, true]);
        });
        it("links the package's executable to the Node.js launcher, which npm can shim on Windows too", () => {
            assert.deepStrictEqual(manifest.bin[NAME], "plugin/launcher.js");
            assert.match(fs.readFileSync(plugin("launcher.js"), "utf8"), /^#!\/usr\/bin\/env node\n[^]*require\("\.\/requireNode20"\)/);
        });
        it("the release archives take the launchers from plugin/, not a copy of their text", () => {
            const pack = fs.readFileSync(path.join(root, "scripts", "packPlugin.sh"), "utf8");
            assert.deepStrictEqual([pack.includes('cp "plugin/$name.cmd"'), pack.includes("cp plugin/$name "), /@echo|\\r\\n/.test(pack)], [true, true, false]);
        });
    });
    it("has a release command, and the plugin's bundler as a build tool only", () => {
        assert.match(manifest.scripts.release, /scripts\/release\.sh/);
        assert.deepStrictEqual([typeof manifest.devDependencies.esbuild, manifest.dependencies.esbuild], ["string", undefined]);
    });
});
