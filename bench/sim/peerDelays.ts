/**
 * The peers' waits, shared across products: the deadline a user gives them, their published schedules
 * (Terraform's Tencent Cloud provider, tccli's `--waiter`, the AWS SDK waiter; re-implemented from their published
 * algorithms, one loop per job), and that loop. A product gives each peer its label and how it reads a job.
 */
import { VirtualClock } from "../../provider/base/virtualClock";
import { WaitOutcome } from "./driver";

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

/** When a peer checks after check `k` (1-based), and when it gives up (from the start of its wait). */
export interface PeerTiming {
    delayAfter(check: number, random: () => number): number;
    readonly deadlineMs: number;
}

/**
 * Terraform's Tencent Cloud provider: at once, then 0.5 s doubling to 10 s, no jitter (its retry helper), until
 * `deadlineMs` (fixed in each resource's code: 6 minutes for CDN's, 10 for EdgeOne's).
 *
 * @example
 * terraformTiming(6 * 60_000).delayAfter(3, Math.random); // 2000
 */
export const terraformTiming = (deadlineMs: number): PeerTiming => ({ delayAfter: (k) => Math.min(10_000, 500 * 2 ** (k - 1)), deadlineMs });

/** tccli's `--waiter`: at once, then every 5 s (its interval), within the user's deadline. */
export const TCCLI_TIMING: PeerTiming = { delayAfter: () => 5000, deadlineMs: USER_DEADLINE_MS };

/**
 * An AWS SDK waiter with `minMs`/`maxMs` (2 s / 120 s the generic defaults; 20 s / 120 s CloudFront's invalidation
 * waiter's), within the user's deadline.
 *
 * @example
 * awsTiming(2000, 120_000).delayAfter(3, () => 1); // 8000
 */
export const awsTiming = (minMs: number, maxMs: number): PeerTiming =>
    ({ delayAfter: (k, r) => awsDelay(k, minMs, maxMs, r), deadlineMs: USER_DEADLINE_MS });

/** One job as a peer waits for it: its id, when its wait starts (trial ms), and how the peer reads it. */
export interface PeerJob {
    readonly id: string;
    readonly startAt: number;
    /** Whether the peer's read says the job is over (an error is "no news": the peer keeps to its schedule). */
    ended(): Promise<boolean>;
}

/**
 * A peer's loop per job: check at once, then after each delay, until a read says the job is over or the next check
 * would fall past the deadline. `epoch` is where the clock's trial time starts.
 *
 * @example
 * const outcomes = await pollEach(clock, TCCLI_TIMING, random, jobs.map((j) => ({ id: j.taskId, startAt: j.submitAt, ended: () => isDone(api, j) })));
 */
export function pollEach(clock: VirtualClock, timing: PeerTiming, random: () => number, jobs: readonly PeerJob[], epoch = 0): Promise<WaitOutcome[]> {
    return Promise.all(jobs.map(async (job): Promise<WaitOutcome> => {
        await clock.sleep(job.startAt);
        const deadline = clock.now() + timing.deadlineMs;
        for (let check = 1; ; check++) {
            if (await job.ended().catch(() => false)) {
                return { taskId: job.id, releasedAt: clock.now() - epoch, calls: check };
            }
            const delay = timing.delayAfter(check, random);
            if (clock.now() + delay > deadline) {
                return { taskId: job.id, calls: check };
            }
            await clock.sleep(delay);
        }
    }));
}
