/**
 * A small seeded random source (SplitMix32-style mixing of a counter), so every run of the benchmark draws the
 * same workloads and the same jitter. Not for anything but simulation.
 */

/**
 * A generator of numbers in [0, 1) from a 32-bit seed.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same number on every run
 */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x9e3779b9) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        z = (z ^ (z >>> 16)) >>> 0;
        return z / 2 ** 32;
    };
}

/** A number drawn uniformly from [low, high). */
export const uniform = (random: () => number, low: number, high: number): number => low + random() * (high - low);

/** A number whose logarithm is uniform: as many draws between 5 s and 50 s as between 50 s and 500 s. */
export const logUniform = (random: () => number, low: number, high: number): number =>
    Math.exp(uniform(random, Math.log(low), Math.log(high)));
