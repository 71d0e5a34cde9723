/**
 * The release bundle's stand-ins (scripts/pluginBundle/) give the plugin what the modules they replace give it:
 * the same secret signature as Pulumi's runtime, and every module of `@pulumi/pulumi` the providers load, by
 * the same names.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { pulumiModule as installed, PulumiModuleName } from "../../provider/base/pulumiModules";
import { bundlePlugin } from "../../scripts/bundlePlugin";
import { pulumiModule as bundled } from "../../scripts/pluginBundle/pulumiModules";
import * as signature from "../../scripts/pluginBundle/secretSignature";

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

    it("bundles only the Tencent Cloud products the plugin calls, and no part of Pulumi's program runtime", async function () {
        this.timeout(60_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-bundle-"));
        try {
            const { tencentProducts, file } = await bundlePlugin(dir);
            assert.ok(tencentProducts.includes("cdn"), tencentProducts.join(", "));
            assert.deepStrictEqual(tencentProducts.filter((p) => !["cdn", "sts", "teo"].includes(p)), []);
            const text = fs.readFileSync(file, "utf8");
            assert.ok(!text.includes("RegisterResourceRequest"), "the bundle holds Pulumi's resource-monitor stubs (its program runtime)");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
