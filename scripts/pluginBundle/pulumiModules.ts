/**
 * The release bundle's stand-in for `provider/base/pulumiModules.ts`: the same modules, required by static names so
 * that the bundler includes them. In the bundle there is one copy of each, so resolving them from
 * `@pulumi/pulumi`'s folder (what the original does) is not needed, and there is no `@pulumi/pulumi` install
 * to resolve from.
 */
import type { PulumiModuleName } from "../../provider/base/pulumiModules";

// Thunks, so that a module is loaded (and parsed) only when first asked for: GetSchema needs no engine client.
const MODULES: Record<PulumiModuleName, () => any> = {
    "@grpc/grpc-js": () => require("@grpc/grpc-js"),
    "google-protobuf/google/protobuf/struct_pb": () => require("google-protobuf/google/protobuf/struct_pb"),
    "google-protobuf/google/protobuf/empty_pb": () => require("google-protobuf/google/protobuf/empty_pb"),
    "google-protobuf/google/protobuf/any_pb": () => require("google-protobuf/google/protobuf/any_pb"),
    "proto/provider_grpc_pb": () => require("@pulumi/pulumi/proto/provider_grpc_pb"),
    "proto/provider_pb": () => require("@pulumi/pulumi/proto/provider_pb"),
    "proto/plugin_pb": () => require("@pulumi/pulumi/proto/plugin_pb"),
    "proto/status_pb": () => require("@pulumi/pulumi/proto/status_pb"),
    "proto/engine_grpc_pb": () => require("@pulumi/pulumi/proto/engine_grpc_pb"),
    "proto/engine_pb": () => require("@pulumi/pulumi/proto/engine_pb"),
};

/**
 * Loads one of the modules the providers take from `@pulumi/pulumi`.
 *
 * @example
 * const grpc = pulumiModule("@grpc/grpc-js");
 */
export function pulumiModule(name: PulumiModuleName): any {
    return MODULES[name]();
}
