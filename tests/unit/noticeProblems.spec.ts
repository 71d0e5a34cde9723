import * as assert from "assert";
import { BundledPackage } from "../../scripts/notices/bundledPackages";
import { LicenceEntry } from "../../scripts/notices/collectLicences";
import { noticeProblems } from "../../scripts/notices/noticeProblems";

const pkg = (name: string): BundledPackage => ({ name, version: "1.0.0", dir: `/nm/${name}` });
const entry = (name: string, licence: string, text = "Permission is hereby granted"): LicenceEntry =>
    ({ name, version: "1.0.0", licence, text, textSource: "LICENSE" });

describe("the third-party notices' check", () => {
    it("passes when every bundled package has an accepted licence and its text", () => {
        assert.deepStrictEqual(noticeProblems([pkg("a"), pkg("b"), pkg("c")],
            [entry("a", "MIT"), entry("b", "(BSD-3-Clause AND Apache-2.0)"), entry("c", "(MIT OR GPL-3.0-only)")]), []);
    });

    it("names a bundled package that has no entry", () => {
        assert.deepStrictEqual(noticeProblems([pkg("a"), pkg("b")], [entry("a", "MIT")]), ["b@1.0.0: bundled but has no entry"]);
    });

    it("names a package whose licence is unknown, guessed or not accepted", () => {
        const problems = noticeProblems([pkg("a"), pkg("b"), pkg("c"), pkg("d")],
            [entry("a", "UNKNOWN"), entry("b", "MIT*"), entry("c", "GPL-3.0-only"), entry("d", "MIT AND GPL-2.0-only")]);
        assert.deepStrictEqual(problems.map((p) => p.split(":")[0]), ["a@1.0.0", "b@1.0.0", "c@1.0.0", "d@1.0.0"]);
        assert.match(problems[0], /not an SPDX licence expression: UNKNOWN/);
        assert.match(problems[2], /not an accepted licence \(.*MIT.*\): GPL-3.0-only/);
    });

    it("names a package without licence text", () => {
        assert.deepStrictEqual(noticeProblems([pkg("a")], [entry("a", "MIT", " \n")]), ["a@1.0.0: no licence text"]);
    });
});
