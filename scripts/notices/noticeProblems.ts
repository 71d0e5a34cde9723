/**
 * What keeps a notice file from covering a bundle: a bundled package with no entry, an entry with a licence that
 * is unknown or not accepted, or an entry without licence text.
 */
import { licenceProblem } from "./acceptedLicences";
import { BundledPackage } from "./bundledPackages";
import { LicenceEntry } from "./collectLicences";

/**
 * One line per problem, naming the package; empty when the entries cover every bundled package.
 *
 * @example
 * noticeProblems(packages, entries); // ["tr46@0.0.3: no licence text"]
 */
export function noticeProblems(packages: readonly BundledPackage[], entries: readonly LicenceEntry[]): string[] {
    const byKey = new Map(entries.map((e) => [`${e.name}@${e.version}`, e]));
    return packages.flatMap((pkg) => {
        const key = `${pkg.name}@${pkg.version}`;
        const entry = byKey.get(key);
        if (!entry) return [`${key}: bundled but has no entry`];
        const problem = licenceProblem(entry.licence);
        return [
            ...(problem ? [`${key}: ${problem}`] : []),
            ...(entry.text.trim() === "" ? [`${key}: no licence text`] : []),
        ];
    });
}
