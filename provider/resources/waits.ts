/**
 * Runs the pure wait loop for the provider host, for any product: real clock and sleep, the user's deadline, and
 * progress shown in `pulumi up`. Waits for job ids share the product's coalescing poller, so many resources waiting at
 * once cost one round of reads; a wait with its own delay tuning, or for a filter, reads on its own schedule.
 */
import { realClock, realSleep } from "../base/clock";
import { BackoffPacing, CheckPace, CoalescingPoller, PurgeCheck, runWaitLoop, waitOnPoller, WaitProgress, WaitResult } from "../wait";
import { RecordKind } from "../base/recordKind";
import { hostCancelSignal } from "../engine/cancellation";
import { WaitSettings } from "../description";
import { engineMessagesDelivered } from "../engine/engineLog";
import { LISTING_LAG_MS } from "./inDoubtLookup";


/** Receives the wait's progress after each check. */
export type ProgressSink = (progress: WaitProgress) => void;

/** The options every wait in the host shares: real time, the user's deadline, progress, the host's cancel. */
function common(settings: WaitSettings, onProgress: ProgressSink) {
    return {
        signal: hostCancelSignal(),
        clock: realClock,
        sleep: realSleep,
        timeoutMs: settings.timeoutSeconds * 1000,
        notVisibleGraceMs: LISTING_LAG_MS, // an empty answer this soon after submitting means "not listed yet"
        onProgress,
    };
}

/**
 * A wait on its own schedule (jittered backoff between the user's delays), reading with `check`; `records` says
 * how to read them.
 *
 * @example
 * await hostWaitOnOwnSchedule((s) => readJobsTasks(api, zoneId, jobIds, s), settings, sink, targets.length, EDGEONE_RECORDS);
 */
export async function hostWaitOnOwnSchedule<R>(check: PurgeCheck<R>, settings: WaitSettings, onProgress: ProgressSink,
    expectedRecords: number | undefined, records: RecordKind<R>, jobIds?: readonly string[]): Promise<WaitResult<R>> {
    const pacing: BackoffPacing = { kind: "backoff", minDelayMs: settings.minDelaySeconds * 1000,
        maxDelayMs: settings.maxDelaySeconds * 1000, random: Math.random };
    return delivered(await runWaitLoop({ check, ...common(settings, onProgress), pacing, expectedRecords, records, jobIds }));
}

/** The wait's last progress line must be on the engine's screen before the step ends, or a stale one stays there. */
async function delivered<T>(result: T): Promise<T> {
    await engineMessagesDelivered();
    return result;
}

/**
 * What a wait through a shared poller watches: the jobs, when they began (API time), when checking starts to pay
 * (once, or per check as a pace learned from recent durations).
 */
export interface PollerJobs<R = unknown> {
    readonly taskIds: readonly string[];
    readonly since?: string;
    readonly notBefore?: number;
    readonly pace?: CheckPace<R>;
}

/**
 * A wait through a product's shared poller, with the host's clock, deadline, progress and cancel.
 *
 * @example
 * await hostWaitOnPoller(edgeOnePoller(api, zoneId), { taskIds: jobIds, since }, settings, sink, n, EDGEONE_RECORDS);
 */
export async function hostWaitOnPoller<R>(poller: CoalescingPoller<R>, jobs: PollerJobs<R>, settings: WaitSettings,
    onProgress: ProgressSink, expectedRecords: number | undefined, records: RecordKind<R>): Promise<WaitResult<R>> {
    return delivered(await waitOnPoller(poller, { ...jobs, ...common(settings, onProgress), expectedRecords, records }));
}
