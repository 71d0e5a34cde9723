/**
 * The whole purge scenario one client goes through against the emulator, as a mocha suite: submit a URL purge
 * and a path purge, read them by task id and by time range until done, read the quota, and get the API's codes
 * for a wrong key, an unknown SecretId and a missing parameter. Any client that can call an action by name
 * (the Node.js SDK in each signing mode, the Go SDK's tool) runs the same steps.
 */
import * as assert from "assert";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator/server";
import { EmulatorCredential } from "../../emulator/auth";
import { formatApiTime } from "../../provider/base/time";

/** What one call answered: the `Response` object, or the error code. */
export interface CallOutcome {
    readonly response?: Record<string, any>;
    readonly code?: string;
}

/** Calls one CDN action on the emulator with the given key pair (default: the emulator's). */
export type CallAction = (emu: RunningEmulator, action: string, params: Record<string, unknown>,
    credential?: EmulatorCredential) => Promise<CallOutcome>;

const COMPLETE_AFTER_MS = 1000;
const URL = "https://www.example.com/scenario/a.png";
const PATH = "https://www.example.com/scenario/img/";

async function ok(outcome: Promise<CallOutcome>): Promise<Record<string, any>> {
    const { response, code } = await outcome;
    assert.ok(response, `expected an answer, got error ${code}`);
    return response;
}

/**
 * Registers the scenario as `describe(title)`; `timeout` covers clients that start a process per call.
 *
 * @example
 * purgeScenario("Node.js SDK, HmacSHA256 over GET", (emu, action, params) => ...);
 */
export function purgeScenario(title: string, call: CallAction, timeout = 20000): void {
    describe(title, function () {
        this.timeout(timeout);
        let emu: RunningEmulator;
        let now = Date.now();

        before(async () => {
            emu = await startEmulator({ now: () => now, completeAfterMs: COMPLETE_AFTER_MS });
        });
        beforeEach(() => emu.reset());
        after(() => emu.close());

        const submitBoth = async (): Promise<[string, string]> => {
            const url = await ok(call(emu, "PurgeUrlsCache", { Urls: [URL] }));
            const path = await ok(call(emu, "PurgePathCache", { Paths: [PATH], FlushType: "delete" }));
            return [url.TaskId, path.TaskId];
        };

        /** Reads with `read` until every record is done, moving the emulator's clock between reads. */
        const untilDone = async (read: () => Promise<Record<string, any>[]>): Promise<Record<string, any>[]> => {
            for (let attempt = 0; attempt < 10; attempt++) {
                const records = await read();
                if (records.length > 0 && records.every((r) => r.Status === "done")) {
                    return records;
                }
                now += COMPLETE_AFTER_MS / 2;
            }
            return assert.fail("the tasks never turned done");
        };

        it("submits a URL purge and a path purge, each answered with a task id", async () => {
            const ids = await submitBoth();
            assert.ok(ids.every((id) => /^\d+$/.test(id)), ids.join());
        });

        it("reads both by task id until done", async () => {
            const ids = await submitBoth();
            const records = await untilDone(async () => (await Promise.all(ids.map(async (TaskId) =>
                (await ok(call(emu, "DescribePurgeTasks", { TaskId }))).PurgeLogs as Record<string, any>[]))).flat());
            assert.deepStrictEqual(records.map((r) => [r.TaskId, r.Url, r.PurgeType, r.FlushType]),
                [[ids[0], URL, "url", "flush"], [ids[1], PATH, "path", "delete"]]);
        });

        it("reads both by time range, with paging parameters, until done", async () => {
            const ids = await submitBoth();
            const range = { StartTime: formatApiTime(new Date(now - 60_000)), EndTime: formatApiTime(new Date(now + 3_600_000)) };
            const records = await untilDone(async () => (await Promise.all(["url", "path"].map(async (PurgeType) =>
                (await ok(call(emu, "DescribePurgeTasks", { ...range, PurgeType, Offset: 0, Limit: 10 }))).PurgeLogs as
                    Record<string, any>[]))).flat());
            assert.deepStrictEqual(records.map((r) => r.TaskId), ids);
        });

        it("reads the purge quota", async () => {
            const quota = await ok(call(emu, "DescribePurgeQuota", {}));
            assert.deepStrictEqual(quota.UrlPurge.find((q: { Area: string }) => q.Area === "mainland"),
                { Batch: 1000, Total: 10000, Available: 10000, Area: "mainland" });
        });

        it("answers AuthFailure.SignatureFailure for a wrong secret key", async () => {
            const wrong = { ...EMULATOR_CREDENTIALS, secretKey: "not-the-emulator-key" };
            assert.strictEqual((await call(emu, "DescribePurgeQuota", {}, wrong)).code, "AuthFailure.SignatureFailure");
        });

        it("answers AuthFailure.SecretIdNotFound for an unknown SecretId", async () => {
            const unknown = { secretId: "AKIDunknown0000000000000000000000", secretKey: "whatever" };
            assert.strictEqual((await call(emu, "DescribePurgeQuota", {}, unknown)).code, "AuthFailure.SecretIdNotFound");
        });

        it("answers MissingParameter for a URL purge without Urls", async () => {
            assert.strictEqual((await call(emu, "PurgeUrlsCache", {})).code, "MissingParameter");
        });
    });
}
