/**
 * The version users are told to install is the version this checkout releases: every install command and
 * version pin in the README, the plugin guide and the Python SDK's README names package.json's version.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
const DOCS = ["README.md", "docs/plugin.md", "provider/plugin/sdkReadme.ts", "CONTRIBUTING.md"];
/** `plugin install resource tencentcloud-purge 1.2.3`, `@v1.2.3` (git tag or Go version), `version: 1.2.3` (YAML). */
const MENTIONS = [/plugin install resource tencentcloud-purge (\d+\.\d+\.\d+)/g, /@v(\d+\.\d+\.\d+)/g, /version: (\d+\.\d+\.\d+)/g];

describe("versions named in the docs", () => {
    it("are package.json's version", () => {
        const wrong: string[] = [];
        let found = 0;
        for (const doc of DOCS) {
            const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
            for (const pattern of MENTIONS) {
                for (const m of text.matchAll(pattern)) {
                    found++;
                    if (m[1] !== VERSION) wrong.push(`${doc}: ${m[0]}`);
                }
            }
        }
        assert.deepStrictEqual(wrong, []);
        assert.ok(found >= 5, `only ${found} version mentions found: the patterns no longer match the docs`);
    });
});
