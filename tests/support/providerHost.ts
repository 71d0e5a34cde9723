/**
 * Runs Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) as the engine does, as a
 * child process speaking gRPC, and calls it like the engine would.
 */
import { ChildProcess, spawn } from "child_process";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";

/* eslint-disable @typescript-eslint/no-require-imports */
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");

type Props = Record<string, unknown>;

export interface HostError extends Error {
    /** Properties of a partly created resource (ErrorResourceInitFailed), if the host sent them. */
    partial?: { id: string; properties: Props };
}

/** A started host. `stderr` collects what the host printed there. */
export class ProviderHost {
    stderr = "";
    private constructor(private readonly child: ChildProcess, private readonly client: any) {}

    /**
     * Starts a host with `env` added to this process's environment, in `cwd` (the engine runs it in the program's
     * folder). `engine` is the engine's address: by default one where nothing listens.
     */
    static async start(env: Record<string, string>, cwd = process.cwd(), engine = "127.0.0.1:1"): Promise<ProviderHost> {
        const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
        const child = spawn(process.execPath, [script, engine], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<string>((resolve, reject) => {
            child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
            child.once("exit", (code) => reject(new Error(`provider host exited with ${code}`)));
        });
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const host = new ProviderHost(child, client);
        child.stderr!.on("data", (d: Buffer) => (host.stderr += d.toString()));
        return host;
    }

    /** The `__provider` text Pulumi stores for `provider`, exactly as a dynamic resource serializes it. */
    static async serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
        return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
    }

    async configure(config: Record<string, string>): Promise<void> {
        const req = new provproto.ConfigureRequest();
        req.setArgs(structproto.Struct.fromJavaScript(config));
        await this.call("configure", req);
    }

    async check(olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const req = new provproto.CheckRequest();
        req.setOlds(structproto.Struct.fromJavaScript(olds));
        req.setNews(structproto.Struct.fromJavaScript(news));
        const resp = await this.call("check", req);
        return {
            inputs: resp.getInputs().toJavaScript(),
            failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(id: string, olds: Props, news: Props): Promise<"none" | "some" | "unknown"> {
        const req = new provproto.DiffRequest();
        req.setId(id);
        req.setOlds(structproto.Struct.fromJavaScript(olds));
        req.setNews(structproto.Struct.fromJavaScript(news));
        const resp = await this.call("diff", req);
        return (["unknown", "none", "some"] as const)[resp.getChanges()];
    }

    async create(props: Props): Promise<{ id: string; properties: Props }> {
        const req = new provproto.CreateRequest();
        req.setProperties(structproto.Struct.fromJavaScript(props));
        const resp = await this.call("create", req);
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript() };
    }

    async update(id: string, olds: Props, news: Props): Promise<Props> {
        const req = new provproto.UpdateRequest();
        req.setId(id);
        req.setOlds(structproto.Struct.fromJavaScript(olds));
        req.setNews(structproto.Struct.fromJavaScript(news));
        return (await this.call("update", req)).getProperties().toJavaScript();
    }

    async read(id: string, props: Props): Promise<{ id: string; properties: Props }> {
        const req = new provproto.ReadRequest();
        req.setId(id);
        req.setProperties(structproto.Struct.fromJavaScript(props));
        const resp = await this.call("read", req);
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript() };
    }

    async delete(id: string, props: Props): Promise<void> {
        const req = new provproto.DeleteRequest();
        req.setId(id);
        req.setProperties(structproto.Struct.fromJavaScript(props));
        await this.call("delete", req);
    }

    /** The engine's Cancel request, as `pulumi up` sends it on the first Ctrl-C. */
    async cancel(): Promise<void> {
        await this.call("cancel", new emptyproto.Empty());
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private call(method: string, req: unknown): Promise<any> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (err: grpc.ServiceError | null, resp: any) => {
                if (err) {
                    reject(withPartialState(err));
                } else {
                    resolve(resp);
                }
            });
        });
    }
}

/** Decodes ErrorResourceInitFailed from the status details, as the engine does. */
function withPartialState(err: grpc.ServiceError): HostError {
    const e: HostError = new Error(err.details || err.message);
    const bin = err.metadata?.get("grpc-status-details-bin")?.[0];
    if (bin) {
        const statusproto = require("@pulumi/pulumi/proto/status_pb");
        const status = statusproto.Status.deserializeBinary(bin);
        for (const any of status.getDetailsList()) {
            const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue());
            e.partial = { id: detail.getId(), properties: detail.getProperties().toJavaScript() };
        }
    }
    return e;
}
