import * as pulumi from "@pulumi/pulumi";
import { WaitArgs } from "./waitOptions";

/**
 * The wait options of the prefetch resources: a prefetch takes 5 to 30 minutes by Tencent's FAQ, so its wait is
 * longer than a purge's and, unless a delay is set, paced on the account's recent prefetches (few checks until
 * most of their usual duration has passed, then frequent ones).
 *
 * @example
 * new PushTaskWaiter("warm-gate", { taskIds: warm.taskIds, timeoutSeconds: 3600, maxDelaySeconds: 60 });
 */
export interface PushWaitArgs extends WaitArgs {
    /** The wait's own deadline, in seconds. Default 1800 (a prefetch takes 5 to 30 minutes by Tencent's FAQ). */
    readonly timeoutSeconds?: pulumi.Input<number>;
    /** The shortest pause between checks, in seconds (0.1..600). Default 5 (or `maxDelaySeconds` if shorter). Setting either delay backs off between them instead of the learned pace. */
    readonly minDelaySeconds?: pulumi.Input<number>;
    /** The longest pause between checks, in seconds (0.1..3600). Default 30 (or `minDelaySeconds` if longer). */
    readonly maxDelaySeconds?: pulumi.Input<number>;
}
