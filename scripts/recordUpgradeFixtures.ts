/**
 * Records the stacks of `scripts/upgradeScenarios.ts` with the release in this work tree, as users of that release
 * have them, into `tests/fixtures/upgrade/<version>/<scenario>/` (what each folder holds: `scripts/upgradeRecording.ts`).
 * TypeScript projects install the npm tarball (`--tarball`, or one packed from the work tree); YAML ones use the
 * plugin of the work tree (`npm run build` first).
 *
 * @example
 * npx ts-node --transpile-only scripts/recordUpgradeFixtures.ts [--tarball dist/pulumi-tencentcloud-purge-0.2.0.tgz]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "./pulumiSandbox";
import { runCommand } from "./runCommand";
import { recordScenario } from "./upgradeRecording";
import { UPGRADE_FIXTURES_DIR, UPGRADE_SCENARIOS } from "./upgradeScenarios";

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const at = args.indexOf("--tarball");
    if ((at >= 0 && !args[at + 1]) || args.some((a, i) => a !== "--tarball" && i !== at + 1)) {
        throw new Error("usage: recordUpgradeFixtures.ts [--tarball <the release's npm tarball>]");
    }
    const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version as string;
    if (!fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js"))) {
        throw new Error("the plugin is not built: run npm run build first");
    }
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "purge-record-"));
    try {
        let tarball = at >= 0 ? path.resolve(args[at + 1]) : "";
        if (!tarball) {
            const packed = await runCommand("npm", ["pack", "--json", "--pack-destination", work], { cwd: repoRoot });
            tarball = path.join(work, (JSON.parse(packed.slice(packed.indexOf("["))) as { filename: string }[])[0].filename);
        }
        for (const scenario of UPGRADE_SCENARIOS) {
            await recordScenario(scenario, path.join(UPGRADE_FIXTURES_DIR, version, scenario.name), tarball, version);
        }
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
});
