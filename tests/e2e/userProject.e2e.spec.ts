/**
 * A user's life cycle with the published package: `npm pack` of a fresh clone, installed from the tarball into
 * a TypeScript Pulumi project outside the repository, `pulumi up` against the emulator; the project moved to
 * another folder, the package upgraded, the purge records expired, then refresh, up and destroy there. Also the
 * lowest `@pulumi/pulumi` of the peer range, and the repository's own top-level Pulumi.yaml.
 *
 * These run project folders, so they need Pulumi's Node.js language host (see scripts/pulumiSandbox.ts). In CI
 * they never skip: without the host they fail with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { copyOfCheckout, createProject, npmInstall, pack, projectSandbox, sh, tarballFiles } from "./support/userProject";

const SECRET_ID = "AKIDuser0000000000000000000000000000";
const SECRET_KEY = "user-project-secret-key-4d2c8e1f";
/** The lowest @pulumi/pulumi whose dynamic providers receive the stack config (`configure`). */
const LOWEST_PULUMI = "3.139.0";
const CURRENT_PULUMI = "3.248.0";

/** A program as a user writes it: purge, gate, something created only after the gate, a read-back by Date. */
const GATE_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as purge from "pulumi-tencentcloud-purge";

/** Something that must come after the purge: records when it was created. */
class Release extends pulumi.dynamic.Resource {
    public readonly createdAt!: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super({ create: async () => ({ id: name, outs: { createdAt: new Date().toISOString() } }) }, name, { createdAt: undefined }, opts);
    }
}

const site = new purge.UrlPurge("site", { urls: ["https://www.example.com/index.html", "https://www.example.com/app.js"], wait: false });
const gate = new purge.PurgeTaskWaiter("gate", { taskId: site.taskId, timeoutSeconds: 120 });
const release = new Release("release", { dependsOn: [gate] });
const recent = purge.getPurgeTasksOutput({ startTime: new Date(Date.now() - 3_600_000), keyword: "www.example.com" }, { dependsOn: [gate] });

