/**
 * The simulated workloads: when each purge task is submitted and when it turns done. Every workload is a list
 * of independent trials ("deployments"); each trial is drawn from a fixed seed, so runs repeat exactly.
 */
import { logUniform, seededRandom, uniform } from "../sim/random";

/** One purge task in a trial, times in ms from the start of the trial. */
export interface SimTask {
    readonly taskId: string;
    readonly submitAt: number;
    readonly doneAt: number;
    /** When its wait starts; by default when it is submitted. */
    readonly waitAt?: number;
    /** Submitted by someone else: the wait knows only its id, not when it was submitted. */
    readonly elsewhere?: boolean;
}

/** A named workload: its trials, and the words that describe how they were drawn. */
export interface Workload {
    readonly key: string;
    readonly title: string;
    readonly description: string;
    readonly trials: readonly (readonly SimTask[])[];
    /** Records of unrelated, finished purges in the account, all older than the trial's tasks. */
    readonly olderRecords?: number;
    /** Records of unrelated, finished purges submitted after the trial's tasks (before the waits start). */
    readonly newerRecords?: number;
}

const S = 1000;

function trials(count: number, seed: number, draw: (random: () => number, trial: number) => SimTask[]): SimTask[][] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, i) => draw(random, i));
}

const task = (trial: number, i: number, submitAt: number, durationMs: number): SimTask =>
    ({ taskId: `${trial}${String(i).padStart(3, "0")}`, submitAt: Math.round(submitAt), doneAt: Math.round(submitAt + durationMs) });

/**
 * Fifty waits started together on tasks submitted elsewhere 30-120 s earlier, done `from`-`to` ms after the waits
 * start (3.0-6.6 s by default).
 */
const elsewhere = (from = 3 * S, to = 6.6 * S) => (r: () => number, t: number): SimTask[] => Array.from({ length: 50 }, (_, i) => ({
    ...task(t + 1, i, -uniform(r, 30 * S, 120 * S), 0), doneAt: Math.round(uniform(r, from, to)), waitAt: 0, elsewhere: true,
}));

/**
 * The workloads of the benchmark. `scale` shrinks the number of trials for a quick run.
 *
 * @example
 * const [one, gated, gatedIndependent, spread, elsewhere, elsewhereBusy, elsewhereBusySince, elsewhereSoon] = workloads(20260101);
 */
export function workloads(seed: number, scale = 1): Workload[] {
    const n = (count: number) => Math.max(1, Math.round(count * scale));
    return [
        {
            key: "one",
            title: "(a) one task",
            description: "one task per trial, done 30-180 s (uniform) after submission; 101 trials",
            trials: trials(n(101), seed + 1, (r, t) => [task(t + 1, 0, 0, uniform(r, 30 * S, 180 * S))]),
        },
        {
            key: "gated50",
            title: "(b) 50 gated",
            description: "50 tasks submitted over 0-5 s; a trial's purges take D = 30-180 s (uniform), each task " +
                "D x 0.85-1.15 (tasks submitted together finish together); 20 trials",
            trials: trials(n(20), seed + 2, (r, t) => {
                const d = uniform(r, 30 * S, 180 * S);
                return Array.from({ length: 50 }, (_, i) => task(t + 1, i, uniform(r, 0, 5 * S), d * uniform(r, 0.85, 1.15)));
            }),
        },
        {
            key: "gated50indep",
            title: "(b') 50 gated, independent",
            description: "50 tasks submitted over 0-5 s, each done 30-180 s (uniform, independent) after submission; 20 trials",
            trials: trials(n(20), seed + 3, (r, t) => Array.from({ length: 50 }, (_, i) =>
                task(t + 1, i, uniform(r, 0, 5 * S), uniform(r, 30 * S, 180 * S)))),
        },
        {
            key: "spread50",
            title: "(c) 50 spread",
            description: "50 tasks submitted over 0-5 s, each done 5 s-15 min (log-uniform) after submission; 10 trials",
            trials: trials(n(10), seed + 4, (r, t) => Array.from({ length: 50 }, (_, i) =>
                task(t + 1, i, uniform(r, 0, 5 * S), logUniform(r, 5 * S, 900 * S)))),
        },
        {
            key: "elsewhere50",
            title: "(d) 50 from elsewhere",
            description: "50 waits started together on task ids submitted elsewhere 30-120 s before (the waits know " +
                "only the ids), done 3.0-6.6 s (uniform) after the waits start; 20 trials",
            trials: trials(n(20), seed + 5, elsewhere()),
        },
        {
            key: "elsewhere50busy",
            title: "(d') 50 from elsewhere, busy account",
            description: "as (d), with 3,000 older records of other purges in the account; 20 trials",
            trials: trials(n(20), seed + 5, elsewhere()),
            olderRecords: 3000,
        },
        {
            key: "elsewhere50newer",
            title: "(d'') 50 from elsewhere, busy since",
            description: "as (d), with 3,000 records of other purges submitted after the 50 and before the waits " +
                "start (none of the 50 is among the newest records); 20 trials",
            trials: trials(n(20), seed + 5, elsewhere()),
            newerRecords: 3000,
        },
        {
            key: "elsewhere50soon",
            title: "(d0) 50 from elsewhere, done as the waits start",
            description: "as (d'), but each task done 0-4 s (uniform) after the waits start, so some are done at the " +
                "first look and the rest finish while the first rounds run (the real-clock workload of the bench); 20 trials",
            trials: trials(n(20), seed + 6, elsewhere(0, 4 * S)),
            olderRecords: 3000,
        },
    ];
}
