import * as assert from "assert";
import * as fc from "fast-check";
import { backoffCapMs, backoffDelayMs, validateBackoff } from "../../provider/wait/backoff";

const opts = (random: () => number, minDelayMs = 1000, maxDelayMs = 10_000) => ({ minDelayMs, maxDelayMs, random });

describe("wait: backoff schedule", () => {
    it("makes the first check immediate", () => {
        assert.strictEqual(backoffDelayMs(1, opts(() => 0.99)), 0);
    });

    it("doubles the cap per attempt from the minimum delay", () => {
        assert.deepStrictEqual([2, 3, 4].map((n) => backoffCapMs(n, opts(Math.random))), [2000, 4000, 8000]);
    });

    it("caps the delay at maxDelayMs", () => {
        assert.strictEqual(backoffDelayMs(30, opts(() => 0.999_999)), 10_000);
    });

    it("draws the jitter from the injected random", () => {
        assert.strictEqual(backoffDelayMs(3, opts(() => 0.25)), 1000 + 0.25 * 3000);
    });

    it("never goes below the minimum delay", () => {
        assert.strictEqual(backoffDelayMs(5, opts(() => 0)), 1000);
    });

    it("keeps every delay within [min, cap] for any attempt and random", () => {
        fc.assert(fc.property(fc.integer({ min: 2, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }),
            fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 60_000 }), (n, r, min, extra) => {
                const o = opts(() => r, min, min + extra);
                const d = backoffDelayMs(n, o);
                return Number.isFinite(d) && d >= min && d <= backoffCapMs(n, o) && d <= min + extra;
            }));
    });

    it("stays within bounds when random strays outside [0, 1)", () => {
        assert.strictEqual(backoffDelayMs(2, opts(() => 7)), 2000);
    });

    it("rejects maxDelayMs below minDelayMs", () => {
        assert.throws(() => validateBackoff(opts(Math.random, 500, 100)), RangeError);
    });
});
