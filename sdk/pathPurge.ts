import * as pulumi from "@pulumi/pulumi";
import { FlushType, PurgeArea } from "../provider/types";
import { hostedProvider, TOKEN_MODULE, urnInput } from "./hostedProvider";
import { WaitArgs } from "./waitOptions";

/** Inputs of {@link PathPurge}. */
export interface PathPurgeArgs extends WaitArgs {
    /** Directory URLs to purge, e.g. `https://www.example.com/static/`. */
    readonly paths: pulumi.Input<pulumi.Input<string>[]>;
    /** `flush`: only resources that changed; `delete`: everything under the path. */
    readonly flushType: pulumi.Input<FlushType>;
    readonly area?: pulumi.Input<PurgeArea>;
    readonly urlEncode?: pulumi.Input<boolean>;
    /** Wait until the purge is done (default). With `false`, only submit. */
    readonly wait?: pulumi.Input<boolean>;
}

/**
 * Purges directories from the CDN cache (PurgePathCache) and waits until done. Changing `paths`, `flushType`
 * or `triggers` purges again; deleting the resource does nothing at the CDN.
 *
 * @example
 * const p = new PathPurge("assets", { paths: ["https://www.example.com/static/"], flushType: "flush" });
 */
export class PathPurge extends pulumi.dynamic.Resource {
    public readonly taskId!: pulumi.Output<string>;
    public readonly taskIds!: pulumi.Output<string[]>;
    public readonly status!: pulumi.Output<string>;
    public readonly completedAt!: pulumi.Output<string | undefined>;

    constructor(name: string, args: PathPurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super(hostedProvider("pathPurge"), name,
            { ...args, resourceUrn: urnInput(name, "PathPurge", opts), taskId: undefined, taskIds: undefined, status: undefined,
                completedAt: undefined },
            opts, TOKEN_MODULE, "PathPurge");
    }
}
