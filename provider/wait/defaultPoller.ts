/**
 * The process-wide poller for the provider host: every wait in the process shares it, so fifty purges
 * gated in one deployment cost one round of reads, not fifty.
 */
import { PurgeApi } from "../types";
import { CoalescingPoller } from "./coalescingPoller";
import { realClock, realSleep } from "../clock";

// Keyed by the API client, so waits under different credentials (accounts) never share reads. Callers should
// reuse one client per connection; a WeakMap lets a dropped client take its poller with it.
const pollers = new WeakMap<PurgeApi, CoalescingPoller>();

/**
 * The shared poller for an API client, created on first use with the real clock and default timing.
 *
 * @example
 * const watch = getDefaultPoller(client).watch(taskId, { since: submittedAt });
 */
export function getDefaultPoller(api: PurgeApi): CoalescingPoller {
    let poller = pollers.get(api);
    if (!poller) {
        poller = new CoalescingPoller({ api, clock: realClock, sleep: realSleep, random: Math.random });
        pollers.set(api, poller);
    }
    return poller;
}
