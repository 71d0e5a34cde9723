import * as pulumi from "@pulumi/pulumi";

/**
 * How long to wait and how often to look; shared by every resource of this package. By default every wait in a
 * deployment shares one adaptive poller (3 s after any change, backing off to 6 s for one task and up to 30 s for
 * many); setting either delay gives this wait its own jittered back-off instead.
 *
 * @example
 * new PurgeTaskWaiter("gate", { taskId, timeoutSeconds: 900, minDelaySeconds: 2, maxDelaySeconds: 20 });
 */
export interface WaitArgs {
    /** The wait's own deadline, in seconds (the engine's customTimeouts do not reach dynamic providers). Default 600. */
    readonly timeoutSeconds?: pulumi.Input<number>;
    /** The shortest pause between checks of this wait's own schedule, in seconds (0.1..600). Default 1 (or `maxDelaySeconds` if shorter) when either delay is set. */
    readonly minDelaySeconds?: pulumi.Input<number>;
    /** The longest pause between checks of this wait's own schedule, in seconds (0.1..3600). Default 10 (or `minDelaySeconds` if longer) when either delay is set. */
    readonly maxDelaySeconds?: pulumi.Input<number>;
    /** Any values; when they change, the resource purges or prefetches again (a waiter waits again). */
    readonly triggers?: pulumi.Input<unknown[]>;
}
