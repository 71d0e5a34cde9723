/**
 * The package as a user gets it: packed from the repository's files as a fresh clone has them (so the pack step
 * must build), installed from the tarball into a new TypeScript Pulumi project outside the repository, and run
 * there with the `pulumi` CLI and its Node.js language host.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox, repoRoot } from "../../../scripts/pulumiSandbox";
import { runCommand } from "../../../scripts/runCommand";
import { inCi } from "../../support/ci";

/** What `pulumi new typescript` adds to every project besides its packages: the compiler and the Node types. */
const TYPESCRIPT_TOOLS = ["typescript@5.9.3", "@types/node@20.19.8"];

/** Runs a command in `cwd` and resolves to its stdout. */
export function sh(cwd: string, command: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
    return runCommand(command, args, { cwd, env });
}

/**
 * Copies the files a clone of the repository would have (tracked, and new files not ignored; no `bin/`) into
 * `dir`, with the repository's `node_modules` linked in so nothing is downloaded.
 */
export async function copyOfCheckout(dir: string): Promise<string> {
    const listed = await sh(repoRoot, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
    for (const file of listed.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(repoRoot, f)))) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
    }
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

/** `npm pack` in `checkout` (which runs the package's own build first); resolves to the tarball's path. */
export async function pack(checkout: string, destination: string): Promise<string> {
    fs.mkdirSync(destination, { recursive: true });
    const out = await sh(checkout, "npm", ["pack", "--json", "--pack-destination", destination]);
    const [{ filename }] = JSON.parse(out.slice(out.indexOf("["))) as { filename: string }[];
    return path.join(destination, filename);
}

/** The files inside a tarball, without the leading `package/`. */
export async function tarballFiles(tarball: string): Promise<string[]> {
    return (await sh(path.dirname(tarball), "tar", ["-tzf", tarball])).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
}

/** What a user project is made of. */
export interface ProjectFiles {
    /** The project's name in Pulumi.yaml. */
    readonly name: string;
    /** index.ts */
    readonly program: string;
    /** Packages to install besides TypeScript and the Node types, e.g. the tarball and `@pulumi/pulumi@3.248.0`. */
    readonly install: readonly string[];
}

/**
 * Writes a new TypeScript Pulumi project into `dir` (as `pulumi new typescript` would) and installs its packages
 * with npm, from the local cache where it can.
 */
export async function createProject(dir: string, files: ProjectFiles): Promise<string> {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${files.name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: files.name, version: "1.0.0", private: true, main: "index.ts" }, null, 2));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
        compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node",
            sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true,
            noImplicitReturns: true, forceConsistentCasingInFileNames: true },
        files: ["index.ts"],
    }, null, 2));
    fs.writeFileSync(path.join(dir, "index.ts"), files.program);
    await npmInstall(dir, [...files.install, ...TYPESCRIPT_TOOLS]);
    return dir;
}

/**
 * A copy of an example folder (`examples/<name>` of a checkout) in `dir`, made as its comments tell users: each
 * import of the repository's SDK (`../../sdk`) becomes the package's name; then `install` (e.g. the tarball and
 * `@pulumi/pulumi@3.248.0`) is installed with the compiler and the Node types. Throws when a file of the copy
 * still imports from outside its folder: an example users copy must stand alone.
 *
 * @example
 * const dir = await exampleProject(path.join(checkout, "examples", "purge-and-warm"), path.join(work, "site"), [tarball]);
 */
export async function exampleProject(example: string, dir: string, install: readonly string[]): Promise<string> {
    fs.cpSync(example, dir, { recursive: true });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
        const copy = path.join(dir, file);
        const text = fs.readFileSync(copy, "utf8").replace(/from (["'])\.\.\/\.\.\/sdk\1/g, 'from "pulumi-tencentcloud-purge"');
        const outside = /from ["']\.\.\/[^"']*["']/.exec(text);
        if (outside) {
            throw new Error(`${path.join(example, file)} imports ${outside[0]}: an example users copy must import only its own files and packages`);
        }
        fs.writeFileSync(copy, text);
    }
    await npmInstall(dir, [...install, ...TYPESCRIPT_TOOLS]);
    return dir;
}

/** `npm install` of `specs` in `dir`, preferring the local cache. */
export function npmInstall(dir: string, specs: readonly string[]): Promise<string> {
    return sh(dir, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...specs]);
}

/**
 * A sandbox that runs project folders (it needs Pulumi's Node.js language host). Without the host the suite fails
 * with the reason in CI, and elsewhere skips with it.
 *
 * @example
 * before(async function () { box = await projectSandbox(this); });
 */
export async function projectSandbox(ctx: Mocha.Context, envVars: Record<string, string> = {}): Promise<PulumiSandbox> {
    try {
        return await PulumiSandbox.create({ languageHost: true, envVars });
    } catch (e) {
        if (!inCi() && /pulumi-language-nodejs/.test((e as Error).message)) {
            console.warn(`    skipped: ${(e as Error).message}`);
            ctx.skip();
        }
        throw e;
    }
}
