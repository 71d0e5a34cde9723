/**
 * The provider object Pulumi serializes into the state for every resource of this package. It holds only the
 * path of the compiled host module and a resource kind, and loads the implementation when the engine's
 * dynamic-provider host calls it: no credential, client or config can be captured, and the text stays small.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/host";

let foundHostModule: string | undefined;

/** Where the compiled host module is: beside this file when installed, under `bin/` when run from source. */
function hostModulePath(): string {
    if (foundHostModule) {
        return foundHostModule;
    }
    const candidates = [path.join(__dirname, "..", "provider", "host.js"), path.join(__dirname, "..", "bin", "provider", "host.js")];
    const found = candidates.find((c) => fs.existsSync(c));
    if (!found) {
        throw new Error(`pulumi-tencentcloud-purge: the compiled provider (provider/host.js) was not found in ` +
            `${candidates.join(" or ")}; run "npm run build"`);
    }
    foundHostModule = found;
    return found;
}

/**
 * The serialized provider for resources of `kind`.
 *
 * @example
 * new pulumi.dynamic.Resource(hostedProvider("waiter"), name, props, opts, "tencentcloud-purge", "PurgeTaskWaiter");
 */
export function hostedProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
    const modulePath = hostModulePath();
    // Each method requires the host module by its absolute path; Node's module cache makes that one load per host.
    return {
        configure: (req) => require(modulePath).configure(req),
        check: (olds, news) => require(modulePath).providers[kind].check(olds, news),
        diff: (id, olds, news) => require(modulePath).providers[kind].diff(id, olds, news),
        create: (inputs) => require(modulePath).providers[kind].create(inputs),
        update: (id, olds, news) => require(modulePath).providers[kind].update(id, olds, news),
        read: (id, props) => require(modulePath).providers[kind].read(id, props),
        delete: (id, props) => require(modulePath).providers[kind].delete(id, props),
    };
}

/** The module of this package's type tokens: `pulumi-nodejs:dynamic/tencentcloud-purge:<Type>`. */
export const TOKEN_MODULE = "tencentcloud-purge";

/**
 * The resource's own URN, given to the provider as an input so its progress messages can name the resource
 * (the dynamic-provider host does not tell a provider which resource it works on).
 *
 * @example
 * const urn = urnInput("site", "UrlPurge", opts);
 */
export function urnInput(name: string, type: string, opts?: pulumi.CustomResourceOptions): pulumi.Output<string> {
    return pulumi.createUrn(name, `pulumi-nodejs:dynamic/${TOKEN_MODULE}:${type}`, opts?.parent);
}
