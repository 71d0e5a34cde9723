/**
 * What the Pulumi Registry checks before it lists a package: the schema's name, a semver version, publisher,
 * display name and a `category/...` keyword, and the two docs pages with their front matter. The pages must also
 * be what scripts/writeSchema.ts makes of the README, docs/configuration.md and the descriptions.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as semver from "semver";
import { REGISTRY_FILES } from "../../scripts/writeSchema";

// js-yaml ships no type declarations; its load() is all this spec needs.
const yaml: { load(text: string): unknown } = require("js-yaml");

const ROOT = path.join(__dirname, "..", "..");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "schema.json"), "utf8"));
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
/** The registry's categories. */
const CATEGORIES = ["cloud", "database", "infrastructure", "monitoring", "network", "utility", "versioncontrol"];

/** A page's front matter: the YAML between the leading `---` lines. */
function frontMatterOf(text: string): Record<string, unknown> {
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(m, "the page starts with front matter between --- lines");
    return yaml.load(m[1]) as Record<string, unknown>;
}

describe("what the Pulumi Registry checks", () => {
    it("the schema's name is lower case with dashes, and its version is package.json's, as semver", () => {
        assert.match(SCHEMA.name, /^[a-z][a-z0-9-]*$/);
        assert.ok(semver.valid(SCHEMA.version), `not semver: ${SCHEMA.version}`);
        assert.strictEqual(SCHEMA.version, VERSION);
    });

    it("the schema names a publisher, a display name, a description, a repository and where the plugin is downloaded from", () => {
        for (const key of ["publisher", "displayName", "description", "repository", "pluginDownloadURL", "license"]) {
            assert.ok(typeof SCHEMA[key] === "string" && SCHEMA[key].trim() !== "", `schema.${key}`);
        }
    });

    it("the schema has exactly one category keyword the registry knows, and a logo only at an https URL", () => {
        const categories = (SCHEMA.keywords as string[]).filter((k) => k.startsWith("category/"));
        assert.strictEqual(categories.length, 1, categories.join(", "));
        assert.ok(CATEGORIES.includes(categories[0].slice("category/".length)), categories[0]);
        if (SCHEMA.logoUrl !== undefined) assert.match(SCHEMA.logoUrl, /^https:\/\//);
    });

    for (const [file, write] of Object.entries(REGISTRY_FILES)) {
        const name = path.relative(ROOT, file);
        it(`${name} has the front matter of a package page: a title, a meta_desc of at most 160 characters, layout: package`, () => {
            const fm = frontMatterOf(fs.readFileSync(file, "utf8"));
            assert.ok(typeof fm.title === "string" && fm.title.trim() !== "", "title");
            assert.ok(typeof fm.meta_desc === "string" && fm.meta_desc.length > 0 && fm.meta_desc.length <= 160, `meta_desc: ${fm.meta_desc}`);
            assert.strictEqual(fm.layout, "package");
        });

        it(`${name} is what scripts/writeSchema.ts writes (run it after changing the README or docs/configuration.md)`, () => {
            assert.strictEqual(fs.readFileSync(file, "utf8"), write());
        });
    }

    it("the pages link to files of the release they describe, not to paths relative to the repository", () => {
        const links = Object.keys(REGISTRY_FILES).flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]));
        assert.ok(links.length > 0);
        assert.deepStrictEqual(links.filter((l) => !l.startsWith("#") && !l.startsWith(`${SCHEMA.repository}/blob/v${VERSION}/`) && !/^https?:/.test(l)), []);
    });
});
