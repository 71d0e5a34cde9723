/**
 * The licence of each bundled package, as license-checker-rseidelsohn reads it from the installed tree: the
 * licence its package.json declares, the text of its licence file and the text of its NOTICE file. A package
 * that ships no licence file (some small ones declare "MIT" and nothing more) gets the licence's standard text
 * from the SPDX licence list, marked as such.
 */
import * as fs from "fs";
import * as path from "path";
// An ES module, loaded by require(): Node.js 20.19 and newer do that without a flag.
import { init, ModuleInfo, ModuleInfos } from "license-checker-rseidelsohn";
import spdxFull = require("spdx-license-list/full");
import { BundledPackage } from "./bundledPackages";

/** What the notices say of one bundled package. */
export interface LicenceEntry {
    readonly name: string;
    readonly version: string;
    /** The SPDX expression the package declares, or what the tool made of it ("UNKNOWN", "MIT*" when guessed). */
    readonly licence: string;
    /** The licence text: the package's own file, or the SPDX standard text when it has none. */
    readonly text: string;
    /** Where the text came from: the package's file name, or "SPDX standard text". */
    readonly textSource: string;
    /** The package's NOTICE file, when it has one. */
    readonly notice?: string;
}

const checkTree = (start: string) => new Promise<ModuleInfos>((resolve, reject) =>
    init({
        start,
        // Every field the entries use; licenseText and noticeFile are only read when asked for by name.
        customFormat: { name: "", version: "", licenses: "", licenseFile: "", licenseText: "", noticeFile: "" },
    }, (err, found) => (err ? reject(err) : resolve(found))));

/** A README is no licence file: the tool falls back to one when a package has nothing better. */
const isLicenceFile = (file: string | undefined): file is string => !!file && !/^readme/i.test(path.basename(file));

function entryOf(pkg: BundledPackage, info: ModuleInfo | undefined): LicenceEntry {
    const licence = [info?.licenses ?? "UNKNOWN"].flat().join(" OR ");
    const notice = info?.noticeFile ? fs.readFileSync(info.noticeFile, "utf8").trim() : undefined;
    if (isLicenceFile(info?.licenseFile) && info?.licenseText) {
        return { name: pkg.name, version: pkg.version, licence, text: info.licenseText, textSource: path.basename(info.licenseFile), notice };
    }
    const standard = spdxFull[licence]?.licenseText;
    return { name: pkg.name, version: pkg.version, licence, text: standard?.trim() ?? "", textSource: standard ? "SPDX standard text" : "none", notice };
}

/**
 * One entry per bundled package, in the order given. `root` is the folder whose `node_modules` holds them.
 *
 * @example
 * const entries = await collectLicences(ROOT, bundledPackages(ROOT, inputs));
 */
export async function collectLicences(root: string, packages: readonly BundledPackage[]): Promise<LicenceEntry[]> {
    const found = await checkTree(root);
    // Keyed by folder as well as by name@version: the tool keys by name@version, the bundle by folder.
    const byDir = new Map(Object.values(found).filter((i) => i.path).map((i) => [path.resolve(i.path!), i]));
    return packages.map((pkg) => entryOf(pkg, byDir.get(pkg.dir) ?? found[`${pkg.name}@${pkg.version}`]));
}
