/**
 * The purge-and-warm example (`examples/purge-and-warm`) as a user runs it: copied out of a fresh clone, the
 * package installed from its packed tarball, run by the `pulumi` CLI and its Node.js language host against the
 * emulator, once per product (CDN and EdgeOne, chosen by the example's `product` config). The release comes only
 * after every asset is warm, a URL the origin lacks fails the update naming it, a timed-out wait resumes without
 * prefetching again, and no credential reaches the state.
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
import { NO_ENV_CREDENTIALS } from "../support/hostsUnderTest";
import { copyOfCheckout, exampleProject, pack, projectSandbox } from "./support/userProject";

const SECRET_ID = "AKIDwarm00000000000000000000000000001";
const SECRET_KEY = "purge-and-warm-e2e-secret-key-7e2a";
const ASSETS = ["https://www.example.com/app.js", "https://www.example.com/app.css"];
const PAGE = "https://www.example.com/index.html";
/** How long the emulator takes to end a purge, and a prefetch (seconds here; minutes for real prefetches). */
const PURGE_MS = 1000;
const PREFETCH_MS = 3000;

/** One prefetched URL as the emulator holds it. */
interface Warmed {
    readonly id: string;
    readonly url: string;
    readonly status: string;
    readonly receivedAtMs: number;
}

/** What differs between the products, for the same example. */
interface Product {
    readonly name: "cdn" | "edgeone";
    /** The stack config key of its endpoint. */
    readonly endpointKey: string;
    /** The action that submits a prefetch. */
    readonly submit: string;
    /** A finished prefetch's status. */
    readonly done: string;
    /** The example's output listing the prefetch's task or job ids. */
    readonly warmIdsOutput: string;
    /** Every URL prefetched, with its task or job id. */
    warmed(emu: RunningEmulator): Warmed[];
    /** When each prefetch of `ids` finished, by the emulator's clock. */
    finishedAt(emu: RunningEmulator, ids: readonly string[]): number[];
    /** When the emulator received each purge of `url`. */
    purgedAt(emu: RunningEmulator, url: string): number[];
    /** Ends the prefetch `id` now. */
    finish(emu: RunningEmulator, id: string): void;
}

const PRODUCTS: readonly Product[] = [
    {
        name: "cdn", endpointKey: "tencentcloud-purge:endpoint", submit: "PushUrlsCache", done: "done", warmIdsOutput: "warmTaskIds",
        warmed: (emu) => emu.pushes.allRecords().map((r) => ({ id: r.taskId, url: r.url, status: r.status, receivedAtMs: r.createdAtMs })),
        // A push record's UpdateTime is to the second: its finish is exactly pushCompleteAfterMs after it was received.
        finishedAt: (emu, ids) => emu.pushes.allRecords().filter((r) => ids.includes(r.taskId)).map((r) => r.createdAtMs + PREFETCH_MS),
        purgedAt: (emu, url) => emu.store.allRecords().filter((r) => r.url === url).map((r) => r.createdAtMs),
        finish: (emu, id) => assert.ok(emu.pushes.complete(id, "done"), `no push task ${id}`),
    },
    {
        name: "edgeone", endpointKey: "tencentcloud-purge:teoEndpoint", submit: "CreatePrefetchTask", done: "success", warmIdsOutput: "warmJobIds",
        warmed: (emu) => emu.teoPrefetchStore.allRecords().map((r) => ({ id: r.jobId, url: r.target, status: r.status, receivedAtMs: r.createdAtMs })),
        finishedAt: (emu, ids) => emu.teoPrefetchStore.savedJobs().filter((j) => ids.includes(j.jobId)).map((j) => j.finishedAtMs ?? Infinity),
        purgedAt: (emu, url) => emu.teoStore.allRecords().filter((r) => r.target === url).map((r) => r.createdAtMs),
        finish: (emu, id) => assert.ok(emu.teoPrefetchStore.complete(id, "success"), `no prefetch job ${id}`),
    },
];

const iso = (ms: number) => new Date(ms).toISOString();

