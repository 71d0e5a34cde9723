/**
 * The text of `THIRD-PARTY-LICENSES.txt`: a list of the bundled packages with their licences, then each
 * package's licence text and NOTICE, then the licence comments esbuild found in the bundled code.
 */
import { LicenceEntry } from "./collectLicences";

const RULE = "-".repeat(78);

/**
 * The notice file's text.
 *
 * @example
 * fs.writeFileSync("THIRD-PARTY-LICENSES.txt", noticeText("pulumi-resource-tencentcloud-purge.js", entries, legal));
 */
export function noticeText(bundleFile: string, entries: readonly LicenceEntry[], legalComments = ""): string {
    const list = entries.map((e) => `  ${e.name}@${e.version}  ${e.licence}`).join("\n");
    const sections = entries.map((e) => [
        RULE,
        `${e.name}@${e.version}`,
        `Licence: ${e.licence} (text from ${e.textSource === "SPDX standard text" ? "the SPDX licence list: the package ships no licence file" : e.textSource})`,
        "",
        e.text.trim(),
        ...(e.notice ? ["", "NOTICE:", "", e.notice] : []),
    ].join("\n"));
    const legal = legalComments.trim() ? [RULE, "Licence comments found in the bundled code", "", legalComments.trim()] : [];
    return [
        `${bundleFile} bundles code of the following ${entries.length} npm packages, each under its own licence.`,
        "Their licence texts and notices follow the list.",
        "",
        list,
        "",
        ...sections,
        ...legal,
        "",
    ].join("\n");
}
