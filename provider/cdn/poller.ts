/**
 * The shared poller for CDN purge tasks: one per client (account), so every wait of a process on that account
 * shares its rounds.
 */
import { realClock, realSleep } from "../base/clock";
import { CoalescingPoller, CoalescingPollerOptions } from "../wait";
import { cdnJobReader } from "./jobReader";
import { CDN_RECORDS } from "./records";
import { PurgeApi, PurgeTask } from "./types";

/**
 * What a poller of CDN tasks reads with: CDN's reader over `api` and CDN's records.
 *
 * @example
 * const poller = new CoalescingPoller({ ...cdnPolling(client), clock, sleep, random });
 */
export function cdnPolling(api: PurgeApi): Pick<CoalescingPollerOptions<PurgeTask>, "reader" | "records"> {
    return { reader: cdnJobReader(api), records: CDN_RECORDS };
}

// Keyed by the API client, so waits under different credentials (accounts) never share reads. Callers should
// reuse one client per connection; a WeakMap lets a dropped client take its poller with it.
const pollers = new WeakMap<PurgeApi, CoalescingPoller<PurgeTask>>();

/**
 * The shared poller for an API client, created on first use with the real clock and default timing.
 *
 * @example
 * const watch = cdnPoller(client).watch(taskId, { since: submittedAt });
 */
export function cdnPoller(api: PurgeApi): CoalescingPoller<PurgeTask> {
    let poller = pollers.get(api);
    if (!poller) {
        poller = new CoalescingPoller({ ...cdnPolling(api), clock: realClock, sleep: realSleep, random: Math.random });
        pollers.set(api, poller);
    }
    return poller;
}
