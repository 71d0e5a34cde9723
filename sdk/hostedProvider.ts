/**
 * The provider object Pulumi serializes into the state for every resource of this package. It holds only a
 * resource kind: the implementation is found when the engine's dynamic-provider host calls it, from the folder
 * the program runs in now. A state written in one folder therefore refreshes, updates and destroys from another
 * (a CI runner, a moved project, an upgraded package), and no credential, client or config can be captured.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider/host";

/** The module of this package's type tokens: `pulumi-nodejs:dynamic/tencentcloud-purge:<Type>`. */
export const TOKEN_MODULE = "tencentcloud-purge";

/**
 * The serialized provider for resources of `kind`.
 *
 * Pulumi serializes these closures with the text of every function they reach, so everything the host needs
 * to find the implementation is written inline here, and nothing of this process (no path, no config) is
 * captured. Pulumi's dynamic-provider host runs in the program's folder and finds `@pulumi/pulumi` from there;
 * this package is resolved by name the same way (from that folder, its parents, or `NODE_PATH`). A checkout of
 * this repository (its examples and tests) falls back to its own build.
 *
 * @example
 * new pulumi.dynamic.Resource(hostedProvider("waiter"), name, props, opts, "tencentcloud-purge", "PurgeTaskWaiter");
 */
export function hostedProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
    const host = () => {
        const name = "pulumi-tencentcloud-purge";
        const fs = require("fs");
        const path = require("path");
        try {
            return require(require.resolve(`${name}/provider-host`, { paths: [process.cwd()] }));
        } catch (e) {
            if ((e as { code?: string }).code !== "MODULE_NOT_FOUND") throw e;
        }
        for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
            const manifest = path.join(dir, "package.json");
            if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === name) {
                const built = path.join(dir, "bin/provider/host.js");
                if (!fs.existsSync(built)) throw new Error(`${name} at ${dir} is not built: run "npm run build" there`);
                return require(built);
            }
        }
        throw new Error(`${name} is not installed where pulumi runs (${process.cwd()}): run "npm install ${name}" there`);
    };
    // Short names: each method below is serialized with what it captures, in every resource's state.
    const on = (m: string) => (...a: unknown[]) => host().providers[kind][m](...a);
    return {
        configure: (req) => host().configure(req),
        check: on("check"), diff: on("diff"), create: on("create"), update: on("update"), read: on("read"), delete: on("delete"),
    };
}

/**
 * `opts`, or a clear error when they ask to import. Pulumi's dynamic-provider host cannot adopt an existing
 * resource: for an import the engine sends it no serialized provider, and it fails with "code must be a string,
 * not undefined" before any code of this package runs. So the resource class refuses first, saying what works.
 *
 * @example
 * super(hostedProvider(kind), name, props, withoutImport("UrlPurge", opts), TOKEN_MODULE, "UrlPurge");
 */
export function withoutImport(type: string, opts?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions | undefined {
    if (opts?.import === undefined) {
        return opts;
    }
    // Prefetches are gated by their own waiter.
    const waiter = type === "UrlPush" || type === "PushTaskWaiter" ? "PushTaskWaiter" : "PurgeTaskWaiter";
    const what = waiter === "PushTaskWaiter" ? "prefetch" : "purge";
    const gate = type === waiter
        ? `Drop the \`import\` option: a ${waiter} given the task id (\`taskId\`) adopts that task by reading it, and ` +
          "is created at once when the task is already done"
        : `To gate on a ${what} submitted elsewhere, declare a ${waiter} with its task id instead ` +
          `(\`new ${waiter}(name, { taskId })\`): it reads the task and ${what === "purge" ? "purges" : "prefetches"} nothing`;
    throw new Error(`${type} cannot be imported (the \`import\` option): Pulumi's dynamic-provider host, which runs this ` +
        `package's resources for TypeScript and JavaScript, cannot adopt existing resources. ${gate}. Programs using the ` +
        `provider plugin (Python, Go, YAML) can import tencentcloud-purge:index:${type} by task id`);
}

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
