import * as pulumi from "@pulumi/pulumi";

/**
 * Stands in for whatever must come after the purge (switching traffic, announcing a release, a smoke test):
 * it only records when it was created, so you can see that it came after the purge finished.
 *
 * @example
 * new ReleaseMarker("release", { note: "v42" }, { dependsOn: [gate] });
 */
export class ReleaseMarker extends pulumi.dynamic.Resource {
    public readonly createdAt!: pulumi.Output<string>;

    constructor(name: string, args: { note: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
        super({
            async create(inputs: { note: string }) {
                const createdAt = new Date().toISOString();
                return { id: `release-${createdAt}`, outs: { ...inputs, createdAt } };
            },
        }, name, { ...args, createdAt: undefined }, opts, "examples", "ReleaseMarker");
    }
}
