/**
 * Writes `THIRD-PARTY-LICENSES.txt` beside a plugin bundle, from the packages esbuild bundled, and folds
 * esbuild's own file of licence comments (`<bundle>.LEGAL.txt`) into it. Refuses, naming each package, when a
 * bundled package has no entry, no licence text or a licence that is unknown or not accepted.
 */
import * as fs from "fs";
import * as path from "path";
import { BundledPackage } from "./bundledPackages";
import { collectLicences } from "./collectLicences";
import { noticeProblems } from "./noticeProblems";
import { noticeText } from "./noticeText";

/** The notice file's name in the plugin archives. */
export const NOTICE_FILE = "THIRD-PARTY-LICENSES.txt";

/**
 * Writes the notice file next to `bundleFile`; resolves with its path and the number of packages it names.
 *
 * @example
 * const { file } = await bundlePlugin(dir);
 * await writeNotices(ROOT, file, packages);
 */
export async function writeNotices(root: string, bundleFile: string, packages: readonly BundledPackage[]): Promise<{ file: string; packages: number }> {
    const entries = await collectLicences(root, packages);
    const problems = noticeProblems(packages, entries);
    if (problems.length > 0) {
        throw new Error(`the third-party notices do not cover the bundle:\n  ${problems.join("\n  ")}\n` +
            "Look at each package's licence; accept a licence in scripts/notices/acceptedLicences.ts only if its terms are met by shipping its text.");
    }
    const legalFile = `${bundleFile}.LEGAL.txt`;
    const legal = fs.existsSync(legalFile) ? fs.readFileSync(legalFile, "utf8").replace(/^Bundled license information:\s*/, "") : "";
    const file = path.join(path.dirname(bundleFile), NOTICE_FILE);
    fs.writeFileSync(file, noticeText(path.basename(bundleFile), entries, legal));
    fs.rmSync(legalFile, { force: true });
    return { file, packages: entries.length };
}
