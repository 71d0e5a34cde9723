import * as assert from "assert";
import { SpacedRateLimiter } from "../../provider/client/spacedRateLimiter";

/** A clock that only moves when told; sleeps resolve when the clock passes their end. */
class ManualClock {
    t = 0;
    private timers: { at: number; resolve: () => void }[] = [];
    now = () => this.t;
    sleep = (ms: number) => new Promise<void>((resolve) => this.timers.push({ at: this.t + ms, resolve }));
    async advanceTo(t: number) {
        this.t = t;
        const due = this.timers.filter((x) => x.at <= t);
        this.timers = this.timers.filter((x) => x.at > t);
        due.forEach((x) => x.resolve());
        await new Promise((r) => setImmediate(r));
    }
}

describe("SpacedRateLimiter", () => {
    it("grants the first request at once", async () => {
        const clock = new ManualClock();
        const limiter = new SpacedRateLimiter(20, 1000, clock);
        let granted = 0;
        limiter.acquire().then(() => granted++);
        await clock.advanceTo(0);
        assert.strictEqual(granted, 1);
    });
    it("spaces grants evenly, one every window / limit", async () => {
        const clock = new ManualClock();
        const limiter = new SpacedRateLimiter(20, 1000, clock);
        const grants: number[] = [];
        for (let i = 0; i < 4; i++) {
            limiter.acquire().then(() => grants.push(clock.t));
        }
        for (let t = 0; t <= 200; t += 10) {
            await clock.advanceTo(t);
        }
        assert.deepStrictEqual(grants, [0, 50, 100, 150]);
    });
    it("never grants more than the limit in any window, however many callers", async () => {
        const clock = new ManualClock();
        const limiter = new SpacedRateLimiter(20, 1000, clock);
        const grants: number[] = [];
        for (let i = 0; i < 200; i++) {
            limiter.acquire().then(() => grants.push(clock.t));
        }
        for (let t = 0; t <= 10_000; t += 50) {
            await clock.advanceTo(t);
        }
        assert.strictEqual(grants.length, 200);
        for (const start of grants) {
            assert.ok(grants.filter((g) => g >= start && g < start + 1000).length <= 20, `window at ${start} overshoots`);
        }
    });
    it("paces a steady stream at the limit, not slower", async () => {
        const clock = new ManualClock();
        const limiter = new SpacedRateLimiter(20, 1000, clock);
        const grants: number[] = [];
        for (let i = 0; i < 100; i++) {
            limiter.acquire().then(() => grants.push(clock.t));
        }
        for (let t = 0; t <= 10_000; t += 10) {
            await clock.advanceTo(t);
        }
        assert.strictEqual(Math.max(...grants), 4950);
    });
    it("drops an aborted caller from the queue and serves the next in its place", async () => {
        const clock = new ManualClock();
        const limiter = new SpacedRateLimiter(20, 1000, clock);
        const stop = new AbortController();
        const order: string[] = [];
        limiter.acquire().then(() => order.push("first"));
        const aborted = limiter.acquire(stop.signal).then(() => order.push("aborted"), () => order.push("rejected"));
        limiter.acquire().then(() => order.push("third"));
        await clock.advanceTo(0);
        stop.abort();
        await aborted;
        for (let t = 0; t <= 200; t += 10) {
            await clock.advanceTo(t);
        }
        assert.deepStrictEqual(order, ["first", "rejected", "third"]);
    });
    it("rejects a non-positive limit", () => {
        assert.throws(() => new SpacedRateLimiter(0, 1000, new ManualClock()), /positive integer/);
    });
});
