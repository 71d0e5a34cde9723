/**
 * What `pulumi up --parallel` does to many purges, on the real engine: N purges that each take the same time at
 * the emulator, run as (a) N waiting `UrlPurge` resources, each holding one of the engine's slots until its purge
 * is done, and (b) N `wait: false` purges behind one `PurgeTaskWaiter` over all their `taskIds`, which holds one.
 * It prints the total `pulumi up` time beside the slowest purge's own duration, and asserts nothing.
 *
 * It runs a JavaScript project folder with the `pulumi` CLI of `scripts/ensurePulumi.sh` and Pulumi's Node.js
 * language host (see `scripts/pulumiSandbox.ts` for where it is found), against an emulator in this process, on
 * this package's build (`npm run build` first). Everything it writes goes to a temp folder and `bench/out/`.
 *
 * @example
 * npx ts-node --transpile-only bench/cdn/parallelSlots.ts                  # 50 purges of 5 s, the CLI's default --parallel
 * npx ts-node --transpile-only bench/cdn/parallelSlots.ts --count 200 --purge-seconds 10 --parallel 64
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";

/** The two ways of running many purges. */
const MODES = {
    waiting: "N waiting UrlPurges",
    gated: "N `wait: false` UrlPurges behind one PurgeTaskWaiter (`taskIds`)",
} as const;
type Mode = keyof typeof MODES;

/** The program, in JavaScript so the language host runs it without a compile step. */
const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");
const purge = require("pulumi-tencentcloud-purge");
const config = new pulumi.Config();
const count = config.requireNumber("count");
const gated = config.require("mode") === "gated";
const purges = Array.from({ length: count }, (_, i) =>
    new purge.UrlPurge("page-" + i, { urls: ["https://www.example.com/bench/" + i + ".html"], wait: !gated }));
const finished = gated
    ? [new purge.PurgeTaskWaiter("gate", { taskIds: pulumi.all(purges.map((p) => p.taskIds)).apply((ids) => ids.flat()), timeoutSeconds: 900 })]
    : purges;
