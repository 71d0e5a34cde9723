/**
 * How fast the released provider plugin starts: a cold GetSchema (start the plugin's launcher from a release
 * archive as the engine does, read its port, ask for the schema, get the answer) against a bare `node -e ''`
 * start, each in fresh processes, alternating so that both see the same machine load. Measured twice: with the
 * compiled-code cache the launcher keeps after its first start (every start after the first on a machine), and
 * without it (the first start).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { packPlugin } from "./packPlugin";
import { median } from "./sim/stats";

const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerProto = require("@pulumi/pulumi/proto/provider_pb");

/** Median times of one run, in milliseconds. */
export interface PluginStartFigures {
    readonly label: string;
    readonly runs: number;
    readonly bareNodeMs: number;
    readonly getSchemaMs: number;
    /** getSchemaMs / bareNodeMs: the goal is at most 1.5. */
    readonly ratio: number;
    readonly schemaBytes: number;
}

const msSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

function bareNode(): Promise<number> {
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
        child.on("error", reject);
        child.on("exit", () => resolve(msSince(started)));
    });
}

/** Starts the `launcher` executable as the engine does and resolves when its schema has arrived. */
function coldGetSchema(launcher: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; bytes: number }> {
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(launcher, [], { stdio: ["ignore", "pipe", "inherit"], env });
        let out = "";
        child.on("error", reject);
        child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            const port = /^(\d+)\n/.exec(out)?.[1];
            if (!port || out.length > port.length + 1) {
                return;
            }
            const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
            client.getSchema(new providerProto.GetSchemaRequest(), (err: Error | null, res: any) => {
                const ms = msSince(started);
                client.close();
                child.kill();
                return err ? reject(err) : resolve({ ms, bytes: (res.getSchema() as string).length });
            });
        });
    });
}

/**
 * Measures `runs` cold GetSchema calls of `bundle` and as many bare Node.js starts, interleaved.
 *
 * @example
 * const f = await pluginStart("dist/stage/pulumi-resource-tencentcloud-purge.js", 15);
 */
export async function pluginStart(bundle: string, runs = 15, env: NodeJS.ProcessEnv = process.env, label = bundle): Promise<PluginStartFigures> {
    const bare: number[] = [];
    const schema: number[] = [];
    let schemaBytes = 0;
    await bareNode(); // the first start of any process pays for the file cache; it counts for neither side
    await coldGetSchema(bundle, env);
    for (let i = 0; i < runs; i++) {
        bare.push(await bareNode());
        const r = await coldGetSchema(bundle, env);
        schema.push(r.ms);
        schemaBytes = r.bytes;
    }
    const bareNodeMs = median(bare);
    const getSchemaMs = median(schema);
    return { label, runs, bareNodeMs, getSchemaMs, ratio: getSchemaMs / bareNodeMs, schemaBytes };
}

/** The archives' sizes and the plugin's start. */
export interface ReleaseFigures {
    readonly archiveBytes: Record<string, number>;
    readonly starts: readonly PluginStartFigures[];
}

/**
 * Builds the release archives into a temp folder, unpacks this platform's, and measures its start with and
 * without the launcher's code cache.
 *
 * @example
 * const { archiveBytes, starts } = await benchRelease(15);
 */
export async function benchRelease(runs = 15): Promise<ReleaseFigures> {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "purge-bench-release-"));
    try {
        const { archives, launcher } = await packPlugin(temp);
        const archiveBytes = Object.fromEntries(archives.map((a) => [path.basename(a), fs.statSync(a).size]));
        const cache = path.join(temp, "cache");
        const withCache = await pluginStart(launcher, runs, { ...process.env, XDG_CACHE_HOME: cache }, "launcher, compiled-code cache present");
        // A cache folder that cannot be created: every start compiles the bundle, as the first one on a machine does.
        const noCache = await pluginStart(launcher, runs, { ...process.env, XDG_CACHE_HOME: path.join(launcher, "no-cache") },
            "launcher, first start (no cache)");
        return { archiveBytes, starts: [withCache, noCache] };
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
}

if (require.main === module) {
    benchRelease(Number(process.argv[2] ?? 15)).then((f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`),
        (e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
}
