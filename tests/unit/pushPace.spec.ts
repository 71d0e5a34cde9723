import * as assert from "assert";
import { accountTypicalPushMs, learnedDelayMs, typicalDurationMs } from "../../provider/cdn/pushPace";
import { PushApi, PushTask } from "../../provider/cdn/pushTypes";
import { backoffDelayMs } from "../../provider/wait";

const MIN = 5000;
const MAX = 30_000;

/** The check times of a wait on the learned pace for a prefetch of `actualMs` typically taking `typicalMs`. */
function schedule(typicalMs: number, actualMs: number): { checks: number; releasedAfterDoneMs: number } {
    let t = 0;
    let checks = 1; // the first check, at once
    while (t < actualMs) {
        t += learnedDelayMs({ elapsedMs: t, checks, typicalMs, minMs: MIN, maxMs: MAX });
        checks += 1;
    }
    return { checks, releasedAfterDoneMs: t - actualMs };
}

const record = (createTime: string | null, updateTime: string | null): PushTask =>
    ({ taskId: "1", url: "https://a/x", status: "done", percent: 100, area: "mainland", createTime, updateTime });

describe("the prefetch's learned pace", () => {
    it("checks at once, early, then every 2 minutes at most until 80% of the typical duration", () => {
        const p = { typicalMs: 600_000, minMs: MIN, maxMs: MAX };
        assert.deepStrictEqual([
            learnedDelayMs({ ...p, elapsedMs: 0, checks: 1 }),
            learnedDelayMs({ ...p, elapsedMs: 60_000, checks: 2 }),
            learnedDelayMs({ ...p, elapsedMs: 480_000, checks: 3 }),
            learnedDelayMs({ ...p, elapsedMs: 600_000, checks: 9 }),
            learnedDelayMs({ ...p, elapsedMs: 1_200_000, checks: 30 }),
        ], [60_000, 120_000, 5000, MAX, MAX]);
    });

    it("a 10-minute prefetch as typical costs under half the checks of a 5-30 s back-off, and is released within 30 s", () => {
        const { checks, releasedAfterDoneMs } = schedule(600_000, 600_000);
        let t = 0;
        let backoffChecks = 1;
        while (t < 600_000) {
            t += backoffDelayMs(backoffChecks + 1, { minDelayMs: MIN, maxDelayMs: MAX, random: () => 0.5 });
            backoffChecks += 1;
        }
        assert.ok(checks * 2 < backoffChecks, `${checks} checks, back-off ${backoffChecks}`);
        assert.ok(releasedAfterDoneMs <= MAX, `released ${releasedAfterDoneMs} ms after done`);
    });

    it("a prefetch half as long as typical is released within 2 minutes", () => {
        const { releasedAfterDoneMs } = schedule(1_200_000, 600_000);
        assert.ok(releasedAfterDoneMs <= 120_000, `released ${releasedAfterDoneMs} ms after done`);
    });

    it("a prefetch far longer than typical is still checked at least every 30 s", () => {
        const { releasedAfterDoneMs } = schedule(120_000, 1_800_000);
        assert.ok(releasedAfterDoneMs <= MAX, `released ${releasedAfterDoneMs} ms after done`);
    });

    it("learns the lower quartile of UpdateTime - CreateTime, ignoring records without both", () => {
        assert.strictEqual(typicalDurationMs([
            record("2026-11-29 10:00:00", "2026-11-29 10:05:00"), record("2026-11-29 10:00:00", "2026-11-29 10:20:00"),
            record("2026-11-29 10:00:00", "2026-11-29 10:07:00"), record("2026-11-29 10:00:00", "2026-11-29 10:09:00"),
            record("2026-11-29 10:00:00", "2026-11-29 10:10:00"), record("2026-11-29 10:00:00", null), record(null, "2026-11-29 10:00:00"),
        ]), 7 * 60_000);
        assert.strictEqual(typicalDurationMs([]), undefined);
    });

    it("reads the account's finished pushes once for the waits that start together, and none when the read fails", async () => {
        const queries: unknown[] = [];
        const api = {
            describePushTasks: async (q: unknown) => {
                queries.push(q);
                return { pushLogs: [record("2026-11-29 10:00:00", "2026-11-29 10:06:00")], totalCount: 1, requestId: "r" };
            },
        } as unknown as PushApi;
        const now = Date.now();
        assert.deepStrictEqual([await accountTypicalPushMs(api, now), await accountTypicalPushMs(api, now + 1000), queries.length],
            [360_000, 360_000, 1]);
        assert.strictEqual((queries[0] as { status: string }).status, "done");
        const failing = { describePushTasks: async () => { throw new Error("down"); } } as unknown as PushApi;
        assert.strictEqual(await accountTypicalPushMs(failing, now), undefined);
    });
});
