/**
 * Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) started as the engine starts it, in a
 * child process that prints its gRPC port, and sent the two requests the bench needs: Configure and Create. The
 * tests drive the host more fully; the bench keeps its own few lines, since nothing outside tests/ imports from there.
 */
import { ChildProcess, spawn } from "child_process";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";

const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerProto = require("@pulumi/pulumi/proto/provider_pb");
const structProto = require("google-protobuf/google/protobuf/struct_pb");

/**
 * A running host; `stop()` ends it.
 *
 * @example
 * const host = await DynamicHost.start({ TENCENTCLOUD_CDN_ENDPOINT: emu.url });
 * await host.configure();
 * const outputs = await host.create({ __provider: await DynamicHost.serialize(hostedProvider("waiter")), taskId });
 * host.stop();
 */
export class DynamicHost {
    private constructor(private readonly child: ChildProcess, private readonly client: any) {}

    /** Starts a host with `env` added to this process's environment; the engine address is one where nothing listens. */
    static async start(env: Record<string, string>): Promise<DynamicHost> {
        const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
        const child = spawn(process.execPath, [script, "127.0.0.1:1"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        // The host logs each wait's progress there (the engine would show it); only the last of it explains an early exit.
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
        const port = await new Promise<string>((resolve, reject) => {
            child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
            child.once("exit", (code) => reject(new Error(`the dynamic-provider host exited with ${code}: ${stderr}`)));
        });
        return new DynamicHost(child, new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
    }

    /** The `__provider` text a dynamic resource stores for `provider`. */
    static async serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
        return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
    }

    /** The engine's Configure, with no stack config (the connection comes from the host's environment). */
    async configure(): Promise<void> {
        await this.call("configure", new providerProto.ConfigureRequest().setArgs(structProto.Struct.fromJavaScript({})));
    }

    /** The engine's Create; resolves with the resource's outputs. */
    async create(props: Record<string, unknown>): Promise<Record<string, unknown>> {
        const resp = await this.call("create", new providerProto.CreateRequest().setProperties(structProto.Struct.fromJavaScript(props)));
        return resp.getProperties().toJavaScript();
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private call(method: string, req: unknown): Promise<any> {
        return new Promise((resolve, reject) => this.client[method](req, (err: grpc.ServiceError | null, resp: any) =>
            (err ? reject(new Error(err.details || err.message)) : resolve(resp))));
    }
}
