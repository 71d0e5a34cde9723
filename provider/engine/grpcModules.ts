/**
 * The gRPC runtime and Pulumi's generated provider-protocol stubs, from the copies `@pulumi/pulumi` ships and
 * uses itself: one copy of grpc-js and google-protobuf in the process, whatever else the install holds.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { pulumiModule } from "../base/pulumiModules";

/** `@grpc/grpc-js`. */
export const grpc: typeof grpcTypes = pulumiModule("@grpc/grpc-js");
/** The ResourceProvider service definition. */
export const providerRpc = pulumiModule("proto/provider_grpc_pb");
/** Messages of the provider protocol. */
export const providerProto: typeof providerPb = pulumiModule("proto/provider_pb");
/** PluginInfo. */
export const pluginProto: typeof pluginPb = pulumiModule("proto/plugin_pb");
/** google.rpc.Status, which carries the details of a partly created resource. */
export const statusProto = pulumiModule("proto/status_pb");
/** google.protobuf.Struct, the protocol's property bags. */
export const structProto: typeof structPb = pulumiModule("google-protobuf/google/protobuf/struct_pb");
/** google.protobuf.Empty. */
export const emptyProto = pulumiModule("google-protobuf/google/protobuf/empty_pb");
/** google.protobuf.Any. */
export const anyProto = pulumiModule("google-protobuf/google/protobuf/any_pb");

/**
 * Property bag from a Struct (undefined when absent).
 *
 * @example
 * const news = fromStruct(req.getNews());
 */
export function fromStruct(s: structPb.Struct | undefined): Record<string, unknown> {
    return (s?.toJavaScript() ?? {}) as Record<string, unknown>;
}

/**
 * A Struct from a property bag; `undefined` values are left out (a Struct cannot hold them).
 *
 * @example
 * resp.setProperties(toStruct({ status: "done", completedAt: undefined }));
 */
export function toStruct(props: Record<string, unknown>): structPb.Struct {
    return structProto.Struct.fromJavaScript(JSON.parse(JSON.stringify(props)));
}
