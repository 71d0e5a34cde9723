/**
 * What the peers' waits share across products: the deadline a user gives them, and the AWS SDK waiter's delays
 * (re-implemented from its published algorithm).
 */

/** Ours and the configurable peers get the same deadline; Terraform's fixed ones are in its schedules. */
export const USER_DEADLINE_MS = 20 * 60_000;

/**
 * The AWS waiter's delay after check `k`: uniform between `min` and `min(max, min * 2^(k-1))`.
 *
 * @example
 * awsDelay(3, 2000, 120_000, Math.random); // between 2 s and 8 s
 */
export function awsDelay(k: number, minMs: number, maxMs: number, random: () => number): number {
    const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(k - 1, 40));
    return minMs + random() * (ceiling - minMs);
}
