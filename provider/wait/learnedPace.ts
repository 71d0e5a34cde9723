/**
 * When a job watched alone is worth checking, from how long the account's recent jobs took (`recentDurations.ts`):
 * a check costs a call, and is worth it when the delay it saves is worth more. After a check at `t` that found the
 * job running, the next one is made at the `τ` where the delay the job would have gathered by then, if it finished
 * since `t`, reaches the price of one call: `E[(τ - D)+ | D > t] = price`, `D` drawn from the recent durations.
 * Where few jobs finish (before the shortest recent one, or in a thin stretch) that is far off; where many do, soon.
 * With a constant hazard `h` (the share of running jobs that finish per second) the gap is `sqrt(2 x price / h)`:
 * the square root of the inspection schedules of reliability theory, and of the shared poller's `changePaceMs`.
 */
import { RecordKind } from "../base/recordKind";

/**
 * What a product's prefetch gives its checks: the price of one call, in ms of release delay. Chosen with `npm run
 * bench` (one prefetch of 5-30 minutes, EdgeOne and CDN): see bench/README.md, "The pace of a prefetch".
 */
export const PREFETCH_CALL_PRICE_MS = 120;

/**
 * One check this long after submission, before the learned ones: a URL the origin lacks ends `invalid` within
 * seconds (the origin answers 4xx at once), where the learned pace, knowing only how long finished jobs took, first
 * looks about two minutes later. The trade-off, from `npm run bench` (bench/README.md, "The pace of a prefetch"):
 * one call more a prefetch (CDN (p) 66.8 -> 67.9 calls, EdgeOne (i) 69.3 -> 70.3; release delays within the
 * trials' noise) for a typo'd URL failing the release 15 s after submission instead of 104 s (r). Any time from
 * 10 to 30 s costs the same; sooner risks looking before the origin has answered (then the failure waits for the
 * first learned check, as before), later only delays it.
 */
export const PREFETCH_EARLY_CHECK_MS = 15_000;

/**
 * The half-width of the box each recent duration is spread over, so that the gaps of a sample of some hundred
 * durations (seconds wide, by chance) do not read as stretches where no job finishes: Silverman's rule of thumb
 * (`0.9 x min(sd, IQR / 1.34) x n^-1/5`, a Gaussian's width) as a box of the same spread (x sqrt 3).
 *
 * @example
 * smoothingMs([300_000, 600_000, 900_000]); // about 340000
 */
