/**
 * The npm packages whose code is in the plugin bundle, read from esbuild's metafile: every input file under a
 * `node_modules` folder belongs to the package folder nearest to it, whose `package.json` gives the name and
 * version (two versions of one package can both be bundled, from nested folders).
 */
import * as fs from "fs";
import * as path from "path";

/** One bundled package. */
export interface BundledPackage {
    readonly name: string;
    readonly version: string;
    /** Its folder, absolute. */
    readonly dir: string;
}

/** The package folder of an input path (relative to `root`), or undefined for the project's own files. */
function packageDirOf(root: string, input: string): string | undefined {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, "/"));
    return m ? path.resolve(root, m[1]) : undefined;
}

/**
 * The packages of a bundle, sorted by name and version.
 *
 * @example
 * const result = await esbuild.build({ ..., metafile: true });
 * bundledPackages(ROOT, Object.keys(result.metafile.inputs)); // [{ name: "@grpc/grpc-js", version: "1.14.7", dir: ... }, ...]
 */
export function bundledPackages(root: string, inputs: readonly string[]): BundledPackage[] {
    const dirs = new Set(inputs.map((i) => packageDirOf(root, i)).filter((d): d is string => d !== undefined));
    return [...dirs].map((dir) => {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string; version: string };
        return { name: manifest.name, version: manifest.version, dir };
    }).sort((a, b) => `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`));
}
