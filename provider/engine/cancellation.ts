/**
 * Cooperative cancellation in the provider host. When the engine asks its providers to cancel (the first
 * Ctrl-C of `pulumi up`), every wait in the host stops at once and its resource is reported as created but
 * unfinished, with its task ids, just as after a timeout: the next `pulumi up` resumes the wait. Nothing new is
 * submitted after a cancel. A provider host stays cancelled for the rest of its life: the engine starts no new
 * operation after a cancel, and a later update runs in a new host process.
 */

import { setMaxListeners } from "events";

const controller = new AbortController();
// Every request, retry pause and wait in flight in the host listens to this one signal, each removing its
// listener when done: with many resources in one update far more than Node's default of 10 listen at once,
// which is no leak, so Node must not warn about one in the user's output.
setMaxListeners(0, controller.signal);

/**
 * The signal every wait and submission in this host listens to.
 *
 * @example
 * const signal = hostCancelSignal(); if (signal.aborted) throw signal.reason;
 */
export function hostCancelSignal(): AbortSignal {
    return controller.signal;
}

/**
 * Stops every wait in this host, now and later. A provider plugin calls this from its Cancel handler.
 *
 * @example
 * cancelHostOperations(); // the engine's Cancel request arrived
 */
export function cancelHostOperations(): void {
    controller.abort(new Error("Pulumi is cancelling the update"));
}
