/**
 * How fast the released provider plugin starts: a cold GetSchema (start the bundled plugin as the engine does,
 * read its port, ask for the schema, get the answer) against a bare `node -e ''` start, each in fresh processes,
 * alternating so that both see the same machine load.
 */
import { spawn } from "child_process";
import * as grpc from "@grpc/grpc-js";
import { median } from "./sim/stats";

const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerProto = require("@pulumi/pulumi/proto/provider_pb");

/** Median times of one run, in milliseconds. */
export interface PluginStartFigures {
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

/** Starts `bundle` as the engine does and resolves when its schema has arrived. */
function coldGetSchema(bundle: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; bytes: number }> {
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bundle], { stdio: ["ignore", "pipe", "inherit"], env });
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
export async function pluginStart(bundle: string, runs = 15): Promise<PluginStartFigures> {
    const bare: number[] = [];
    const schema: number[] = [];
    let schemaBytes = 0;
    await bareNode(); // the first start of any process pays for the file cache; it counts for neither side
    await coldGetSchema(bundle);
    for (let i = 0; i < runs; i++) {
        bare.push(await bareNode());
        const r = await coldGetSchema(bundle);
        schema.push(r.ms);
        schemaBytes = r.bytes;
    }
    const bareNodeMs = median(bare);
    const getSchemaMs = median(schema);
    return { runs, bareNodeMs, getSchemaMs, ratio: getSchemaMs / bareNodeMs, schemaBytes };
}

if (require.main === module) {
    pluginStart(process.argv[2], Number(process.argv[3] ?? 15)).then((f) => process.stdout.write(`${JSON.stringify(f)}\n`),
        (e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
}