exports.completedAt = pulumi.all(finished.map((r) => r.completedAt)).apply((times) => times.sort().pop());
`;

interface Options {
    readonly count: number;
    readonly purgeSeconds: number;
    /** Undefined: the CLI's default (4 per core, or PULUMI_PARALLEL). */
    readonly parallel?: number;
    readonly modes: readonly Mode[];
}

function parseOptions(argv: readonly string[]): Options {
    const value = (name: string) => {
        const i = argv.indexOf(`--${name}`);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const positive = (name: string, fallback?: number) => {
        const text = value(name);
        const n = text === undefined ? fallback : Number(text);
        if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
            throw new Error(`--${name} must be a whole number above 0, got ${text}`);
        }
        return n;
    };
    const modes = (value("modes") ?? "waiting,gated").split(",");
    const unknown = modes.find((m) => !(m in MODES));
    if (unknown !== undefined) {
        throw new Error(`--modes takes a comma-separated list of ${Object.keys(MODES).join(", ")}, got ${unknown}`);
    }
    return { count: positive("count", 50)!, purgeSeconds: positive("purge-seconds", 5)!, parallel: positive("parallel"), modes: modes as Mode[] };
}

/** A project folder that finds `@pulumi/pulumi` and this package's build as an installed project would. */
function writeProject(dir: string): void {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(modules, { recursive: true });
    // One copy of @pulumi/pulumi: the package's own, which its build resolves too.
    fs.symlinkSync(path.join(repoRoot, "node_modules", "@pulumi"), path.join(modules, "@pulumi"));
    fs.symlinkSync(repoRoot, path.join(modules, "pulumi-tencentcloud-purge"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: parallel-slots\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "parallel-slots", private: true, main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
}

interface Figures {
    readonly mode: Mode;
    readonly upSeconds: number;
    readonly slowestPurgeSeconds: number;
    /** From the first submission to the last: how long purges queued for a slot. */
    readonly submissionSpreadSeconds: number;
    /** From the first submission to the last purge done at the emulator. */
    readonly purgesSpanSeconds: number;
    /** From the last purge done to the last wait seeing it. */
    readonly releaseLagSeconds: number;
    readonly apiCalls: Readonly<Record<string, number>>;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function measure(box: PulumiSandbox, dir: string, mode: Mode, opts: Options,
    emu: Awaited<ReturnType<typeof startEmulator>>): Promise<Figures> {
    await box.run(dir, ["stack", "init", mode]);
    await box.run(dir, ["config", "set", "mode", mode, "--stack", mode]);
    await box.run(dir, ["config", "set", "count", String(opts.count), "--stack", mode]);
    emu.reset();
    const parallel = opts.parallel === undefined ? [] : ["--parallel", String(opts.parallel)];
    process.stderr.write(`[parallel-slots] ${MODES[mode].replace("N", String(opts.count))}: pulumi up ...\n`);
    const started = Date.now();
    await box.run(dir, ["up", "--yes", "--non-interactive", "--skip-preview", "--stack", mode, ...parallel]);
    const upMs = Date.now() - started;
    const outputs = JSON.parse(await box.run(dir, ["stack", "output", "--json", "--stack", mode])) as { completedAt: string };
    const tasks = new Map<string, number>();
    for (const r of emu.store.allRecords()) {
        tasks.set(r.taskId, r.createdAtMs);
    }
    const created = [...tasks.values()].sort((a, b) => a - b);
    if (created.length !== opts.count) {
        throw new Error(`expected ${opts.count} purge tasks at the emulator, found ${created.length}`);
    }
    const purgeMs = opts.purgeSeconds * 1000;
    const lastDone = created[created.length - 1] + purgeMs;
    return {
        mode,
        upSeconds: seconds(upMs),
        slowestPurgeSeconds: opts.purgeSeconds,
        submissionSpreadSeconds: seconds(created[created.length - 1] - created[0]),
        purgesSpanSeconds: seconds(lastDone - created[0]),
        releaseLagSeconds: seconds(Date.parse(outputs.completedAt) - lastDone),
        apiCalls: emu.stats.snapshot().requests,
    };
}

function table(figures: readonly Figures[], opts: Options, parallel: string): string {
    const rows = figures.map((f) => `| ${MODES[f.mode].replace("N", String(opts.count))} | ${f.upSeconds} | ${f.slowestPurgeSeconds} | ` +
        `${f.submissionSpreadSeconds} | ${f.purgesSpanSeconds} | ${f.releaseLagSeconds} | ` +
        `${f.apiCalls.PurgeUrlsCache ?? 0} / ${f.apiCalls.DescribePurgeTasks ?? 0} / ${f.apiCalls.DescribePurgeQuota ?? 0} |`);
    return `${opts.count} purges of ${opts.purgeSeconds} s each, \`--parallel\` ${parallel}, ${os.cpus().length} cores:\n\n` +
        "| run | `pulumi up` s | slowest purge s | first to last submission s | first submission to last purge done s | " +
        "last done to last wait released s | PurgeUrlsCache / DescribePurgeTasks / DescribePurgeQuota calls |\n" +
        "|---|---|---|---|---|---|---|\n" + rows.join("\n") + "\n";
}

/** The `--parallel` the CLI uses when given none, as its help says (4 per core unless PULUMI_PARALLEL is set). */
async function cliDefaultParallel(box: PulumiSandbox, dir: string): Promise<string> {
    const help = await box.run(dir, ["up", "--help"]);
    return /--parallel int32 .*\(default (\d+)\)/.exec(help)?.[1] ?? "unknown";
}

async function main(): Promise<void> {
    const opts = parseOptions(process.argv.slice(2));
    if (!fs.existsSync(path.join(repoRoot, "bin", "provider", "host.js"))) {
        throw new Error('the package is not built: run "npm run build" first');
    }
    const emu = await startEmulator({ completeAfterMs: opts.purgeSeconds * 1000 });
    const box = await PulumiSandbox.create({
        languageHost: true,
        envVars: {
            TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
            TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
            TENCENTCLOUD_CDN_ENDPOINT: emu.url,
        },
    });
    try {
        const dir = path.join(box.tempDir, "project");
        writeProject(dir);
        const figures: Figures[] = [];
        for (const mode of opts.modes) {
            figures.push(await measure(box, dir, mode, opts, emu));
        }
        const parallel = opts.parallel === undefined ? `default (${await cliDefaultParallel(box, dir)})` : String(opts.parallel);
        const text = table(figures, opts, parallel);
        const out = path.join(repoRoot, "bench", "out");
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, "parallelSlots.json"), JSON.stringify({ options: opts, parallel, figures }, null, 2));
        fs.writeFileSync(path.join(out, "parallelSlots.md"), text);
        process.stdout.write(text);
    } finally {
        box.cleanup();
        await emu.close();
    }
}

main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
});
