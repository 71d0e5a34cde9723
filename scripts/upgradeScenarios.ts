/**
 * The stacks the upgrade tests keep from each release: what program each runs, with which stack config, and which
 * purges or prefetches were still processing when it was recorded (their wait timed out). CDN and EdgeOne, purges
 * and prefetches, TypeScript and YAML. `scripts/recordUpgradeFixtures.ts` records them with the release in the work
 * tree; `tests/e2e/upgrade.e2e.spec.ts` upgrades every recorded one, and records into a temporary folder, then
 * upgrades, those no release has recorded yet.
 */
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "./pulumiSandbox";

/** Where every release's recorded stacks live: `<version>/<scenario>/`. */
export const UPGRADE_FIXTURES_DIR = path.join(repoRoot, "tests", "fixtures", "upgrade");

/** The stack every scenario is recorded in (its name is part of every URN in the state). */
export const RECORDED_STACK = "recorded";

/** URLs containing this stay processing while a stack is recorded, so the gates on them time out. */
export const PENDING_MARK = "/pending/";

/** URLs containing this are purged as usual, but their prefetches stay processing, so the waits on them time out. */
export const PENDING_PREFETCH_MARK = "/pending-prefetch/";

/** One recorded stack. */
export interface UpgradeScenario {
    /** Its folder under the release's fixtures. */
    readonly name: string;
    /** How it runs: a TypeScript program through the dynamic provider, or Pulumi YAML through the plugin. */
    readonly language: "typescript" | "yaml";
    /** The project's files as a user has them (Pulumi.yaml, index.ts, ...). */
    readonly files: () => Record<string, string>;
    /** `pulumi config set` arguments, one list per call, for the recording's up. */
    readonly config: readonly (readonly string[])[];
    /** The same after the recording, to resume a timed-out gate with more time (a user's retry). */
    readonly resumeConfig: readonly (readonly string[])[];
}

/**
 * Whether a scenario's recording leaves something processing (its up times out).
 *
 * @example
 * isPending(UPGRADE_SCENARIOS.find((s) => s.name === "yaml-warm-timed-out")!); // true
 */
export function isPending(scenario: UpgradeScenario): boolean {
    const marked = (text: string | undefined) => [PENDING_MARK, PENDING_PREFETCH_MARK].some((m) => text?.includes(m));
    return scenario.config.some((args) => args.some(marked)) || marked(scenario.files()["index.ts"]);
}

/**
 * A TypeScript program of every kind of stack a user has: a purge waited on, a purge gated by a waiter, both done,
 * and a purge whose gate timed out while the purge was still processing.
 */
const TYPESCRIPT_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as purge from "pulumi-tencentcloud-purge";

const config = new pulumi.Config();

// Waits until the page's purge is done.
const page = new purge.UrlPurge("page", { urls: ["https://www.example.com/index.html"], timeoutSeconds: 120 });

// Submits the assets' purge and the directory's, and gates on both.
const assets = new purge.UrlPurge("assets", {
    urls: ["https://www.example.com/app.js", "https://www.example.com/app.css"], wait: false,
});
const images = new purge.PathPurge("images", { paths: ["https://www.example.com/img/"], flushType: "flush", wait: false });
const gate = new purge.PurgeTaskWaiter("gate", { taskId: assets.taskId, timeoutSeconds: 120 });
const imagesGate = new purge.PurgeTaskWaiter("imagesGate", { taskId: images.taskId, timeoutSeconds: 120 });

// A purge still processing when its gate's time ran out: the update failed there, the gate waits on the next.
const media = new purge.UrlPurge("media", { urls: ["https://www.example.com${PENDING_MARK}video.mp4"], wait: false });
const mediaGate = new purge.PurgeTaskWaiter("mediaGate", {
    taskId: media.taskId, timeoutSeconds: config.getNumber("mediaTimeoutSeconds") ?? 600,
});

