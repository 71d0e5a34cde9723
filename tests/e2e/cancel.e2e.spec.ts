/**
 * One Ctrl-C during `pulumi up`, on the real Pulumi engine and dynamic-provider host: the engine sends its
 * providers Cancel, the purge's wait stops at once, and the state keeps the purge's task id so the next `up`
 * resumes the wait without purging again. Never skipped: without a pulumi CLI the stack cannot be created and
 * the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import * as purge from "../../sdk";
import { LocalStack } from "../../scripts/localStack";
import { retryWouldHaveShown } from "../support/retryBound";

const SECRET_ID = "AKIDcancel0000000000000000000000000000";
const SECRET_KEY = "cancel-secret-key-4d2e8a";
const URL = "https://www.example.com/cancel.html";

describe("one Ctrl-C while a purge waits, on the real Pulumi engine", function () {
    this.timeout(300_000);
    let emu: RunningEmulator;
    let stack: LocalStack;

    before(async () => {
        assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
        // A purge that would take an hour: only the cancel can end the wait before its 300 s deadline.
        emu = await startEmulator({ completeAfterMs: 3_600_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
        stack = await LocalStack.create({
            projectName: "purge-cancel",
            program: async () => ({ taskIds: new purge.UrlPurge("site", { urls: [URL], timeoutSeconds: 300 }).taskIds }),
            envVars: { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_CDN_ENDPOINT: emu.url },
        });
    });
    after(async () => {
        await stack?.cleanup();
        await emu?.close();
    });

    it("stops the wait at once, keeps the task id, and the next up resumes without purging again", async () => {
        const ctrlC = new AbortController();
        const up = stack.up({ signal: ctrlC.signal }).then(() => assert.fail("the update should be cancelled"), (e: Error) => e);
        while (emu.store.allRecords().length === 0) {
            await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 1000)); // the wait is under way
        const pressedAt = Date.now();
        ctrlC.abort();
        const err = await up;
        const seconds = (Date.now() - pressedAt) / 1000;
        assert.ok(seconds < 30, `the update ended ${seconds} s after the Ctrl-C`);
        assert.match(err.message, /stopped waiting for purge task \d+ after \d+ s: the wait was cancelled \(Pulumi is cancelling the update\); the next `pulumi up` resumes the wait/);

        const taskId = emu.store.allRecords()[0].taskId;
        const { deployment } = await stack.exportStack();
        const site = (deployment.deployment.resources ?? []).find((r) => r.type.endsWith(":UrlPurge"));
        assert.deepStrictEqual([site?.outputs?.taskIds, site?.outputs?.status], [[taskId], "process"]);

        emu.store.complete(taskId, "done");
        const { result } = await stack.up();
        assert.deepStrictEqual([result.outputs.taskIds.value, emu.stats.snapshot().requests.PurgeUrlsCache], [[taskId], 1]);
    });
});

/** What the hanging-request scenario needs of each product. */
const HANGING = [
    {
        name: "a CDN purge",
        action: "PurgeUrlsCache",
        idsKey: "taskIds",
        type: ":UrlPurge",
        program: (url: string) => async () => ({ ids: new purge.UrlPurge("site", { urls: [url], timeoutSeconds: 300 }).taskIds }),
        jobs: (emu: RunningEmulator) => [...new Set(emu.store.allRecords().map((r) => r.taskId))],
        complete: (emu: RunningEmulator, job: string) => emu.store.complete(job, "done"),
    },
    {
        name: "an EdgeOne purge",
        action: "CreatePurgeTask",
        idsKey: "jobIds",
        type: ":EdgeOnePurge",
        program: (url: string) => async () => ({
            ids: new purge.edgeone.Purge("site", { zoneId: "zone-2noz78a8ev6k", type: "purge_url", targets: [url], timeoutSeconds: 300 }).jobIds,
        }),
        jobs: (emu: RunningEmulator) => [...new Set(emu.teoStore.allRecords().map((r) => r.jobId))],
        complete: (emu: RunningEmulator, job: string) => emu.teoStore.complete(job, "success"),
    },
];

for (const product of HANGING) {
    describe(`one Ctrl-C while ${product.name} request hangs, on the real Pulumi engine`, function () {
        this.timeout(300_000);
        const url = "https://www.example.com/hanging.html";
        let emu: RunningEmulator;
        let stack: LocalStack;
        const submissions = () => emu.stats.snapshot().requests[product.action] ?? 0;

        before(async () => {
            assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "bin", "provider", "host.js")), "run npm run build first");
            emu = await startEmulator({ completeAfterMs: 3_600_000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
            stack = await LocalStack.create({
                projectName: "purge-cancel-hang",
                program: product.program(url),
                envVars: { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_CDN_ENDPOINT: emu.url,
                    TENCENTCLOUD_TEO_ENDPOINT: emu.url },
            });
        });
        after(async () => {
            await stack?.cleanup();
            await emu?.close();
        });

        it("abandons the request at once, sends it no more, and the next up adopts the job it created instead of purging again", async () => {
            // The API has the request and creates its job, but answers only 8 s later: after the Ctrl-C.
            emu.faults.add({ action: product.action, kind: "slow", delayMs: 8000 });
            const ctrlC = new AbortController();
            const up = stack.up({ signal: ctrlC.signal }).then(() => assert.fail("the update should be cancelled"), (e: Error) => e);
            while (submissions() === 0) {
                await new Promise((r) => setTimeout(r, 50));
            }
            await new Promise((r) => setTimeout(r, 2000));
            const pressedAt = Date.now();
            ctrlC.abort();
            const err = await up;
            const seconds = (Date.now() - pressedAt) / 1000;
            assert.ok(seconds < 5, `the update ended ${seconds} s after the Ctrl-C`);
            assert.match(err.message, /cancelled while a batch of 1 \w+ was being submitted; the next `pulumi up` looks for its task/);

            const { deployment } = await stack.exportStack();
            const site = (deployment.deployment.resources ?? []).find((r) => r.type.endsWith(product.type));
            assert.deepStrictEqual([site?.outputs?.[product.idsKey], (site?.outputs?.inDoubt as { count?: number } | undefined)?.count], [[], 1]);

            while (product.jobs(emu).length === 0) { // the slow request's job
                await new Promise((r) => setTimeout(r, 100));
            }
            await retryWouldHaveShown(pressedAt); // the client's own bound on a retry after the Ctrl-C
            assert.strictEqual(submissions(), 1, "nothing is sent after the Ctrl-C");
            const job = product.jobs(emu)[0];
            product.complete(emu, job);
            const { result, lines } = await stack.up();
            assert.deepStrictEqual([result.outputs.ids.value, submissions()], [[job], 1]);
            assert.ok(lines.some((l) => l.includes(`had reached the API as`) && l.includes(job)), lines.join("\n"));
        });
    });
}
