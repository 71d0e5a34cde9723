/**
 * Progress of a wait, shown while `pulumi up` runs. The engine shows what a provider plugin writes to its
 * standard error as diagnostics of the update, so one line per check reaches the user.
 */
import { WaitProgress } from "../wait/waitResult";

/**
 * Writes one progress line for `label`.
 *
 * @example
 * reportProgress("UrlPurge site", { done: 3, failed: 0, pending: 2, total: 5, attempt: 4, nextCheckInMs: 2000, elapsedMs: 9000 });
 */
export function reportProgress(label: string, p: WaitProgress): void {
    const next = p.nextCheckInMs === null ? "" : `, next check in ${Math.max(0, Math.round(p.nextCheckInMs / 100) / 10)} s`;
    process.stderr.write(`${label}: ${p.done}/${p.total} done, ${p.pending} pending, ${p.failed} failed` +
        ` after ${Math.round(p.elapsedMs / 1000)} s${next}\n`);
}