export function smoothingMs(durations: readonly number[]): number {
    const n = durations.length;
    if (n < 2) {
        return 0;
    }
    const mean = durations.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(durations.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
    const iqr = durations[Math.floor(0.75 * (n - 1))] - durations[Math.floor(0.25 * (n - 1))];
    const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
    return Math.sqrt(3) * 0.9 * spread * n ** -0.2;
}

/** The share of a duration spread over [d - w, d + w] that lies below d + x. */
const below = (x: number, w: number): number => (w === 0 ? (x >= 0 ? 1 : 0) : Math.min(1, Math.max(0, (x + w) / (2 * w))));
/** The integral of {@link below} up to x. */
const belowIntegral = (x: number, w: number): number => (x <= -w ? 0 : x >= w ? x : (x + w) ** 2 / (4 * w));

/**
 * The time (from the job's start, ms) of the next check after one at `elapsedMs` that found it running, given the
 * ascending `durations` of recent jobs (each spread by {@link smoothingMs}); undefined when the job has already run
 * longer than (nearly) every one of them: the durations say nothing more, and the caller checks on its own pace.
 *
 * @example
 * nextCheckAtMs([300_000, 600_000], 0, 100); // a little before 5 minutes
 */
export function nextCheckAtMs(durations: readonly number[], elapsedMs: number, callPriceMs: number): number | undefined {
    const w = smoothingMs(durations);
    const t = elapsedMs;
    const running = durations.reduce((a, d) => a + 1 - below(t - d, w), 0);
    if (running < 0.5) {
        return undefined;
    }
    // The delay gathered by τ by the jobs that finish after t: the sum of ∫ from t to τ of (τ - s) over each spread duration.
    const delay = (tau: number) => durations.reduce((a, d) =>
        a + belowIntegral(tau - d, w) - belowIntegral(t - d, w) - (tau - t) * below(t - d, w), 0);
    const target = callPriceMs * running;
    // The delay grows with τ, at least as fast as `running` once past every duration: bisect.
    let low = t;
    let high = Math.max(t, durations[durations.length - 1] + w) + target / running + 1;
    while (high - low > 10) {
        const mid = (low + high) / 2;
        if (delay(mid) < target) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return high;
}

/**
 * How a wait through the shared poller is paced while its jobs are watched alone: `notBefore` after each check,
 * and what each check read (`seen`).
 *
 * @example
 * const pace: CheckPace<PushTask> = learnedPace({ durations, startedAt, records: PUSH_RECORDS, createdMs });
 * await waitOnPoller(poller, { ...options, pace });
 */
export interface CheckPace<R> {
    /** Epoch ms before which the next check is not worth its call, or undefined to leave it to the poller's pace. */
    notBefore(now: number): number | undefined;
    /** The records the last check read. */
    seen(records: readonly R[]): void;
}

/** What {@link learnedPace} needs. */
export interface LearnedPaceOptions<R> {
    /** Ascending durations of the account's recent jobs, ms (`recentDurationsMs`). */
    readonly durations: readonly number[];
    /** When the jobs were submitted, epoch ms; unknown for jobs from elsewhere or an earlier run (then learned from `createdMs`). */
    readonly startedAt?: number;
    readonly records: RecordKind<R>;
    /** When a record's job was created, epoch ms (the product's time format). */
    createdMs(record: R): number | undefined;
    /** The price of one call in ms of release delay; {@link PREFETCH_CALL_PRICE_MS} by default. */
    readonly callPriceMs?: number;
    /** The first check, ms after `startedAt`, when the learned one comes later; {@link PREFETCH_EARLY_CHECK_MS} by default. */
    readonly earlyCheckMs?: number;
}

/**
 * The pace learned from recent durations (see the file's comment), after one early check (`earlyCheckMs` after
 * submission, when the learned first check comes later) that fails a URL the origin lacks soon. Jobs of unknown
 * start are checked on the poller's pace until a read tells their records' creation time (they are not new: no
 * early check); once some of their records have finished the rest are near
 * (a job's URLs finish within its last minute), and the poller's own pace, which follows changes, takes over; so
 * it does once a job has run longer than nearly all recent ones.
 *
 * @example
 * const pace = learnedPace({ durations: [300_000, 600_000], startedAt: Date.now(), records: PUSH_RECORDS, createdMs });
 * pace.notBefore(Date.now()); // 15 s from now; after that check, a little before 5 minutes from the start
 */
export function learnedPace<R>(options: LearnedPaceOptions<R>): CheckPace<R> {
    let startedAt = options.startedAt;
    let finishing = false;
    let checked = false;
    const price = options.callPriceMs ?? PREFETCH_CALL_PRICE_MS;
    const early = options.earlyCheckMs ?? PREFETCH_EARLY_CHECK_MS;
    return {
        notBefore(now) {
            if (startedAt === undefined || finishing) {
                return undefined;
            }
            const at = nextCheckAtMs(options.durations, now - startedAt, price);
            const first = checked || at === undefined ? at : Math.min(at, early);
            return first === undefined ? undefined : Math.max(now, startedAt + first);
        },
        seen(records) {
            checked = true;
            const created = records.map((r) => options.createdMs(r)).filter((t): t is number => t !== undefined);
            if (startedAt === undefined && created.length > 0) {
                startedAt = Math.min(...created);
            }
            finishing = records.some((r) => options.records.stateOf(r) !== "pending");
        },
    };
}
