/**
 * Runs the pure wait loop for the provider host: real clock and sleep, the user's pacing and deadline, and
 * progress shown in `pulumi up`.
 */
import { PurgeApi, PurgeTask } from "../types";
import { readAllPages } from "../paging";
import { realClock, realSleep } from "../wait/realClock";
import { PurgeCheck, waitForPurge, WaitResult } from "../wait/waitForPurge";
import { WaitSettings, WaitTarget } from "./inputs";
import { reportProgress } from "./progress";

/** How long an empty answer right after submitting still means "not visible yet". */
const NOT_VISIBLE_GRACE_MS = 60_000;

/** Reads every record of the given task ids. */
export function tasksCheck(api: PurgeApi, taskIds: readonly string[]): PurgeCheck {
    return async (signal) => {
        const all: PurgeTask[] = [];
        for (const taskId of taskIds) {
            all.push(...(await readAllPages(api, { taskId }, { signal })).purgeLogs);
        }
        return all;
    };
}

/** Reads every record matching a waiter's target. */
export function targetCheck(api: PurgeApi, target: WaitTarget): PurgeCheck {
    return async (signal) => (await readAllPages(api, target, { signal })).purgeLogs;
}

/**
 * Waits with the user's settings; `label` names the resource in progress lines and messages.
 *
 * @example
 * const result = await waitWithSettings(tasksCheck(api, ["1533"]), settings, "UrlPurge site", 1);
 */
export async function waitWithSettings(
    check: PurgeCheck, settings: WaitSettings, label: string, expectedRecords?: number,
): Promise<WaitResult> {
    return waitForPurge({
        check,
        clock: realClock,
        sleep: realSleep,
        random: Math.random,
        timeoutMs: settings.timeoutSeconds * 1000,
        minDelayMs: settings.minDelaySeconds * 1000,
        maxDelayMs: settings.maxDelaySeconds * 1000,
        notVisibleGraceMs: NOT_VISIBLE_GRACE_MS,
        expectedRecords,
        onProgress: (p) => reportProgress(label, p),
    });
}
