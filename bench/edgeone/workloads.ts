/**
 * The EdgeOne workloads: one job; fifty jobs of one deployment; fifty waits on jobs from elsewhere; one job of
 * 2,500 targets; one prefetch that takes minutes. Each is a list of seeded trials, with the zone's history of earlier purges drawn from the same
 * durations (what ours times its first check by).
 */
import { seededRandom, uniform } from "../sim/random";
import { SimJob } from "./simTeoApi";

/** A named EdgeOne workload. */
export interface TeoWorkload {
    readonly key: string;
    readonly title: string;
    readonly description: string;
    readonly trials: readonly (readonly SimJob[])[];
    /** Durations of the zone's earlier purges (or, for a prefetch workload, prefetches), ms. */
    readonly historyMs: readonly number[];
    /** A prefetch's wait: compared with the prefetch peers, ours with the prefetch's own deadline. */
    readonly prefetch?: boolean;
}

const S = 1000;
const MIN = 60 * S;

function trials(count: number, seed: number, draw: (random: () => number, trial: number) => SimJob[]): SimJob[][] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, i) => draw(random, i));
}

const job = (trial: number, i: number, submitAt: number, durationMs: number, targets = 1, spreadMs = 0): SimJob =>
    ({ jobId: `j${trial}x${String(i).padStart(3, "0")}`, submitAt: Math.round(submitAt), doneAt: Math.round(submitAt + durationMs), targets, spreadMs });

/**
 * The EdgeOne workloads; purges take 30-180 s (uniform), as the CDN workloads' do, and a prefetch 5-30 minutes.
 *
 * @example
 * const [one, gated, elsewhere, big] = teoWorkloads(20261129);
 */
export function teoWorkloads(seed: number): TeoWorkload[] {
    const prefetchHistory = (s: number) => { const r = seededRandom(s); return Array.from({ length: 200 }, () => uniform(r, 5 * MIN, 30 * MIN)); };
    const history = (s: number) => { const r = seededRandom(s); return Array.from({ length: 200 }, () => uniform(r, 30 * S, 180 * S)); };
    return [
        {
            key: "teo-one", title: "(e) EdgeOne: one job", historyMs: history(seed + 11),
            description: "one job of one target, done 30-180 s (uniform) after submission; the zone's 200 earlier purges from the same durations; 101 trials",
            trials: trials(101, seed + 12, (r, t) => [job(t + 1, 0, 0, uniform(r, 30 * S, 180 * S))]),
        },
        {
            key: "teo-gated50", title: "(f) EdgeOne: 50 jobs in one deployment", historyMs: history(seed + 13),
            description: "50 jobs submitted over 0-5 s; a trial's purges take D = 30-180 s, each job D x 0.85-1.15; 20 trials",
            trials: trials(20, seed + 14, (r, t) => {
                const d = uniform(r, 30 * S, 180 * S);
                return Array.from({ length: 50 }, (_, i) => job(t + 1, i, uniform(r, 0, 5 * S), d * uniform(r, 0.85, 1.15)));
            }),
        },
        {
            key: "teo-elsewhere50", title: "(g) EdgeOne: 50 waiters on jobs from elsewhere", historyMs: history(seed + 15),
            description: "50 waits started together on job ids submitted elsewhere 30-120 s before, done 3.0-6.6 s after the waits start; 20 trials",
            trials: trials(20, seed + 16, (r, t) => Array.from({ length: 50 }, (_, i) => ({
                ...job(t + 1, i, -uniform(r, 30 * S, 120 * S), 0), doneAt: Math.round(uniform(r, 3 * S, 6.6 * S)), waitAt: 0, elsewhere: true,
            }))),
        },
        {
            key: "teo-big2500", title: "(h) EdgeOne: one job of 2,500 targets", historyMs: history(seed + 17),
            description: "one job of 2,500 targets, done 30-180 s after submission, its targets finishing over its last 20 s; 20 trials",
            trials: trials(20, seed + 18, (r, t) => [job(t + 1, 0, 0, uniform(r, 30 * S, 180 * S), 2500, 20 * S)]),
        },
        {
            key: "teo-prefetch", title: "(i) EdgeOne: one prefetch of minutes", historyMs: prefetchHistory(seed + 19), prefetch: true,
            description: "one prefetch job of 10 URLs, done 5-30 min (uniform, Tencent's FAQ) after submission, its URLs finishing over its " +
                "last 60 s; the zone's 200 earlier prefetches from the same durations; 51 trials",
            trials: trials(51, seed + 20, (r, t) => [job(t + 1, 0, 0, uniform(r, 5 * MIN, 30 * MIN), 10, 60 * S)]),
        },
    ];
}
