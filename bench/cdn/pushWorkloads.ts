/**
 * CDN's prefetch workloads: one push of 10 URLs done 5-30 minutes after submission (Tencent's FAQ); fifty pushes
 * gated in one deployment; one push with a URL the origin lacks. Each is a list of seeded trials, with the
 * account's history of earlier pushes drawn from the same durations (what ours paces its checks by).
 */
import { seededRandom, uniform } from "../sim/random";
import { SimPush } from "./simPushApi";

/** A named push workload. */
export interface PushWorkload {
    readonly key: string;
    readonly title: string;
    readonly description: string;
    readonly trials: readonly (readonly SimPush[])[];
    /** Durations of the account's earlier pushes, ms. */
    readonly historyMs: readonly number[];
}

const S = 1000;
const MIN = 60 * S;

function trials(count: number, seed: number, draw: (random: () => number, trial: number) => SimPush[]): SimPush[][] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, i) => draw(random, i));
}

const push = (trial: number, i: number, submitAt: number, durationMs: number, invalidAfterMs?: number): SimPush =>
    ({ taskId: `${trial}${String(i).padStart(3, "0")}`, submitAt: Math.round(submitAt), doneAt: Math.round(submitAt + durationMs),
        urls: 10, spreadMs: 60 * S, invalidUrls: invalidAfterMs === undefined ? 0 : 1, invalidAfterMs });

/**
 * The push workloads; a push takes 5-30 minutes (uniform), its 10 URLs ending over its last minute.
 *
 * @example
 * const [one, gated, invalid] = pushWorkloads(20261129);
 */
export function pushWorkloads(seed: number): PushWorkload[] {
    const history = (s: number) => { const r = seededRandom(s); return Array.from({ length: 100 }, () => uniform(r, 5 * MIN, 30 * MIN)); };
    return [
        {
            key: "push-one", title: "(p) CDN: one push of minutes", historyMs: history(seed + 31),
            description: "one push of 10 URLs, done 5-30 min (uniform, Tencent's FAQ) after submission, its URLs ending over its last " +
                "60 s; the account's 100 earlier pushes from the same durations; 51 trials",
            trials: trials(51, seed + 32, (r, t) => [push(t + 1, 0, 0, uniform(r, 5 * MIN, 30 * MIN))]),
        },
        {
            key: "push-gated50", title: "(q) CDN: 50 pushes in one deployment", historyMs: history(seed + 33),
            description: "50 pushes of 10 URLs submitted over 0-5 s; a trial's pushes take D = 5-26 min, each D x 0.85-1.15 (so " +
                "4-30 min); 10 trials",
            trials: trials(10, seed + 34, (r, t) => {
                const d = uniform(r, 5 * MIN, 26 * MIN);
                return Array.from({ length: 50 }, (_, i) => push(t + 1, i, uniform(r, 0, 5 * S), d * uniform(r, 0.85, 1.15)));
            }),
        },
        {
            key: "push-invalid", title: "(r) CDN: one push with a URL the origin lacks", historyMs: history(seed + 35),
            description: "as (p), but the first URL ends `invalid` 2-5 s after submission (the origin answered 404 at once) while the " +
                "others go on: the wait must fail, and soon; 21 trials",
            trials: trials(21, seed + 36, (r, t) => [push(t + 1, 0, 0, uniform(r, 5 * MIN, 30 * MIN), uniform(r, 2 * S, 5 * S))]),
        },
    ];
}
