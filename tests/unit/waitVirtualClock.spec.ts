import * as assert from "assert";
import { VirtualClock } from "../../provider/base/virtualClock";

describe("wait: virtual clock", () => {
    it("wakes sleeps in time order and moves the time to each", async () => {
        const clock = new VirtualClock(100);
        const woke: number[] = [];
        void clock.sleep(300).then(() => woke.push(clock.now()));
        void clock.sleep(50).then(() => woke.push(clock.now()));
        await clock.advance(1000);
        assert.deepStrictEqual([woke, clock.now()], [[150, 400], 1100]);
    });

    it("does not wake a sleep before its time", async () => {
        const clock = new VirtualClock();
        let woke = false;
        void clock.sleep(500).then(() => { woke = true; });
        await clock.advance(499);
        assert.strictEqual(woke, false);
    });

    it("rejects a sleep whose signal aborts and forgets its timer", async () => {
        const clock = new VirtualClock();
        const stop = new AbortController();
        const sleeping = clock.sleep(500, stop.signal);
        stop.abort(new Error("stop"));
        await assert.rejects(sleeping, /stop/);
        assert.strictEqual(clock.pendingTimers, 0);
    });

    it("drives time until the work settles", async () => {
        const clock = new VirtualClock();
        const work = (async () => { await clock.sleep(10_000); await clock.sleep(5000); return clock.now(); })();
        assert.strictEqual(await clock.run(work), 15_000);
    });

    it("reports a deadlock instead of hanging when the work waits on nothing it controls", async () => {
        const clock = new VirtualClock();
        await assert.rejects(clock.run(new Promise(() => undefined)), /deadlock/);
    });
});
