/**
 * The release bundle's stand-ins (scripts/pluginBundle/) give the plugin what the modules they replace give it:
 * the same secret signature as Pulumi's runtime, and every module of `@pulumi/pulumi` the providers load, by
 * the same names.
 */
import * as assert from "assert";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { pulumiModule as installed, PulumiModuleName } from "../provider/pulumiModules";
import { pulumiModule as bundled } from "../scripts/pluginBundle/pulumiModules";
import * as signature from "../scripts/pluginBundle/secretSignature";

const NAMES: PulumiModuleName[] = ["@grpc/grpc-js", "google-protobuf/google/protobuf/struct_pb", "google-protobuf/google/protobuf/empty_pb",
    "google-protobuf/google/protobuf/any_pb", "proto/provider_grpc_pb", "proto/provider_pb", "proto/plugin_pb", "proto/status_pb",
    "proto/engine_grpc_pb", "proto/engine_pb"];

describe("the plugin bundle's stand-ins", () => {
    it("mark secrets with Pulumi's own signature", () => {
        assert.deepStrictEqual([signature.specialSigKey, signature.specialSecretSig], [rpc.specialSigKey, rpc.specialSecretSig]);
    });

    it("load the same modules of @pulumi/pulumi as the installed package does, by the same names", () => {
        for (const name of NAMES) {
            assert.strictEqual(bundled(name), installed(name), name);
        }
    });
});
