/**
 * Cancellation of every wait in a host process. The provider plugin's Cancel call (the engine's answer to
 * Ctrl-C) ends the waits at once: each fails as "cancelled" and keeps its task ids in the state, so the next
 * `pulumi up` resumes it instead of purging again.
 */
import { setMaxListeners } from "events";

const controller = new AbortController();
// Every running wait listens to this one signal; fifty gated purges must not trip Node's leak warning.
setMaxListeners(0, controller.signal);

/**
 * The signal every wait of this process listens to.
 *
 * @example
 * waitForPurge({ ...options, signal: hostSignal() });
 */
export function hostSignal(): AbortSignal {
    return controller.signal;
}

/**
 * Stops every running and later wait of this process; the engine shuts the host down after a cancel.
 *
 * @example
 * cancelWaits(); // from the plugin's Cancel RPC
 */
export function cancelWaits(): void {
    controller.abort(new Error("the engine cancelled the operation"));
}
