/**
 * The provider plugin on the real Pulumi engine, from another language, for every product: each product's Pulumi
 * YAML example (`examples/yaml-gate` for CDN, `examples/yaml-edgeone` for EdgeOne) run in a project folder with
 * `pulumi preview`, `up`, `refresh` and `destroy`, by the YAML language host, against the emulator, with the plugin
 * found by its path in Pulumi.yaml; and CDN's once more with the plugin installed from its archive with
 * `pulumi plugin install`. Never skipped: without the CLI or the YAML host the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator, TeoTaskRecord } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { archiveForThisPlatform, packPluginArchives } from "./support/pluginArchives";
import { yamlProject } from "./support/yamlProject";
import { FUNCTIONS } from "../../provider/products";
import { tokenOf } from "../../provider/description";

const PLUGIN_DIR = path.join(repoRoot, "plugin");
const withThisPlugin = (t: string) => t.replace("path: ../../plugin", `path: ${PLUGIN_DIR}`);

const up = (box: PulumiSandbox, dir: string) => box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"]);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));

/** A POST to the emulator's control API, as a user's own test would make it. */
async function control(emu: RunningEmulator, route: string, body: unknown): Promise<void> {
    const res = await fetch(`${emu.url}/_emulator/${route}`, { method: "POST", body: JSON.stringify(body) });
    assert.strictEqual(res.status, 200, await res.text());
}

/**
 * Ends as `success` (the targets given an outcome end as that) the job of the first task `pick` finds, once it is
 * submitted; for an emulator whose jobs never end by themselves. `stop` ends the watch and returns that job.
 */
function completeOnceSubmitted(emu: RunningEmulator, pick: (r: TeoTaskRecord) => boolean): { stop(): string | undefined } {
    let jobId: string | undefined;
    const poll = setInterval(() => {
        const task = jobId === undefined ? emu.teoStore.allRecords().find(pick) : undefined;
        if (task) {
            jobId = task.jobId;
            emu.teoStore.complete(jobId, "success");
        }
    }, 200);
    return { stop: () => (clearInterval(poll), jobId) };
}

/** A test of one product only, run in its suite in the place it has in the list. */
type ProductTest = readonly [title: string, run: (ctx: { emu: RunningEmulator; box: PulumiSandbox; dir: string; upOutput: string }) => Promise<void> | void];

/** What the suites need to know of a product's YAML example. */
interface YamlExample {
    readonly name: string;
    readonly secretId: string;
    readonly secretKey: string;
    /** The stack config of a copy of the example pointed at `emu`, with `assets` when given. */
    config(emu: RunningEmulator, timeoutSeconds: number, assets?: readonly string[]): string[][];
    readonly example: string;
    readonly api: string;
    readonly submitAction: string;
    readonly waiterToken: string;
    /** The happy path's checks of the `up` (its output in `upOutput`), and the tests that follow it. */
    readonly afterUp: readonly ProductTest[];
    /** Tests after the state's check and before refresh and destroy. */
    readonly beforeRefresh: readonly ProductTest[];
    readonly failures: {
        readonly title: string;
        /** How long the emulator takes to end a job in the failure suite. */
        readonly completeAfterMs: number;
        readonly tests: ReadonlyArray<readonly [string, (emu: RunningEmulator, open: (assets: readonly string[], timeoutSeconds: number) =>
            Promise<{ box: PulumiSandbox; dir: string }>) => Promise<void>]>;
    };
}

const CDN_SECRET_ID = "AKIDyaml00000000000000000000000000000";
const CDN_SECRET_KEY = "yaml-e2e-secret-key-4c1d9e";
const TEO_SECRET_ID = "AKIDyaml00000000000000000000000000001";
const TEO_SECRET_KEY = "yaml-teo-e2e-secret-key-8e2b5f";
const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
const PAGE = "https://www.example.com/index.html";
const COMPLETE_AFTER_MS = 3000;

