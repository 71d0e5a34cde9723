/**
 * What every `get...Output` function of the package shares: arguments that may be Outputs (with `Date`s kept),
 * arguments known now checked now, the read made once `dependsOn` is created, and a connection that may hold
 * Outputs too.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConnectionInput } from "../provider/client/connection";

/** The options every `get...Output` function takes. */
export interface ReadingOutputOptions {
    readonly connection?: { readonly [K in keyof ConnectionInput]?: pulumi.Input<ConnectionInput[K]> };
    /**
     * Resources to read after: the read is made once each custom resource is created or updated (its id is
     * known) and each component is registered. In a preview where one of them is still to be created, the
     * result is unknown and nothing is read. Resources that use the result depend on these too.
     */
    readonly dependsOn?: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource>;
}

/**
 * The result of `read` as an Output: `check` runs at once on arguments all known now, so a bad one fails the
 * program once, with no promise rejected inside an Output that the runtime reports unhandled and Node then warns
 * was handled late; `read` runs with the plain arguments once they and `dependsOn` are known.
 *
 * @example
 * return readingOutput(args, opts, toTaskQuery, (a, connection) => getPurgeTasks(a, { connection }));
 */
export function readingOutput<R>(args: object, opts: ReadingOutputOptions, check: (plain: Record<string, unknown>) => unknown,
    read: (args: Record<string, unknown>, connection: ConnectionInput) => Promise<R>): pulumi.Output<R> {
    const plainArgs = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, withoutDates(v)]));
    if (Object.values(plainArgs).every((v) => !pulumi.Output.isInstance(v) && !(v instanceof Promise))) {
        check(plainArgs);
    }
    return pulumi.all([pulumi.output(plainArgs), pulumi.output(opts.connection ?? {}), created(opts.dependsOn)])
        .apply(([a, connection]) => read(a as Record<string, unknown>, connection as ConnectionInput));
}

/**
 * An input with any `Date` turned into ISO-8601 text: `pulumi.output()` turns a `Date` into an empty object, so
 * dates are converted before they travel through an Output (also when they arrive in a Promise or an Output).
 *
 * @example
 * pulumi.output(withoutDates(new Date())); // an ISO string, not {}
 */
export function withoutDates(value: unknown): unknown {
    const plain = (v: unknown) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString()) : v);
    if (pulumi.Output.isInstance(value)) {
        return value.apply(plain);
    }
    if (value instanceof Promise) {
        return value.then(plain);
    }
    return plain(value);
}

/**
 * Known once every resource of `dependsOn` is created: custom resources by their id, components by their URN.
 *
 * @example
 * pulumi.all([args, created(opts.dependsOn)]).apply(([a]) => read(a));
 */
export function created(dependsOn: ReadingOutputOptions["dependsOn"]): pulumi.Output<unknown> {
    return pulumi.output(dependsOn ?? []).apply((deps) => {
        const resources = (Array.isArray(deps) ? deps : [deps]) as pulumi.Resource[];
        return pulumi.all(resources.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn)));
    });
}
