/**
 * The package's footprint: the time to import it against importing `@pulumi/pulumi` alone (fresh Node processes),
 * whether importing it loads the Tencent SDK, and the size of the serialized provider stored per resource.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { median } from "./sim/stats";

const ROOT = path.resolve(__dirname, "..");
export const BUILT_ENTRY = path.join(ROOT, "bin", "sdk", "index.js");

/**
 * Compiles the package (`tsc -p tsconfig.json`) so `bin/` matches the sources. tsc still emits when it reports
 * type errors, so `ok` only needs the entry point; `clean` says whether tsc was satisfied.
 */
export function build(): { ok: boolean; clean: boolean; seconds: number; output: string } {
    const started = Date.now();
    const tsc = require.resolve("typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT, encoding: "utf8" });
    return { ok: fs.existsSync(BUILT_ENTRY), clean: r.status === 0, seconds: (Date.now() - started) / 1000,
        output: `${r.stdout}${r.stderr}`.trim() };
}

/** What one child process reports after requiring a module. */
interface ImportProbe {
    readonly wallMs: number;
    readonly requireMs: number;
    readonly modules: number;
    readonly sdkModules: number;
}

function probe(target: string): ImportProbe {
    const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)});` +
        `const ms = Number(process.hrtime.bigint() - t) / 1e6; const keys = Object.keys(require.cache);` +
        `process.stdout.write(JSON.stringify({ ms, modules: keys.length,` +
        ` sdk: keys.filter((k) => k.includes("tencentcloud-sdk-nodejs")).length }));`;
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) {
        throw new Error(`node -e require(${target}) failed: ${r.stderr}`);
    }
    const out = JSON.parse(r.stdout) as { ms: number; modules: number; sdk: number };
    return { wallMs, requireMs: out.ms, modules: out.modules, sdkModules: out.sdk };
}

/** Import figures of one module. */
export interface ImportFigures {
    readonly target: string;
    readonly runs: number;
    /** Wall time of `node -e "require(...)"`, Node's own start-up included. */
    readonly wallMedianMs: number;
    /** Time of the `require` call alone, measured inside the child. */
    readonly requireMedianMs: number;
    readonly modules: number;
    readonly sdkModules: number;
}

/**
 * Import time of the built package and of `@pulumi/pulumi`, `runs` fresh processes each, interleaved so
 * machine load affects both alike; plus bare `node -e ""` for Node's own start-up.
 *
 * @example
 * const [ours, pulumi, bare] = importTimes(7);
 */
export function importTimes(runs: number): ImportFigures[] {
    const targets = [BUILT_ENTRY, "@pulumi/pulumi", "path"];
    probe(BUILT_ENTRY); // warm the file-system cache once
    probe("@pulumi/pulumi");
    const samples = new Map<string, ImportProbe[]>(targets.map((t) => [t, []]));
    for (let i = 0; i < runs; i++) {
        for (const target of i % 2 === 0 ? targets : [...targets].reverse()) {
            samples.get(target)!.push(probe(target));
        }
    }
    return targets.map((target) => {
        const s = samples.get(target)!;
        return { target: target === BUILT_ENTRY ? "pulumi-tencentcloud-purge (bin/sdk/index.js)" : target === "path" ? "node alone (require('path'))" : target,
            runs, wallMedianMs: median(s.map((p) => p.wallMs)), requireMedianMs: median(s.map((p) => p.requireMs)),
            modules: s[0].modules, sdkModules: Math.max(...s.map((p) => p.sdkModules)) };
    });
}

/** Bytes of the serialized provider text, per resource kind. */
export interface SerializedFigures {
    /** `serializeFunction(() => provider)` where `provider = hostedProvider(kind)`: what a dynamic resource stores. */
    readonly storedBytes: Record<string, number>;
    /** `serializeFunction(() => hostedProvider("urlPurge"))`: the factory call itself, for reference. */
    readonly factoryClosureBytes: number;
    readonly containsSecretLikeText: boolean;
}

/**
 * Serializes the built package's providers as Pulumi does for a dynamic resource.
 *
 * @example
 * (await serializedProviderBytes()).storedBytes.urlPurge;
 */
export async function serializedProviderBytes(): Promise<SerializedFigures> {
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const { hostedProvider } = require(path.join(ROOT, "bin", "sdk", "hostedProvider.js")) as typeof import("../sdk/hostedProvider");
    const storedBytes: Record<string, number> = {};
    let texts = "";
    for (const kind of ["urlPurge", "pathPurge", "waiter"] as const) {
        const provider = hostedProvider(kind);
        const text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
        storedBytes[kind] = Buffer.byteLength(text);
        texts += text;
    }
    const factory = (await pulumi.runtime.serializeFunction(() => hostedProvider("urlPurge"), { allowSecrets: true })).text;
    return { storedBytes, factoryClosureBytes: Buffer.byteLength(factory),
        containsSecretLikeText: /secretKey|AKID|TENCENTCLOUD_SECRET/.test(texts) };
}
