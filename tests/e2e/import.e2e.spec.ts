/**
 * Import on the real Pulumi engine. Through the provider plugin (a Pulumi YAML program with the `import` option,
 * and `pulumi import`), a purge and a gate are adopted by task id without purging. The dynamic resources of a
 * TypeScript program cannot be imported (Pulumi's dynamic-provider host has no way to): the update fails with
 * a message that says what to do instead. Never skipped: without the CLI or the YAML host the suite fails.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PurgeClient } from "../../provider/cdn/client";
import { resolveConnection } from "../../provider/client/connection";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { LocalStack } from "../../scripts/localStack";
import * as purge from "../../sdk";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDimport0000000000000000000000000000";
const SECRET_KEY = "import-e2e-secret-key-7b2c4d";
const PLUGIN_DIR = path.join(repoRoot, "plugin");
const URLS = ["https://www.example.com/imported/a.js", "https://www.example.com/imported/b.css"];

/** A YAML program that adopts task `taskId` as a UrlPurge and as a gate. */
const program = (taskId: string) => `name: import-e2e
runtime: yaml
plugins:
  providers:
    - name: tencentcloud-purge
      path: ${PLUGIN_DIR}
resources:
  assets:
    type: tencentcloud-purge:index:UrlPurge
    properties:
      urls: ${JSON.stringify(URLS)}
    options:
      import: "${taskId}"
  gate:
    type: tencentcloud-purge:index:PurgeTaskWaiter
    properties:
      taskId: "${taskId}"
    options:
      import: "${taskId}"
outputs:
  assetsStatus: \${assets.status}
  assetsTaskIds: \${assets.taskIds}
  gateStatus: \${gate.status}
`;

describe("import through the provider plugin, on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;
    let taskId: string;
    const submissions = () => emu.stats.snapshot().requests.PurgeUrlsCache ?? 0;

    before(async () => {
        assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
        emu = await startEmulator({ completeAfterMs: 200, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        // A purge submitted elsewhere (another stack, a CI script), done by the time it is imported.
        const client = new PurgeClient(resolveConnection({ secretId: SECRET_ID, secretKey: SECRET_KEY, endpoint: emu.url }, undefined, {}));
        ({ taskId } = await client.purgeUrlsCache({ urls: URLS }));
        emu.store.complete(taskId, "done");
        ({ box, dir } = await yamlProject((_text) => program(taskId), [["tencentcloud-purge:secretId", SECRET_ID],
            ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY], ["tencentcloud-purge:endpoint", emu.url]]));
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("the import option adopts a done purge and its gate by task id, purging nothing", async () => {
        const output = await box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
        assert.match(output, /2 imported/);
        const out = JSON.parse(await box.run(dir, ["stack", "output", "--json"]));
        assert.deepStrictEqual([out.assetsStatus, out.assetsTaskIds, out.gateStatus, submissions()], ["done", [taskId], "done", 1]);
        const again = await box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
        assert.doesNotMatch(again, /imported|created|updated/);
        assert.strictEqual(submissions(), 1);
    });

    it("pulumi import adopts a gate by task id", async () => {
        await box.run(dir, ["import", "tencentcloud-purge:index:PurgeTaskWaiter", "adopted", taskId, "--yes", "--non-interactive",
            "--generate-code=false"]);
        const state = JSON.parse(await box.run(dir, ["stack", "export"]));
        const adopted = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::adopted"));
        assert.deepStrictEqual([adopted?.id, adopted?.inputs?.taskId, adopted?.outputs?.status, submissions()], [taskId, taskId, "done", 1]);
    });
});

describe("import of a dynamic resource, on the real engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let stack: LocalStack;

    before(async () => {
        emu = await startEmulator({ credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        stack = await LocalStack.create({
            projectName: "purge-import",
            program: async () => {
                new purge.UrlPurge("site", { urls: URLS }, { import: "1533" });
            },
            envVars: { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_CDN_ENDPOINT: emu.url },
        });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
    });

    it("fails saying what to do instead, not \"code must be a string, not undefined\"", async () => {
        const err = await stack.up().then(() => assert.fail("the update should fail"), (e: Error) => e);
        assert.match(err.message, /UrlPurge cannot be imported \(the `import` option\).*declare a PurgeTaskWaiter with its task id instead/s);
        assert.doesNotMatch(err.message, /code must be a string/);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
    });
});
