import * as pulumi from "@pulumi/pulumi";
import { FlushType } from "../provider/cdn/types";
import { CachePurge, CachePurgeArgs } from "./cachePurge";

/**
 * Inputs of {@link PathPurge}.
 *
 * @example
 * const args: PathPurgeArgs = { paths: ["https://www.example.com/static/"], flushType: "flush" };
 */
export interface PathPurgeArgs extends CachePurgeArgs {
    /** Directory URLs to purge, e.g. `https://www.example.com/static/`. */
    readonly paths: pulumi.Input<pulumi.Input<string>[]>;
    /** `flush`: only resources that changed; `delete`: everything under the path. */
    readonly flushType: pulumi.Input<FlushType>;
}

/**
 * Purges directories from the CDN cache (PurgePathCache) and waits until done. Changing `paths`, `flushType`
 * or `triggers` purges again; deleting the resource does nothing at the CDN.
 *
 * @example
 * const p = new PathPurge("assets", { paths: ["https://www.example.com/static/"], flushType: "flush" });
 */
export class PathPurge extends CachePurge {
    constructor(name: string, args: PathPurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super("pathPurge", "PathPurge", name, args, opts);
    }
}
