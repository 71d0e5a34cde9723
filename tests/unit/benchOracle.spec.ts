import * as assert from "assert";
import { coverCurve, distributionBound, fewestRounds, singleTaskBound, trialCurve } from "../../bench/sim/oracle";
import { percentile } from "../../bench/sim/stats";

describe("bench: clairvoyant lower bound on rounds", () => {
    it("covers the most points with each number of windows", () => {
        assert.deepStrictEqual(coverCurve([12, 0, 11, 1, 10], 2), [0, 3, 5, 5, 5, 5]);
    });

    it("counts a point at the very end of a window as covered", () => {
        assert.deepStrictEqual(coverCurve([0, 2], 2), [0, 2, 2]);
    });

    it("always spends one round on the last completion of a trial", () => {
        assert.deepStrictEqual(trialCurve([0, 1, 10, 11, 12], 2).slice(1, 3), [3, 5]);
    });

    it("needs one round when the last completion's window already holds half", () => {
        assert.strictEqual(fewestRounds([[0, 1, 10, 11, 12]], 2), 1);
    });

    it("needs a round per spread-out completion to cover half of them", () => {
        assert.strictEqual(fewestRounds([[0, 100, 200, 300]], 1), 2);
    });

    it("spends rounds where they cover most across trials", () => {
        // Trial one: all three within 1 ms (1 round covers 3). Trial two: three far apart (1 round covers 1).
        assert.strictEqual(fewestRounds([[0, 0.5, 1], [0, 100, 200]], 1), 2);
    });
});

describe("bench: percentiles", () => {
    it("interpolates between ranks", () => {
        assert.deepStrictEqual([percentile([4, 1, 3, 2], 50), percentile([1, 2, 3, 4, 5], 95)], [2.5, 4.8]);
    });

    it("is NaN for no values", () => {
        assert.ok(Number.isNaN(percentile([], 50)));
    });
});

describe("bench: bound for independent completions", () => {
    it("needs windows for half of the pooled completions, plus one round to release the rest", () => {
        assert.strictEqual(distributionBound([[0, 10], [5, 15]], 1), 3);
    });

    it("gains from completions that fall together across trials", () => {
        assert.strictEqual(distributionBound([[0, 10], [0.5, 20]], 1), 2);
    });

    it("is infinite when the windows allowed cannot hold half", () => {
        assert.strictEqual(distributionBound([[0, 10, 20, 30]], 1, 1), Infinity);
    });
});

describe("bench: bound for one task waited on alone", () => {
    const points = Array.from({ length: 20 }, (_, i) => i);

    it("puts the windows on the latest completions, where a check is made least often", () => {
        assert.strictEqual(singleTaskBound(points, 0.5), 2.75); // (10 + 9 + ... + 1) / 20
    });

    it("needs fewer calls when a slower median is allowed", () => {
        assert.strictEqual(singleTaskBound(points, 1.5), 1.5); // windows at 10, 12, ..., 18
    });

    it("is never below one call", () => {
        assert.strictEqual(singleTaskBound([10, 20, 30, 40], 1), 1);
    });
});
