/**
 * A lower bound for any shared polling schedule, even one that knows every completion time in advance.
 *
 * A round at time r releases every task done in [r - m, r] with a delay of at most m. So for the median delay
 * to be at most m, rounds must fall within m after at least half of the completions; and every trial needs a
 * round at or after its last completion to release it at all. The fewest rounds that do both, summed over the
 * trials of a workload, bounds from below the calls of every coalescing schedule with one call per round.
 */

/**
 * The most of the instants `points` that `windows` windows of length `m` can cover, for every window count
 * 0..min(points.length, maxWindows).
 *
 * @example
 * coverCurve([0, 1, 10, 11, 12], 2); // [0, 3, 5, 5, 5, 5]
 */
export function coverCurve(points: readonly number[], m: number, maxWindows = points.length): number[] {
    const p = [...points].sort((a, b) => a - b);
    const n = p.length;
    // reach[i]: the first point a window starting at p[i] does not cover.
    const reach = p.map((start) => {
        let j = 0;
        while (j < n && p[j] <= start + m) {
            j++;
        }
        return j;
    });
    // best[w][i]: most points among p[i..] covered by w windows (a window may as well start at a point).
    let previous = new Array<number>(n + 1).fill(0);
    const curve = [0];
    for (let w = 1; w <= Math.min(n, maxWindows); w++) {
        const best = new Array<number>(n + 1).fill(0);
        for (let i = n - 1; i >= 0; i--) {
            best[i] = Math.max(best[i + 1], reach[i] - i + previous[reach[i]]);
        }
        curve.push(best[0]);
        previous = best;
    }
    return curve;
}

/**
 * For one trial: the most completions within `m` before a round, for each total round count 1..n+1, given that
 * one round must come at or after the last completion (it may as well come exactly then).
 *
 * @example
 * trialCurve([0, 1, 10, 11, 12], 2); // [undefined, 3, 5, 5, 5, 5, 5]: one round at 12 covers 10, 11, 12
 */
export function trialCurve(doneAt: readonly number[], m: number): number[] {
    const last = Math.max(...doneAt);
    const byFinal = doneAt.filter((t) => t >= last - m).length;
    const rest = coverCurve(doneAt.filter((t) => t < last - m), m);
    const curve: number[] = [NaN];
    for (let rounds = 1; rounds <= doneAt.length + 1; rounds++) {
        curve.push(byFinal + rest[Math.min(rounds - 1, rest.length - 1)]);
    }
    return curve;
}

/**
 * The fewest rounds, summed over trials, that give at least half of all completions (pooled) a delay of at
 * most `m`, with every task released. Allocates rounds across trials exactly (a small knapsack).
 *
 * @example
 * fewestRounds([[0, 1, 10, 11, 12]], 2); // 1
 */
export function fewestRounds(trials: readonly (readonly number[])[], m: number): number {
    const total = trials.reduce((n, t) => n + t.length, 0);
    const need = Math.ceil(total / 2);
    // cost[c]: fewest rounds so far that cover c completions (capped at `need`).
    let cost = new Array<number>(need + 1).fill(Infinity);
    cost[0] = 0;
    for (const trial of trials) {
        const curve = trialCurve(trial, m);
        const next = new Array<number>(need + 1).fill(Infinity);
        for (let c = 0; c <= need; c++) {
            if (cost[c] === Infinity) {
                continue;
            }
            for (let rounds = 1; rounds < curve.length; rounds++) {
                const covered = Math.min(need, c + curve[rounds]);
                next[covered] = Math.min(next[covered], cost[c] + rounds);
                if (c + curve[rounds] >= need) {
                    break; // more rounds in this trial cannot be cheaper
                }
            }
        }
        cost = next;
    }
    return cost[need];
}

/**
 * A bound for schedules that know how completion times are distributed but not when each task finishes, when
 * tasks finish independently of each other (so seeing some finish tells nothing about the rest). A round then
 * releases within `m` only the tasks that happen to finish in the `m` before it, so the rounds' windows must
 * hold half of the probability mass; estimated from the pooled completion times of every trial (times from the
 * trial's start), plus one round to release the rest. Every trial pays for these rounds as long as it still
 * has a task pending, which holds for windows in the dense early part of the workloads here.
 *
 * @example
 * distributionBound([[0, 10], [5, 15]], 1); // 3: two windows for half of the four completions, one to finish
 */
export function distributionBound(trials: readonly (readonly number[])[], m: number, maxWindows = 400): number {
    const pooled = trials.flat();
    const curve = coverCurve(pooled, m, maxWindows);
    const windows = curve.findIndex((covered) => covered >= pooled.length / 2);
    return windows < 0 ? Infinity : windows + 1;
}

/**
 * A bound for one task waited on alone, by any schedule that knows how its completion time is distributed but
 * not when it finishes: the checks are then one fixed sequence t1 < t2 < ..., and check i is made only while the
 * task is not done at t(i-1). For the median delay to be at most `m`, the windows [t - m, t] of the checks must
 * hold half of the completions; windows that overlap waste checks, so take them apart, and then check i is
 * made with a probability of at least P(done > t(i) - m). The fewest calls per trial is at least the least sum
 * of those probabilities over windows that hold half of the completions (estimated from the trials' completion
 * times, each window starting at one of them), and at least one.
 *
 * @example
 * singleTaskBound([10, 20, 30, 40], 1); // 1: one window at the latest completions costs 1/4, but a trial makes a call
 */
export function singleTaskBound(doneAt: readonly number[], m: number): number {
    const p = [...doneAt].sort((a, b) => a - b);
    const n = p.length;
    const need = Math.ceil(n / 2);
    // cost[i][c]: least sum of P(done > start) over disjoint windows starting at p[i..] that cover c completions.
    const table = new Array<number[]>(n + 1);
    table[n] = new Array<number>(need + 1).fill(Infinity);
    table[n][0] = 0;
    for (let i = n - 1; i >= 0; i--) {
        let reach = i;
        while (reach < n && p[reach] <= p[i] + m) {
            reach++;
        }
        const survive = (n - i) / n; // P(done >= p[i]): the check of a window starting at p[i] is made at least this often
        const row = [...table[i + 1]];
        for (let c = 0; c <= need; c++) {
            const after = table[reach][Math.max(0, c - (reach - i))];
            row[c] = Math.min(row[c], survive + after);
        }
        table[i] = row;
    }
    return Math.max(1, table[0][need]);
}