/** CDN's `preview --diff` check: what the engine shows of a change that purges again and of one that does not. */
const CDN_PREVIEW_DIFF: ProductTest = ["preview --diff names the input that purges again with the task ids it sets anew, and a pacing change as none",
    async ({ emu, box, dir }) => {
        const purges = emu.stats.snapshot().requests.PurgeUrlsCache;
        await box.run(dir, ["config", "set", "pageUrl", "https://www.example.com/v2/index.html"]);
        await box.run(dir, ["config", "set", "timeoutSeconds", "90"]);
        try {
            const text = await box.run(dir, ["preview", "--diff", "--non-interactive"]);
            const page = text.slice(text.indexOf("tencentcloud-purge:index:UrlPurge: (update)"));
            assert.match(page, /\[urn=[^\]]*::page\]/, text);
            assert.match(page, /~ urls\s*: \[\s*~ \[0\]: "https:\/\/www\.example\.com\/index\.html" => "https:\/\/www\.example\.com\/v2\/index\.html"/, text);
            // The engine shows the outputs the update sets anew as leaving: the old task ids a new purge replaces.
            assert.match(page, /- taskIds: \[\s*- +\[0\]: "\d+"/, text);
            assert.doesNotMatch(text, /PurgeTaskWaiter: \(update\)/, "a gate that passed does not wait again for a new timeout");
            assert.strictEqual(emu.stats.snapshot().requests.PurgeUrlsCache, purges, "preview purges nothing");
        } finally {
            await box.run(dir, ["config", "rm", "pageUrl"]);
            await box.run(dir, ["config", "set", "timeoutSeconds", "120"]);
        }
    }];

const EXAMPLES: readonly YamlExample[] = [
    {
        name: "CDN", example: "yaml-gate", api: "the CDN", submitAction: "PurgeUrlsCache",
        waiterToken: "tencentcloud-purge:index:PurgeTaskWaiter", secretId: CDN_SECRET_ID, secretKey: CDN_SECRET_KEY,
        config: (emu, timeoutSeconds, assets = []) => [["tencentcloud-purge:secretId", CDN_SECRET_ID],
            ["--secret", "tencentcloud-purge:secretKey", CDN_SECRET_KEY], ["tencentcloud-purge:endpoint", emu.url],
            ["timeoutSeconds", String(timeoutSeconds)], ...assets.map((url, i) => ["--path", `assetUrls[${i}]`, url])],
        afterUp: [
            ["up gates the page's purge on the assets' purge, and reads the task back through the invoke", async ({ emu, box, dir, upOutput }) => {
                const out = await outputs(box, dir);
                const assetRecords = emu.store.allRecords().filter((r) => r.taskId === out.taskId);
                const pageRecords = emu.store.allRecords().filter((r) => r.taskId === out.pageTaskId);
                const assetsDoneAt = Math.max(...assetRecords.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
                assert.ok(pageRecords[0].createdAtMs >= assetsDoneAt,
                    `page purged at ${new Date(pageRecords[0].createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
                assert.deepStrictEqual([out.gateStatus, out.pageStatus, (out.assetRecords as { status: string }[]).map((r) => r.status)],
                    ["done", "done", ["done", "done"]], upOutput);
            }],
            ["showed the gate's progress on its own line during that up", ({ upOutput }) => {
                assert.match(upOutput, /PurgeTaskWaiter gate creating .*purge task \d+: 0\/2 done, 2 pending/);
            }],
        ],
        beforeRefresh: [CDN_PREVIEW_DIFF],
        failures: {
            title: "a purge that fails or times out",
            // Purges finish (URLs with /fail fail) after 6 s: longer than the 2 s timeout below.
            completeAfterMs: 6000,
            tests: [
                ["fails the update naming the failed URL, and does not purge the page", async (emu, open) => {
                    const { box, dir } = await open(["https://www.example.com/ok.js", "https://www.example.com/fail/app.css"], 120);
                    const failedId = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => {
                        assert.match(e.message, /https:\/\/www\.example\.com\/fail\/app\.css/);
                        return emu.store.allRecords()[0].taskId;
                    });
                    assert.deepStrictEqual(emu.store.allRecords().filter((r) => r.taskId !== failedId), [], "the page was purged");
                }],
                ["times out keeping the task in the state; the next up resumes the wait without purging the assets again", async (emu, open) => {
                    const { box, dir } = await open(["https://www.example.com/app.js"], 2);
                    await assert.rejects(up(box, dir), /timed out after 2 s/);
                    const [assetsTask] = [...new Set(emu.store.allRecords().map((r) => r.taskId))];
                    await box.run(dir, ["config", "set", "timeoutSeconds", "60"]);
                    await up(box, dir);
                    const assetPurges = emu.store.allRecords().filter((r) => r.url === "https://www.example.com/app.js");
                    const created = (id: string) => emu.store.allRecords().filter((r) => r.taskId === id);
                    assert.deepStrictEqual([assetPurges.length, created(assetsTask).map((r) => r.status)], [1, ["done"]]);
                    const state = JSON.parse(await box.run(dir, ["stack", "export"]));
                    const gate = state.deployment.resources.find((r: { type: string }) => r.type === "tencentcloud-purge:index:PurgeTaskWaiter");
                    assert.deepStrictEqual([gate.outputs.taskId, gate.outputs.status], [assetsTask, "done"]);
                }],
            ],
        },
    },
    {
        name: "EdgeOne", example: "yaml-edgeone", api: "EdgeOne", submitAction: "CreatePurgeTask",
        waiterToken: "tencentcloud-purge:edgeone:PurgeTaskWaiter", secretId: TEO_SECRET_ID, secretKey: TEO_SECRET_KEY,
        config: (emu, timeoutSeconds, assets = ASSETS) => [["tencentcloud-purge:secretId", TEO_SECRET_ID],
            ["--secret", "tencentcloud-purge:secretKey", TEO_SECRET_KEY], ["tencentcloud-purge:teoEndpoint", emu.url],
            ["timeoutSeconds", String(timeoutSeconds)], ...assets.map((url, i) => ["--path", `assetUrls[${i}]`, url])],
        afterUp: [
            ["up purges the page only after every target of the gated jobs succeeded", async ({ emu, box, dir, upOutput }) => {
                const out = await outputs(box, dir);
                const records = emu.teoStore.allRecords();
                const assets = records.filter((r) => (out.jobIds as string[]).includes(r.jobId));
                const [page] = records.filter((r) => r.jobId === out.pageJobId);
                assert.deepStrictEqual(assets.map((r) => r.target).sort(), [...ASSETS].sort(), upOutput);
                // The emulator turns a target `success` completeAfterMs after its job was created.
                const assetsDoneAt = Math.max(...assets.map((r) => r.createdAtMs)) + COMPLETE_AFTER_MS;
                assert.ok(page.createdAtMs >= assetsDoneAt,
                    `page purged at ${new Date(page.createdAtMs).toISOString()}, assets done at ${new Date(assetsDoneAt).toISOString()}`);
                assert.deepStrictEqual([out.gateStatus, out.pageStatus, page.target], ["success", "success", PAGE]);
            }],
            ["the getPurgeTasks invoke reads the gated tasks back as success", async ({ box, dir }) => {
                const out = await outputs(box, dir);
                const tasks = out.assetTasks as { jobId: string; target: string; status: string }[];
                assert.deepStrictEqual(tasks.map((t) => [t.jobId, t.target, t.status]).sort(),
                    ASSETS.map((url) => [out.jobIds[0], url, "success"]).sort());
            }],
        ],
        beforeRefresh: [],
        failures: {
            title: "an EdgeOne target that fails, or a gate that times out",
            // Jobs stay `processing` until a test ends them: a gate can time out at will, and a job ends when a test needs it.
            completeAfterMs: 3_600_000,
            tests: [
                ["fails the update naming the failed target and its reason, and does not purge the page", async (emu, open) => {
                    const pagePurged = () => emu.teoStore.allRecords().some((r) => r.target === PAGE);
                    const broken = "https://www.example.com/broken.css";
                    await control(emu, "teo/targets", { target: broken, status: "failed", failType: "originPullFailed", failMessage: "origin answered 502" });
                    const { box, dir } = await open(["https://www.example.com/ok.js", broken], 120);
                    // The other target succeeds; the broken one ends as set above.
                    const watch = completeOnceSubmitted(emu, (r) => r.target === broken);
                    const failure = await up(box, dir).then(() => assert.fail("up should fail"), (e: Error) => e.message).finally(() => watch.stop());
                    assert.match(failure, /https:\/\/www\.example\.com\/broken\.css \(originPullFailed: origin answered 502\)/);
                    assert.ok(!pagePurged(), "the page was purged");
                }],
                ["times out keeping the job ids; the next up resumes the wait without purging the assets again", async (emu, open) => {
                    const pagePurged = () => emu.teoStore.allRecords().some((r) => r.target === PAGE);
                    const { box, dir } = await open(["https://www.example.com/app.js"], 3);
                    await assert.rejects(up(box, dir), /timed out after 3 s/);
                    assert.ok(!pagePurged(), "the page was purged before the gate passed");
                    const [jobId] = [...new Set(emu.teoStore.allRecords().map((r) => r.jobId))];
                    await control(emu, `teo/jobs/${jobId}/complete`, { status: "success" });
                    await box.run(dir, ["config", "set", "timeoutSeconds", "60"]);
                    // The page's own purge must finish within this up too.
                    const watch = completeOnceSubmitted(emu, (r) => r.target === PAGE);
                    await up(box, dir).finally(() => watch.stop());
                    const assetPurges = emu.teoStore.allRecords().filter((r) => r.target === "https://www.example.com/app.js");
                    const out = await outputs(box, dir);
                    assert.deepStrictEqual([assetPurges.map((r) => r.jobId), out.jobIds, out.gateStatus], [[jobId], [jobId], "success"]);
                }],
            ],
        },
    },
];

for (const example of EXAMPLES) {
    describe(`the Pulumi YAML ${example.name} example on the real engine, through the provider plugin`, function () {
        this.timeout(300_000);
        let emu: RunningEmulator;
        let box: PulumiSandbox;
        let dir: string;
        let upOutput = "";

        before(async () => {
            assert.ok(fs.existsSync(path.join(repoRoot, "bin", "provider", "plugin", "main.js")), "run npm run build first");
            emu = await startEmulator({ completeAfterMs: COMPLETE_AFTER_MS, credentials: [{ secretId: example.secretId, secretKey: example.secretKey }] });
            // A user's copy of the example names their plugin folder: here, this repository's.
            ({ box, dir } = await yamlProject(withThisPlugin, example.config(emu, 120), example.example));
        });
        after(async () => {
            box?.cleanup();
            await emu?.close();
        });

        it(`preview calls nothing at ${example.api}`, async () => {
            await box.run(dir, ["preview", "--non-interactive"]);
            assert.deepStrictEqual(emu.stats.snapshot().requests, {});
        });

        const [[upTitle, upChecks], ...more] = example.afterUp;
        it(upTitle, async () => {
            upOutput = await up(box, dir);
            await upChecks({ emu, box, dir, upOutput });
        });
        for (const [title, run] of more) {
            it(title, () => run({ emu, box, dir, upOutput }));
        }

        it("keeps the secret key out of the state", async () => {
            const text = await box.run(dir, ["stack", "export"]);
            assert.ok(text.includes(example.waiterToken), "the export holds the gate");
            assert.ok(!text.includes(example.secretKey), "secret key in state");
        });

        for (const [title, run] of example.beforeRefresh) {
            it(title, () => run({ emu, box, dir, upOutput }));
        }

        it("refresh re-reads the tasks and destroy removes everything without purging", async () => {
            const purges = emu.stats.snapshot().requests[example.submitAction];
            const reads = emu.stats.snapshot().requests.DescribePurgeTasks ?? 0;
            await box.run(dir, ["refresh", "--yes", "--non-interactive"]);
            assert.ok((emu.stats.snapshot().requests.DescribePurgeTasks ?? 0) > reads, "refresh read the tasks");
            await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
            const state = JSON.parse(await box.run(dir, ["stack", "export"]));
            assert.deepStrictEqual([(state.deployment.resources ?? []).length, emu.stats.snapshot().requests[example.submitAction]], [0, purges]);
        });
    });

    describe(`${example.failures.title}, through the provider plugin on the real engine`, function () {
        this.timeout(300_000);
        let emu: RunningEmulator;
        const boxes: PulumiSandbox[] = [];
        const open = async (assets: readonly string[], timeoutSeconds: number) => {
            const project = await yamlProject(withThisPlugin, example.config(emu, timeoutSeconds, assets), example.example);
            boxes.push(project.box);
            return project;
        };

        before(async () => {
            emu = await startEmulator({ completeAfterMs: example.failures.completeAfterMs,
                credentials: [{ secretId: example.secretId, secretKey: example.secretKey }] });
        });
        after(async () => {
            boxes.forEach((b) => b.cleanup());
            await emu?.close();
        });

        for (const [title, run] of example.failures.tests) {
            it(title, async () => {
                emu.reset();
                await run(emu, open);
            });
        }
    });
}

describe("the provider plugin installed from its archive with `pulumi plugin install`", function () {
    this.timeout(600_000);
    let emu: RunningEmulator;
    let box: PulumiSandbox;
    let dir: string;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000, credentials: [{ secretId: CDN_SECRET_ID, secretKey: CDN_SECRET_KEY }] });
        // As a user's project: no path to the plugin, the engine uses the installed one.
        ({ box, dir } = await yamlProject((t) => t.replace(/^plugins:\n( .*\n)+/m, ""), EXAMPLES[0].config(emu, 120)));
        const dist = path.join(box.tempDir, "dist");
        const archive = archiveForThisPlatform(await packPluginArchives(dist));
        const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
        await box.run(dir, ["plugin", "install", "resource", "tencentcloud-purge", version, "--file", archive]);
    });
    after(async () => {
        box?.cleanup();
        await emu?.close();
    });

    it("pulumi package get-schema prints the installed plugin's schema", async () => {
        const printed = JSON.parse(await box.run(dir, ["package", "get-schema", "tencentcloud-purge"]));
        // Every function of the registry, the CDN's and EdgeOne's purge readers among them.
        assert.deepStrictEqual([printed.name, Object.keys(printed.functions).sort()], ["tencentcloud-purge", FUNCTIONS.map(tokenOf).sort()]);
        assert.ok(Object.keys(printed.functions).includes("tencentcloud-purge:edgeone:getPurgeTasks"));
    });

    it("runs the example with no plugin path in Pulumi.yaml", async () => {
        assert.ok(!fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8").includes("plugins:"));
        await up(box, dir);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus], ["done", "done"]);
        await box.run(dir, ["destroy", "--yes", "--non-interactive"]);
    });
});