export const taskId = site.taskId;
export const gateStatus = gate.status;
export const gateDoneAt = gate.completedAt;
export const releaseAt = release.createdAt;
export const readBack = recent.purgeLogs;
`;

interface Outputs {
    readonly taskId: string;
    readonly gateStatus: string;
    readonly gateDoneAt: string;
    readonly releaseAt: string;
    readonly readBack: readonly { taskId: string; status: string }[];
}

interface StateResource {
    readonly type: string;
    readonly outputs?: Record<string, unknown>;
}

describe("the packed package in a user's own project, on the real Pulumi engine", function () {
    this.timeout(900_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let work: string;
    let tarball: string;
    let upgrade: string;
    const calls = (action: string) => emu.stats.snapshot().requests[action] ?? 0;
    const pulumi = (cwd: string, ...args: string[]) => box.run(cwd, [...args, "--non-interactive"]);
    const outputs = async (cwd: string) => JSON.parse(await pulumi(cwd, "stack", "output", "--json", "--show-secrets")) as Outputs;
    const state = async (cwd: string) => {
        const text = await pulumi(cwd, "stack", "export");
        const resources = (JSON.parse(text).deployment.resources ?? []) as StateResource[];
        const of = (type: string) => resources.find((r) => r.type.endsWith(`tencentcloud-purge:${type}`))?.outputs ?? {};
        return { text, site: of("UrlPurge"), gate: of("PurgeTaskWaiter"), count: resources.length };
    };

    before(async function () {
        box = await projectSandbox(this);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "purge-user-"));
        emu = await startEmulator({ completeAfterMs: 3000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        const checkout = await copyOfCheckout(path.join(work, "clone"));
        tarball = await pack(checkout, path.join(work, "dist"));
        // A newer build whose serialized provider differs, as a later release's would.
        const manifest = JSON.parse(fs.readFileSync(path.join(checkout, "package.json"), "utf8"));
        fs.writeFileSync(path.join(checkout, "package.json"), JSON.stringify({ ...manifest, version: "0.1.1-next" }));
        const source = path.join(checkout, "sdk", "hostedProvider.ts");
        fs.writeFileSync(source, fs.readFileSync(source, "utf8").replace("is not installed where pulumi runs", "is not installed in the folder pulumi runs in"));
        upgrade = await pack(checkout, path.join(work, "dist-next"));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("packs the compiled code, its type declarations, README and LICENSE from a fresh clone", async () => {
        const files = await tarballFiles(tarball);
        const wanted = ["LICENSE", "README.md", "package.json", "bin/sdk/index.js", "bin/sdk/index.d.ts", "bin/provider/host.js", "bin/emulator/index.js", "bin/emulator/index.d.ts"];
        assert.deepStrictEqual(wanted.filter((f) => !files.includes(f)), []);
        assert.deepStrictEqual(files.filter((f) => /^(tests|bench|scripts|examples)\//.test(f)), []);
    });

    describe("one stack, from its first up to its destroy", () => {
        let project: string;
        let moved: string;
        let first: Outputs;

        before(async () => {
            project = await createProject(path.join(work, "laptop", "site"), {
                name: "purge-user", program: GATE_PROGRAM, install: [tarball, `@pulumi/pulumi@${CURRENT_PULUMI}`],
            });
            await pulumi(project, "stack", "init", "dev");
            await pulumi(project, "config", "set", "--secret", "tencentcloud-purge:secretId", SECRET_ID);
            await pulumi(project, "config", "set", "--secret", "tencentcloud-purge:secretKey", SECRET_KEY);
            await pulumi(project, "config", "set", "tencentcloud-purge:endpoint", emu.url);
            await pulumi(project, "up", "--yes", "--skip-preview");
            first = await outputs(project);
            moved = path.join(work, "ci-runner", "checkout", "site");
        });

        it("gates the dependent on the purge and reads it back by a Date after the gate", async () => {
            assert.strictEqual(first.gateStatus, "done");
            assert.ok(first.releaseAt >= first.gateDoneAt, `release ${first.releaseAt} before the purge was done ${first.gateDoneAt}`);
            assert.deepStrictEqual(first.readBack.filter((t) => t.taskId === first.taskId).map((t) => t.status), ["done", "done"]);
        });
        it("gives users' own tests the emulator as pulumi-tencentcloud-purge/emulator, with its types", async () => {
            fs.writeFileSync(path.join(project, "emulatorUse.ts"), `import { startEmulator } from "pulumi-tencentcloud-purge/emulator";\n` +
                `startEmulator({ completeAfterMs: 10 }).then(async (emu) => { console.log(emu.url.startsWith("http://")); await emu.close(); });\n`);
            await sh(project, "npx", ["tsc", "--noEmit", "--strict", "--esModuleInterop", "emulatorUse.ts"]);
            const out = await sh(project, "node", ["-e", `require("pulumi-tencentcloud-purge/emulator").startEmulator()` +
                `.then(async (e) => { console.log(typeof e.url); await e.close(); })`]);
            fs.rmSync(path.join(project, "emulatorUse.ts"));
            assert.strictEqual(out.trim(), "string");
        });
        it("stores neither the install folder nor the secret key in the state", async () => {
            const { text } = await state(project);
            assert.deepStrictEqual([project, work, SECRET_ID, SECRET_KEY].filter((s) => text.includes(s)), []);
        });
        it("refreshes from another folder after the project moved", async () => {
            fs.mkdirSync(path.dirname(moved), { recursive: true });
            fs.renameSync(project, moved);
            await pulumi(moved, "stack", "select", "dev"); // as a CI job selects its stack
            await pulumi(moved, "refresh", "--yes", "--skip-preview");
            assert.strictEqual((await state(moved)).gate.status, "done");
        });
        it("takes an upgrade of the package: the purge and the gate are updated in the state only, with no API call of theirs", async () => {
            const before = { purges: calls("PurgeUrlsCache"), reads: calls("DescribePurgeTasks") };
            await npmInstall(moved, [upgrade]);
            const upOutput = await pulumi(moved, "up", "--yes", "--skip-preview");
            const after = await state(moved);
            // The engine shows each as updated: the provider stored with it is the new version's. The up's only
            // read is the program's own getPurgeTasksOutput.
            assert.match(upOutput, /UrlPurge site updated[\s\S]*PurgeTaskWaiter gate updated/, upOutput);
            assert.deepStrictEqual([calls("PurgeUrlsCache") - before.purges, calls("DescribePurgeTasks") - before.reads, after.gate.completedAt,
                String(after.site.__provider).includes("the folder pulumi runs in")], [0, 1, first.gateDoneAt, true]);
        });
        it("keeps a done purge and gate done after their records expired: refresh, then up neither purges nor waits", async () => {
            emu.store.setRetention(0);
            const before = { purges: calls("PurgeUrlsCache"), reads: calls("DescribePurgeTasks") };
            await pulumi(moved, "refresh", "--yes", "--skip-preview");
            await pulumi(moved, "up", "--yes", "--skip-preview");
            const after = await state(moved);
            // The up's only read is the program's own getPurgeTasksOutput, which finds nothing any more.
            assert.deepStrictEqual([after.site.status, after.gate.status, after.gate.completedAt, calls("PurgeUrlsCache") - before.purges,
                calls("DescribePurgeTasks") - before.reads, (await outputs(moved)).readBack.length], ["done", "done", first.gateDoneAt, 0, 1, 0]);
        });
        it("destroys from the new folder", async () => {
            await pulumi(moved, "destroy", "--yes", "--skip-preview");
            assert.strictEqual((await state(moved)).count, 0);
            await pulumi(moved, "stack", "rm", "--yes");
        });
    });

    it(`works with @pulumi/pulumi ${LOWEST_PULUMI}, the lowest of its peer range, taking credentials from stack config only`, async () => {
        const project = await createProject(path.join(work, "oldest"), {
            name: "purge-oldest", install: [tarball, `@pulumi/pulumi@${LOWEST_PULUMI}`],
            program: `import * as purge from "pulumi-tencentcloud-purge";\n` +
                `const p = new purge.UrlPurge("site", { urls: ["https://www.example.com/old.html"], timeoutSeconds: 60 });\n` +
                `export const status = p.status;\n`,
        });
        const peer = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).peerDependencies["@pulumi/pulumi"];
        assert.strictEqual(peer, `>=${LOWEST_PULUMI} <4`);
        await pulumi(project, "stack", "init", "old");
        await pulumi(project, "config", "set", "--secret", "tencentcloud-purge:secretId", SECRET_ID);
        await pulumi(project, "config", "set", "--secret", "tencentcloud-purge:secretKey", SECRET_KEY);
        await pulumi(project, "config", "set", "tencentcloud-purge:endpoint", emu.url);
        await pulumi(project, "up", "--yes", "--skip-preview");
        const status = JSON.parse(await pulumi(project, "stack", "output", "--json")).status;
        await pulumi(project, "destroy", "--yes", "--skip-preview");
        assert.strictEqual(status, "done");
    });

    it("runs the repository's top-level Pulumi.yaml (the gate example) with pulumi up", async () => {
        const checkout = await copyOfCheckout(path.join(work, "root-clone"));
        fs.symlinkSync(path.join(repoRoot, "bin"), path.join(checkout, "bin"));
        const env = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_CDN_ENDPOINT: emu.url };
        await box.run(checkout, ["stack", "init", "root", "--non-interactive"], env);
        await box.run(checkout, ["up", "--yes", "--skip-preview", "--non-interactive"], env);
        const out = JSON.parse(await box.run(checkout, ["stack", "output", "--json", "--non-interactive"], env));
        await box.run(checkout, ["destroy", "--yes", "--skip-preview", "--non-interactive"], env);
        assert.deepStrictEqual([out.gateStatus, (out.purgeLogs as { status: string }[] | undefined)?.map((t) => t.status)],
            ["done", ["done", "done"]], JSON.stringify(out));
    });
});
