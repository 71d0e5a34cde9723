import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/host";
import { hostedProvider, TOKEN_MODULE, urnInput } from "./hostedProvider";

/**
 * Inputs that may carry credentials (a prefetch's `headers`, e.g. `Authorization: Bearer ...`), as the
 * description marks them secret: given in plain text, they are still stored encrypted, in the inputs and the
 * outputs of the state alike.
 */
const SECRET_INPUTS = ["headers"] as const;

/**
 * What every resource that submits work and waits for it has in common (UrlPurge, PathPurge, UrlPush,
 * `edgeone.Purge`, `edgeone.Prefetch`): its outputs, each left to the provider, and the resource's URN as an
 * input so that its messages can name it. A product's base adds its own ids (`taskId`s, `jobId`s).
 *
 * @example
 * class UrlPush extends SubmittingResource { constructor(n, a, o) { super("urlPush", "UrlPush", ["taskId", "taskIds"], n, a, o); } }
 */
export abstract class SubmittingResource extends pulumi.dynamic.Resource {
    /** How many of the items (URLs, paths or targets) were submitted so far. */
    public readonly submitted!: pulumi.Output<number>;
    /** Which submission of these inputs the tasks or jobs are, from 1 (what failed is submitted again, up to 3 times). */
    public readonly attempt!: pulumi.Output<number>;
    /** Done (`done`, EdgeOne's `success`) once every item is; pending (`process`, `processing`) with `wait: false`. */
    public readonly status!: pulumi.Output<string>;
    /** When the wait saw every item done (ISO-8601). */
    public readonly completedAt!: pulumi.Output<string | undefined>;

    protected constructor(kind: ResourceKind, type: string, ids: readonly [one: string, all: string], name: string, args: object,
        opts?: pulumi.CustomResourceOptions) {
        const given = args as Record<string, unknown>;
        const secret = SECRET_INPUTS.filter((k) => given[k] !== undefined);
        super(hostedProvider(kind), name, {
            ...args, ...Object.fromEntries(secret.map((k) => [k, pulumi.secret(given[k])])),
            resourceUrn: urnInput(name, type, opts), [ids[0]]: undefined, [ids[1]]: undefined,
            submitted: undefined, attempt: undefined, status: undefined, completedAt: undefined,
        }, secret.length > 0 ? { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secret] } : opts, TOKEN_MODULE, type);
    }
}
