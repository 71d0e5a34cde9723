/**
 * The plugin bundle's notice file, written from what esbuild really bundled (a child process: esbuild's service).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundlePlugin } from "../../scripts/bundlePlugin";
import { BundledPackage } from "../../scripts/notices/bundledPackages";
import { writeNotices } from "../../scripts/notices/writeNotices";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the plugin bundle's third-party notices", function () {
    this.timeout(60_000);
    let dir: string;
    let bundle: { file: string; inputs: Record<string, number>; packages: BundledPackage[] };
    let text: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-notices-"));
        bundle = await bundlePlugin(dir);
        text = fs.readFileSync((await writeNotices(ROOT, bundle.file, bundle.packages)).file, "utf8");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("lists every package folder the bundle took code from, with its licence", () => {
        const listed = new Set([...text.matchAll(/^ {2}(\S+)@\S+ {2}\S/gm)].map((m) => m[1]));
        // Every name esbuild's inputs show under node_modules, read from the input sizes rather than the package list.
        const fromInputs = Object.keys(bundle.inputs).filter((k) => k !== "(this package)");
        assert.deepStrictEqual(fromInputs.filter((n) => !listed.has(n)), []);
        for (const name of ["@pulumi/pulumi", "tencentcloud-sdk-nodejs", "protobufjs", "google-protobuf", "@grpc/grpc-js"]) {
            assert.ok(listed.has(name), name);
        }
    });

    it("holds each package's licence text once per package, and the licence comments of the code", () => {
        const sections = text.split(/^-{78}$/m).slice(1);
        assert.strictEqual(sections.length, bundle.packages.length + 1, "one section per package and one of licence comments");
        assert.ok(sections.slice(0, -1).every((s) => /\nLicence: \S.*\n\n\S/.test(s)), "a section without licence text");
        assert.match(sections.at(-1)!, /Licence comments found in the bundled code[\s\S]*@license/);
        assert.ok(!fs.existsSync(`${bundle.file}.LEGAL.txt`), "esbuild's file of licence comments is folded in");
    });

    it("refuses, naming it, a bundled package whose licence cannot be read", async () => {
        const stray: BundledPackage = { name: "not-installed", version: "1.0.0", dir: path.join(dir, "node_modules", "not-installed") };
        await assert.rejects(writeNotices(ROOT, bundle.file, [...bundle.packages, stray]), /not-installed@1\.0\.0: not an SPDX licence expression: UNKNOWN/);
    });
});
