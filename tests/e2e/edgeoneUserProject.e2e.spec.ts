/**
 * EdgeOne from the published package: `npm pack` of a fresh clone, installed from the tarball into a TypeScript
 * Pulumi project outside the repository, run with `pulumi` against the emulator: a purge gating a dependent, read
 * back with `edgeone.getPurgeTasksOutput`, refreshed and destroyed, with no secret in the state.
 *
 * These run project folders, so they need Pulumi's Node.js language host (see scripts/pulumiSandbox.ts). In CI
 * they never skip: without the host they fail with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox } from "../../scripts/pulumiSandbox";
import { copyOfCheckout, createProject, pack, projectSandbox } from "./support/userProject";

const SECRET_ID = "AKIDteouser00000000000000000000000000";
const SECRET_KEY = "teo-user-secret-key-8a3f1b6c";

/** A user's program: purge on EdgeOne, something created only after it, the tasks read back after it. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { edgeone } from "pulumi-tencentcloud-purge";

class Release extends pulumi.dynamic.Resource {
    public readonly createdAt!: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super({ create: async () => ({ id: name, outs: { createdAt: new Date().toISOString() } }) }, name, { createdAt: undefined }, opts);
    }
}

const zoneId = "zone-2noz78a8ev6k";
const site = new edgeone.Purge("site", { zoneId, type: "purge_url",
    targets: ["https://www.example.com/index.html", "https://www.example.com/app.js"], timeoutSeconds: 120 });
const release = new Release("release", { dependsOn: [site] });
const tasks = edgeone.getPurgeTasksOutput({ zoneId, startTime: new Date(Date.now() - 3_600_000) }, { dependsOn: [site] });

export const jobId = site.jobId;
export const status = site.status;
export const doneAt = site.completedAt;
export const releaseAt = release.createdAt;
export const readBack = tasks.tasks;
`;

describe("EdgeOne from the packed package in a user's own project, on the real Pulumi engine", function () {
    this.timeout(900_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let work: string;
    let project: string;
    const pulumi = (...args: string[]) => box.run(project, [...args, "--non-interactive"]);

    before(async function () {
        box = await projectSandbox(this);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "purge-teo-user-"));
        emu = await startEmulator({ completeAfterMs: 3000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        const tarball = await pack(await copyOfCheckout(path.join(work, "clone")), path.join(work, "dist"));
        project = await createProject(path.join(work, "site"), { name: "teo-user", program: PROGRAM, install: [tarball, "@pulumi/pulumi@3.248.0"] });
        await pulumi("stack", "init", "dev");
        await pulumi("config", "set", "--secret", "tencentcloud-purge:secretId", SECRET_ID);
        await pulumi("config", "set", "--secret", "tencentcloud-purge:secretKey", SECRET_KEY);
        await pulumi("config", "set", "tencentcloud-purge:teoEndpoint", emu.url);
        await pulumi("up", "--yes", "--skip-preview");
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    const outputs = async () => JSON.parse(await pulumi("stack", "output", "--json", "--show-secrets")) as
        { jobId: string; status: string; doneAt: string; releaseAt: string; readBack: { jobId: string; status: string }[] };

    it("creates the dependent only after every target succeeded", async () => {
        const o = await outputs();
        const [task] = emu.teoStore.allRecords().filter((t) => t.jobId === o.jobId);
        assert.strictEqual(o.status, "success");
        assert.ok(Date.parse(o.releaseAt) >= task.createdAtMs + 3000, `release at ${o.releaseAt}`);
    });

    it("reads the job's tasks back after the purge", async () => {
        const o = await outputs();
        assert.deepStrictEqual(o.readBack.filter((t) => t.jobId === o.jobId).map((t) => t.status), ["success", "success"]);
    });

    it("keeps no secret key in the state", async () => {
        const text = await pulumi("stack", "export");
        assert.ok(text.includes("tencentcloud-purge:EdgeOnePurge") && !text.includes(SECRET_ID) && !text.includes(SECRET_KEY));
    });

    it("refreshes without purging again", async () => {
        const before = emu.stats.snapshot().requests.CreatePurgeTask;
        await pulumi("refresh", "--yes");
        assert.strictEqual(emu.stats.snapshot().requests.CreatePurgeTask, before);
    });

    it("destroys without a call to EdgeOne", async () => {
        const before = emu.stats.snapshot().requests;
        await pulumi("destroy", "--yes");
        assert.deepStrictEqual([JSON.parse(await pulumi("stack", "export")).deployment.resources ?? [], emu.stats.snapshot().requests], [[], before]);
    });
});
