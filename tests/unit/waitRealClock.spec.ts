import * as assert from "assert";
import { realClock, realSleep } from "../../provider/base/clock";

// These use real timers on purpose: they test the real timer; each takes a few milliseconds.
describe("wait: real clock and sleep", () => {
    it("sleeps for about the time asked", async () => {
        const start = realClock.now();
        await realSleep(20);
        assert.ok(realClock.now() - start >= 19);
    });

    it("rejects at once with the reason when the signal aborts mid-sleep", async () => {
        const stop = new AbortController();
        const start = realClock.now();
        const sleeping = realSleep(10_000, stop.signal);
        setTimeout(() => stop.abort(new Error("cancelled")), 5);
        await assert.rejects(sleeping, /cancelled/);
        assert.ok(realClock.now() - start < 1000);
    });

    it("rejects without starting a timer when the signal already fired", async () => {
        const stop = new AbortController();
        stop.abort(new Error("early"));
        await assert.rejects(realSleep(10_000, stop.signal), /early/);
    });
});