describe("examples/purge-and-warm from the packed package, on the real Pulumi engine", function () {
    this.timeout(900_000);
    let box: PulumiSandbox;
    let work: string;
    let project: string;
    /** Purges and prefetches end within seconds here. */
    let fast: RunningEmulator;
    /** Prefetches end only when a test ends them. */
    let slow: RunningEmulator;
    const pulumi = (stack: string, ...args: string[]) => box.run(project, [...args, "--stack", stack, "--non-interactive"]);
    const up = (stack: string) => pulumi(stack, "up", "--yes", "--skip-preview");
    const failedUp = (stack: string) => up(stack).then(() => assert.fail(`up of ${stack} should fail`), (e: Error) => e.message);
    const outputs = async (stack: string) => JSON.parse(await pulumi(stack, "stack", "output", "--json")) as Record<string, unknown>;
    const resourceNames = async (stack: string) => ((JSON.parse(await pulumi(stack, "stack", "export")).deployment.resources ?? []) as { urn: string }[])
        .map((r) => r.urn.split("::").pop());

    /** A new stack of the example for `product` on `emu`, with `config` (pairs, or `["--path", key, value]`). */
    const newStack = async (name: string, product: Product, emu: RunningEmulator, config: readonly (readonly string[])[] = []) => {
        await box.run(project, ["stack", "init", name, "--non-interactive"]);
        // Both as secrets: Pulumi keeps the stack config of TypeScript's dynamic providers in the state, plain
        // values in clear (the example's README says so).
        for (const args of [["product", product.name], ["--secret", "tencentcloud-purge:secretId", SECRET_ID],
            ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY], [product.endpointKey, emu.url], ...config]) {
            await pulumi(name, "config", "set", ...args);
        }
        return name;
    };

    before(async function () {
        // Neither credentials nor endpoints from this process: the stack config is what is tested.
        box = await projectSandbox(this, { ...NO_ENV_CREDENTIALS, TENCENTCLOUD_TEO_ENDPOINT: "" });
        work = fs.mkdtempSync(path.join(os.tmpdir(), "purge-and-warm-"));
        const credentials = [{ secretId: SECRET_ID, secretKey: SECRET_KEY }];
        fast = await startEmulator({ completeAfterMs: PURGE_MS, pushCompleteAfterMs: PREFETCH_MS, teoPrefetchCompleteAfterMs: PREFETCH_MS, credentials });
        slow = await startEmulator({ completeAfterMs: PURGE_MS, pushCompleteAfterMs: 3_600_000, teoPrefetchCompleteAfterMs: 3_600_000, credentials });
        const checkout = await copyOfCheckout(path.join(work, "clone"));
        const tarball = await pack(checkout, path.join(work, "dist"));
        project = await exampleProject(path.join(checkout, "examples", "purge-and-warm"), path.join(work, "purge-and-warm"),
            [tarball, "@pulumi/pulumi@3.248.0"]);
    });
    after(async () => {
        box?.cleanup();
        await fast?.close();
        await slow?.close();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("refuses a product it does not know, naming the key and the values it takes, before any request", async () => {
        fast.reset();
        const stack = await newStack("unknown-product", PRODUCTS[0], fast);
        await pulumi(stack, "config", "set", "product", "akamai");
        const failure = await pulumi(stack, "preview").then(() => assert.fail("preview should fail"), (e: Error) => e.message);
        assert.match(failure, /Configuration 'purge-and-warm:product' value 'akamai' is not a legal enum value \(\["cdn","edgeone"\]\)/);
        assert.deepStrictEqual(fast.stats.snapshot().requests, {});
    });

    for (const product of PRODUCTS) {
        describe(`on ${product.name === "cdn" ? "CDN" : "EdgeOne"}`, () => {
            const warmStack = `${product.name}-warm`;

            it("prefetches once the purge is done, and creates the release only after every URL is warm", async () => {
                fast.reset();
                await up(await newStack(warmStack, product, fast));
                const out = await outputs(warmStack);
                const warmIds = out[product.warmIdsOutput] as string[];
                const warmed = product.warmed(fast).filter((w) => warmIds.includes(w.id));
                assert.deepStrictEqual([out.warmStatus, warmed.map((w) => [w.url, w.status]).sort()],
                    [product.done, ASSETS.map((url) => [url, product.done]).sort()]);
                const assetsPurgedAt = Math.max(...ASSETS.flatMap((url) => product.purgedAt(fast, url))) + PURGE_MS;
                const firstPrefetch = Math.min(...warmed.map((w) => w.receivedAtMs));
                assert.ok(firstPrefetch >= assetsPurgedAt, `prefetch sent at ${iso(firstPrefetch)}, assets purged only at ${iso(assetsPurgedAt)}`);
                const warmAt = Math.max(...product.finishedAt(fast, warmIds));
                const released = product.purgedAt(fast, PAGE);
                assert.strictEqual(released.length, 1, "the release was not made once");
                assert.ok(released[0] >= warmAt, `release made at ${iso(released[0])}, every URL warm only at ${iso(warmAt)}`);
            });

            it("keeps neither the secret key nor the secret id in the state", async () => {
                const text = await pulumi(warmStack, "stack", "export");
                const token = product.name === "cdn" ? "tencentcloud-purge:UrlPush" : "tencentcloud-purge:EdgeOnePrefetch";
                assert.ok(text.includes(token), `the export holds no ${token}`);
                assert.deepStrictEqual([SECRET_KEY, SECRET_ID, work].filter((s) => text.includes(s)), []);
            });

            it("fails the update naming a URL the origin lacks, and does not release", async () => {
                fast.reset();
                const missing = "https://www.example.com/missing/app.css";
                const stack = await newStack(`${product.name}-invalid`, product, fast,
                    [["--path", "assets[0]", ASSETS[0]], ["--path", "assets[1]", missing]]);
                const failure = await failedUp(stack);
                assert.match(failure, /https:\/\/www\.example\.com\/missing\/app\.css \(invalid/);
                assert.doesNotMatch(failure, /app\.js \(/);
                assert.deepStrictEqual([product.warmed(fast).some((w) => w.url === missing), product.purgedAt(fast, PAGE),
                    (await resourceNames(stack)).includes("release")], [true, [], false]);
            });

            it("times out, then resumes the same prefetch on the next up once it has finished, and releases", async () => {
                slow.reset();
                const stack = await newStack(`${product.name}-timeout`, product, slow, [["warmTimeoutSeconds", "1"]]);
                assert.match(await failedUp(stack), /timed out after 1 s/);
                const ids = [...new Set(product.warmed(slow).map((w) => w.id))];
                assert.deepStrictEqual([ids.length, slow.stats.snapshot().requests[product.submit], product.purgedAt(slow, PAGE)], [1, 1, []]);
                const finishedAt = Date.now();
                product.finish(slow, ids[0]);
                await pulumi(stack, "config", "set", "warmTimeoutSeconds", "60");
                await up(stack);
                const out = await outputs(stack);
                const released = product.purgedAt(slow, PAGE);
                assert.deepStrictEqual([out[product.warmIdsOutput], out.warmStatus, slow.stats.snapshot().requests[product.submit], released.length],
                    [ids, product.done, 1, 1]);
                assert.ok(released[0] >= finishedAt, `release made at ${iso(released[0])}, the prefetch finished at ${iso(finishedAt)}`);
            });
        });
    }
});