export const pageStatus = page.status;
export const gateStatus = gate.status;
export const imagesGateStatus = imagesGate.status;
export const mediaGateStatus = mediaGate.status;
`;

/** A TypeScript project as `pulumi new typescript` makes it, with {@link TYPESCRIPT_PROGRAM}. */
function typeScriptProject(name: string): Record<string, string> {
    return {
        "Pulumi.yaml": `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
        "package.json": `${JSON.stringify({ name, version: "1.0.0", private: true, main: "index.ts" }, null, 2)}\n`,
        "tsconfig.json": `${JSON.stringify({
            compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node",
                sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true,
                noImplicitReturns: true, forceConsistentCasingInFileNames: true },
            files: ["index.ts"],
        }, null, 2)}\n`,
        "index.ts": TYPESCRIPT_PROGRAM,
    };
}

/** An example of `examples/` as users copy it: its Pulumi.yaml, naming the plugin by a path the tests replace. */
function exampleProject(example: string): Record<string, string> {
    return { "Pulumi.yaml": fs.readFileSync(path.join(repoRoot, "examples", example, "Pulumi.yaml"), "utf8") };
}

/**
 * Every scenario this release records.
 *
 * @example
 * for (const s of UPGRADE_SCENARIOS) console.log(s.name, s.language);
 */
export const UPGRADE_SCENARIOS: readonly UpgradeScenario[] = [
    {
        name: "typescript-gate", language: "typescript", files: () => typeScriptProject("upgrade-typescript"),
        config: [["mediaTimeoutSeconds", "3"]], resumeConfig: [["mediaTimeoutSeconds", "120"]],
    },
    {
        name: "yaml-gate", language: "yaml", files: () => exampleProject("yaml-gate"),
        config: [["timeoutSeconds", "120"]], resumeConfig: [],
    },
    {
        name: "yaml-gate-timed-out", language: "yaml", files: () => exampleProject("yaml-gate"),
        config: [["--path", "assetUrls[0]", `https://www.example.com${PENDING_MARK}app.js`], ["timeoutSeconds", "3"]],
        resumeConfig: [["timeoutSeconds", "120"]],
    },
    {
        name: "yaml-edgeone", language: "yaml", files: () => exampleProject("yaml-edgeone"),
        config: [["timeoutSeconds", "120"]], resumeConfig: [],
    },
    {
        name: "yaml-edgeone-timed-out", language: "yaml", files: () => exampleProject("yaml-edgeone"),
        config: [["--path", "assetUrls[0]", `https://www.example.com${PENDING_MARK}app.js`], ["timeoutSeconds", "3"]],
        resumeConfig: [["timeoutSeconds", "120"]],
    },
    // A CDN purge, then a push (UrlPush) that waits until every URL is warm, then the release.
    {
        name: "yaml-warm", language: "yaml", files: () => exampleProject("yaml-warm"),
        config: [["warmTimeoutSeconds", "120"]], resumeConfig: [],
    },
    {
        name: "yaml-warm-timed-out", language: "yaml", files: () => exampleProject("yaml-warm"),
        config: [["--path", "assetUrls[0]", `https://www.example.com${PENDING_PREFETCH_MARK}app.js`], ["warmTimeoutSeconds", "3"]],
        resumeConfig: [["warmTimeoutSeconds", "120"]],
    },
    // An EdgeOne purge, then a prefetch (edgeone.Prefetch) that waits until every target is warm.
    {
        name: "yaml-edgeone-warm", language: "yaml", files: () => exampleProject("yaml-edgeone-warm"),
        config: [["prefetchTimeoutSeconds", "120"]], resumeConfig: [],
    },
    {
        name: "yaml-edgeone-warm-timed-out", language: "yaml", files: () => exampleProject("yaml-edgeone-warm"),
        config: [["--path", "assetUrls[0]", `https://www.example.com${PENDING_PREFETCH_MARK}app.js`], ["prefetchTimeoutSeconds", "3"]],
        resumeConfig: [["prefetchTimeoutSeconds", "120"]],
    },
];
