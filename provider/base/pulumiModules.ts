/**
 * Modules of the `@pulumi/pulumi` install the program runs with: its gRPC runtime, its protobuf runtime and the
 * generated protocol stubs. They are resolved from `@pulumi/pulumi`'s own folder, so the process holds one copy
 * of grpc-js and google-protobuf whatever else the install holds (a second copy would not recognise the first
 * one's messages). The plugin's release bundle replaces this module with `scripts/pluginBundle/pulumiModules.ts`,
 * which names the same modules statically so that the bundler can follow them.
 */
import * as path from "path";

/** The modules the providers load from `@pulumi/pulumi`'s install, by the name the bundle also knows them by. */
export type PulumiModuleName =
    | "@grpc/grpc-js"
    | "google-protobuf/google/protobuf/struct_pb"
    | "google-protobuf/google/protobuf/empty_pb"
    | "google-protobuf/google/protobuf/any_pb"
    | "proto/provider_grpc_pb"
    | "proto/provider_pb"
    | "proto/plugin_pb"
    | "proto/status_pb"
    | "proto/engine_grpc_pb"
    | "proto/engine_pb";

/**
 * Loads one of them. Throws (module not found) outside an install that has `@pulumi/pulumi`.
 *
 * @example
 * const grpc = pulumiModule("@grpc/grpc-js");
 */
export function pulumiModule(name: PulumiModuleName): any {
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    return name.startsWith("proto/")
        ? require(path.join(pulumiDir, name))
        : require(require.resolve(name, { paths: [pulumiDir] }));
}
