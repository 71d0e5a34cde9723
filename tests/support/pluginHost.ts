/**
 * Runs the provider plugin (`plugin/pulumi-resource-tencentcloud-purge`) as the engine does: a child process
 * given the engine's address, which prints its port; then calls it over gRPC like the engine would. A small
 * stand-in for the engine's own gRPC service records the Log requests the plugin sends (its progress lines).
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

/* eslint-disable @typescript-eslint/no-require-imports */
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const enginerpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

type Props = Record<string, unknown>;
/** The launcher users and the engine run. */
export const PLUGIN = path.join(__dirname, "..", "..", "plugin", "pulumi-resource-tencentcloud-purge");

/** A value marked secret as the engine sends it. */
export const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
/** True when `v` is marked secret. */
export const isSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Props)[specialSigKey] === specialSecretSig;

/** The URN the engine would give a resource of `type` named `name`. */
export const urnOf = (type: string, name = "r") => `urn:pulumi:test::purge::tencentcloud-purge:index:${type}::${name}`;

/** One Log request the plugin sent to the engine. */
export interface LogLine {
    readonly message: string;
    readonly urn: string;
    readonly ephemeral: boolean;
}

export interface PluginError extends Error {
    code?: number;
    /** Properties of a partly created resource (ErrorResourceInitFailed), if the plugin sent them. */
    partial?: { id: string; properties: Props };
}

const struct = (p: Props) => structproto.Struct.fromJavaScript(p);

/** A started plugin with its stand-in engine. `stderr` collects what the plugin printed there. */
export class PluginHost {
    stderr = "";

    private constructor(private readonly child: ChildProcess, private readonly client: any, private readonly engine: grpc.Server,
        /** Every Log request so far, in arrival order. */
        readonly logs: readonly LogLine[]) {}

    static async start(env: Record<string, string> = {}): Promise<PluginHost> {
        const logs: LogLine[] = [];
        const engine = new grpc.Server();
        engine.addService(enginerpc.EngineService, {
            log: (call: any, cb: any) => {
                logs.push({ message: call.request.getMessage(), urn: call.request.getUrn(), ephemeral: call.request.getEphemeral() });
                cb(null, new emptyproto.Empty());
            },
        });
        const enginePort = await new Promise<number>((resolve, reject) =>
            engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
        const child = spawn(PLUGIN, [`127.0.0.1:${enginePort}`], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        const port = await new Promise<string>((resolve, reject) => {
            child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
            child.once("exit", (code) => reject(new Error(`plugin exited with ${code}: ${stderr}`)));
        });
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const host = new PluginHost(child, client, engine, logs);
        host.stderr = stderr;
        child.stderr!.on("data", (d: Buffer) => (host.stderr += d.toString()));
        return host;
    }

    async getSchema(): Promise<string> {
        return (await this.call("getSchema", new provproto.GetSchemaRequest())).getSchema();
    }

    async getPluginInfo(): Promise<string> {
        return (await this.call("getPluginInfo", new emptyproto.Empty())).getVersion();
    }

    /** Configure with the provider's arguments (what stack config `tencentcloud-purge:*` becomes). */
    async configure(args: Props): Promise<{ acceptSecrets: boolean }> {
        const resp = await this.call("configure", new provproto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
        return { acceptSecrets: resp.getAcceptsecrets() };
    }

    async checkConfig(news: Props): Promise<Props> {
        const resp = await this.call("checkConfig", new provproto.CheckRequest().setUrn("urn:pulumi:test::purge::pulumi:providers:tencentcloud-purge::default")
            .setOlds(struct({})).setNews(struct(news)));
        return resp.getInputs().toJavaScript();
    }

    async invoke(tok: string, args: Props): Promise<{ result?: Props; failures: { property: string; reason: string }[] }> {
        const resp = await this.call("invoke", new provproto.InvokeRequest().setTok(tok).setArgs(struct(args)));
        return { result: resp.getReturn()?.toJavaScript(), failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })) };
    }

    async check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const resp = await this.call("check", new provproto.CheckRequest().setUrn(urn).setOlds(struct(olds)).setNews(struct(news)));
        return { inputs: resp.getInputs().toJavaScript(), failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })) };
    }

    async diff(urn: string, id: string, olds: Props, news: Props): Promise<{ changes: "unknown" | "none" | "some"; diffs: string[] }> {
        const resp = await this.call("diff", new provproto.DiffRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news)));
        return { changes: (["unknown", "none", "some"] as const)[resp.getChanges() as 0 | 1 | 2], diffs: resp.getDiffsList() };
    }

    /** `timeoutSeconds`: the engine's customTimeouts for the create, if any. */
    async create(urn: string, props: Props, timeoutSeconds = 0): Promise<{ id: string; properties: Props }> {
        const resp = await this.call("create", new provproto.CreateRequest().setUrn(urn).setProperties(struct(props)).setTimeout(timeoutSeconds));
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript() };
    }

    async update(urn: string, id: string, olds: Props, news: Props): Promise<Props> {
        const resp = await this.call("update", new provproto.UpdateRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news)));
        return resp.getProperties().toJavaScript();
    }

    /** Read; with `props` empty, as the engine reads a resource to import. `inputs` as the plugin answered them. */
    async read(urn: string, id: string, props: Props): Promise<{ id: string; properties: Props; inputs?: Props }> {
        const resp = await this.call("read", new provproto.ReadRequest().setUrn(urn).setId(id).setProperties(struct(props)));
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript(), inputs: resp.getInputs()?.toJavaScript() };
    }

    async delete(urn: string, id: string, props: Props): Promise<void> {
        await this.call("delete", new provproto.DeleteRequest().setUrn(urn).setId(id).setProperties(struct(props)));
    }

    async cancel(): Promise<void> {
        await this.call("cancel", new emptyproto.Empty());
    }

    stop(): void {
        this.client.close();
        this.child.kill();
        this.engine.forceShutdown();
    }

    private call(method: string, req: unknown): Promise<any> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (err: grpc.ServiceError | null, resp: any) => (err ? reject(withPartialState(err)) : resolve(resp)));
        });
    }
}

/** Decodes ErrorResourceInitFailed from the status details, as the engine does. */
function withPartialState(err: grpc.ServiceError): PluginError {
    const e: PluginError = Object.assign(new Error(err.details || err.message), { code: err.code });
    const bin = err.metadata?.get("grpc-status-details-bin")?.[0];
    if (bin) {
        const statusproto = require("@pulumi/pulumi/proto/status_pb");
        for (const any of statusproto.Status.deserializeBinary(bin).getDetailsList()) {
            const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue());
            e.partial = { id: detail.getId(), properties: detail.getProperties().toJavaScript() };
        }
    }
    return e;
}
