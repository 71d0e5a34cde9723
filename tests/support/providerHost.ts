/**
 * Runs Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) as the engine does, as a
 * child process speaking gRPC, and calls it like the engine would (the requests: `rpcHost.ts`).
 */
import { ChildProcess, spawn } from "child_process";
import * as pulumi from "@pulumi/pulumi";
import { CheckFailure, portOf, Props, providerClient, provproto, RpcHost, RpcHostError, struct } from "./rpcHost";

export type HostError = RpcHostError;

/** A started host. `stderr` collects what the host printed there. */
export class ProviderHost extends RpcHost {
    private constructor(child: ChildProcess, client: any) {
        super(child, client);
    }

    /**
     * Starts a host with `env` added to this process's environment, in `cwd` (the engine runs it in the program's
     * folder). `engine` is the engine's address: by default one where nothing listens.
     */
    static async start(env: Record<string, string>, cwd = process.cwd(), engine = "127.0.0.1:1"): Promise<ProviderHost> {
        const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
        const child = spawn(process.execPath, [script, engine], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        const port = await portOf(child, (code) => `provider host exited with ${code}`);
        const host = new ProviderHost(child, providerClient(port));
        child.stderr!.on("data", (d: Buffer) => (host.stderr += d.toString()));
        return host;
    }

    /** The `__provider` text Pulumi stores for `provider`, exactly as a dynamic resource serializes it. */
    static async serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
        return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
    }

    async configure(config: Record<string, string>): Promise<void> {
        await this.call("configure", new provproto.ConfigureRequest().setArgs(struct(config)));
    }

    check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
        return this.checkRequest(undefined, olds, news);
    }

    async diff(id: string, olds: Props, news: Props): Promise<"none" | "some" | "unknown"> {
        return (["unknown", "none", "some"] as const)[(await this.diffRequest(undefined, id, olds, news)).getChanges()];
    }

    create(props: Props): Promise<{ id: string; properties: Props }> {
        return this.createRequest(undefined, props);
    }

    update(id: string, olds: Props, news: Props): Promise<Props> {
        return this.updateRequest(undefined, id, olds, news);
    }

    async read(id: string, props: Props): Promise<{ id: string; properties: Props }> {
        const resp = await this.readRequest(undefined, id, props);
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript() };
    }

    delete(id: string, props: Props): Promise<void> {
        return this.deleteRequest(undefined, id, props);
    }
}
