/**
 * Bundles the provider plugin into one JavaScript file with esbuild: the plugin's code, the Tencent Cloud SDK
 * products it calls (each imported by its own path, so no other product is included), and the gRPC and protobuf
 * runtimes with Pulumi's generated stubs. The release archives ship this file instead of a `node_modules`
 * folder, which keeps them small and makes the plugin start fast (a cold GetSchema is measured by `npm run bench`).
 *
 * @example
 * npx ts-node --transpile-only scripts/bundlePlugin.ts /tmp/out   # writes /tmp/out/pulumi-resource-tencentcloud-purge.js and THIRD-PARTY-LICENSES.txt
 */
import * as esbuild from "esbuild";
import * as path from "path";
import { BundledPackage, bundledPackages } from "./notices/bundledPackages";
import { writeNotices } from "./notices/writeNotices";

/** The repository root (this file lives in `scripts/`). */
const ROOT = path.resolve(__dirname, "..");
/** The bundle's file name, beside the launchers in a plugin folder. */
export const BUNDLE_FILE = "pulumi-resource-tencentcloud-purge.js";

/** Modules the bundle takes from a stand-in of its own (see each file for why). */
const STAND_INS: Record<string, string> = {
    [path.join(ROOT, "provider", "base", "pulumiModules.ts")]: path.join(__dirname, "pluginBundle", "pulumiModules.ts"),
    "@pulumi/pulumi/runtime/rpc": path.join(__dirname, "pluginBundle", "secretSignature.ts"),
};

const standIns: esbuild.Plugin = {
    name: "stand-ins",
    setup(build) {
        build.onResolve({ filter: /pulumiModules$|^@pulumi\/pulumi\/runtime\/rpc$/ }, (args) => {
            const resolved = args.path.startsWith(".") ? path.join(args.resolveDir, `${args.path}.ts`) : args.path;
            const standIn = STAND_INS[resolved];
            return standIn && !args.importer.startsWith(path.join(__dirname, "pluginBundle")) ? { path: standIn } : undefined;
        });
    },
};

/**
 * Writes the bundle into `outDir`; resolves with its path, the size of every input package (for the record), the
 * npm packages it holds (for the notices) and the Tencent Cloud products it holds. esbuild's licence comments
 * go to `<bundle>.LEGAL.txt`, which `writeNotices` folds into the notice file.
 *
 * @example
 * const { file } = await bundlePlugin(stageDir);
 */
export async function bundlePlugin(outDir: string): Promise<{
    file: string; inputs: Record<string, number>; packages: BundledPackage[]; tencentProducts: string[];
}> {
    const file = path.join(outDir, BUNDLE_FILE);
    const result = await esbuild.build({
        entryPoints: [path.join(ROOT, "provider", "plugin", "main.ts")],
        outfile: file,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        // Minified code parses faster, and the engine starts the plugin for every preview and update.
        minify: true,
        // Errors name the plugin's own functions; the source text itself is not shipped.
        keepNames: false,
        legalComments: "linked",
        metafile: true,
        logLevel: "warning",
        plugins: [standIns],
        absWorkingDir: ROOT,
    });
    const inputs: Record<string, number> = {};
    const products = new Set<string>();
    for (const [name, input] of Object.entries(result.metafile.inputs)) {
        const product = /tencentcloud-sdk-nodejs\/tencentcloud\/services\/([^/]+)\//.exec(name)?.[1];
        if (product) products.add(product);
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1] ?? "(this package)";
        inputs[pkg] = (inputs[pkg] ?? 0) + input.bytes;
    }
    const packages = bundledPackages(ROOT, Object.keys(result.metafile.inputs));
    return { file, inputs, packages, tencentProducts: [...products].sort() };
}

if (require.main === module) {
    bundlePlugin(path.resolve(process.argv[2] ?? "dist")).then(async ({ file, inputs, packages }) => {
        const notices = await writeNotices(ROOT, file, packages);
        process.stderr.write(`wrote ${file}\n${Object.entries(inputs).sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `  ${k}: ${(v / 1024).toFixed(0)} KB`).join("\n")}\n` +
            `wrote ${notices.file} (${notices.packages} packages)\n`);
        process.stdout.write(`${file}\n`);
    }).catch((e) => {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exit(1);
    });
}
