import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/host";
import { withoutImport } from "./hostedProvider";
import { SubmittingResource } from "./submittingResource";

/**
 * What every CDN resource that submits tasks has in common (UrlPurge, PathPurge, UrlPush): the task ids it
 * outputs, and no `import` option (the dynamic-provider host cannot adopt; the error says what works).
 *
 * @example
 * class UrlPush extends CdnTasks { constructor(n, a, o) { super("urlPush", "UrlPush", n, a, o); } }
 */
export abstract class CdnTasks extends SubmittingResource {
    /** The first (usually only) task id. */
    public readonly taskId!: pulumi.Output<string>;
    /** Every task id, one per batch the list was split into. */
    public readonly taskIds!: pulumi.Output<string[]>;

    protected constructor(kind: ResourceKind, type: string, name: string, args: object, opts?: pulumi.CustomResourceOptions) {
        super(kind, type, ["taskId", "taskIds"], name, args, withoutImport(type, opts));
    }
}
