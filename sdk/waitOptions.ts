import * as pulumi from "@pulumi/pulumi";

/** How long to wait and how often to look; shared by every resource of this package. */
export interface WaitArgs {
    /** The wait's own deadline, in seconds (the engine's customTimeouts do not reach dynamic providers). Default 600. */
    readonly timeoutSeconds?: pulumi.Input<number>;
    /** The shortest pause between checks, in seconds. Default 1. */
    readonly minDelaySeconds?: pulumi.Input<number>;
    /** The longest pause between checks, in seconds. Default 10. */
    readonly maxDelaySeconds?: pulumi.Input<number>;
    /** Any values; when they change, the resource purges (or waits) again. */
    readonly triggers?: pulumi.Input<unknown[]>;
}
